/** The readiness check of a draft round, from the server, and (unless read-only) the button that opens it. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { RoundDetail } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'

export default function Readiness({ round, readOnly, onChanged }: { round: RoundDetail; readOnly: boolean; onChanged: () => Promise<void> }) {
  // Whether opening was just refused; the reasons are the reloaded round's blockers (the server's latest word).
  const [refused, setRefused] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const { blockers } = round

  const open = async () => {
    setBusy(true)
    const res = await call('organize', 'openRound', { roundId: round.id })
    setError(res.ok ? null : res.error)
    setRefused(res.ok && res.data.blockers.length > 0)
    await onChanged()
    setBusy(false)
  }

  return (
    <View className='qp-card readiness'>
      <Text className='qp-card__title'>开放前检查</Text>
      {blockers.length === 0 ? (
        <Text className='org__ok'>{readOnly ? '检查通过，组织方可以开放评议。' : '检查通过，可以开放评议。'}</Text>
      ) : (
        <View>
          <Text className='qp-muted'>{refused ? '暂不能开放，请先处理以下问题：' : `还有 ${blockers.length} 个问题需要处理：`}</Text>
          {blockers.map((b, i) => (
            <Text key={`${b.code}-${b.subjectId ?? i}`} className='org__blocker readiness__blocker'>
              {b.message}
            </Text>
          ))}
        </View>
      )}
      {error && <Text className='qp-error'>{error.message}</Text>}
      {!readOnly && (
        <View className='org__inline-actions'>
          <Button type='primary' size='large' block loading={busy} onClick={() => void open()}>
            开放评议
          </Button>
        </View>
      )}
    </View>
  )
}
