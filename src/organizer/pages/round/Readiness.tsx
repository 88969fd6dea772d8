/** The readiness check of a draft round, from the server, and (unless read-only) the button that opens it. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
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
    // What opening locks is not obvious and cannot be undone: say it before, not after (a round with blockers will not open anyway).
    if (blockers.length === 0) {
      const { confirm } = await Taro.showModal({
        title: '开放评议',
        content: '开放后居民即可评议。评议对象、参评类别、评议内容、等次和认定规则将锁定，只能修改结束时间和说明文字。确定开放吗？',
      })
      if (!confirm) return
    }
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
