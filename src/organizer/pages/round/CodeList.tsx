/** The round's invitation codes by category; slips to cut out (打印邀请码) and a code sheet per unit. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { RoundDetail } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'
import { openExport } from '../../../services/exportFile'
import type { RoundCode } from './useRoundDetail'

interface Props {
  round: RoundDetail
  codes: RoundCode[]
  unitName: (unitId: string) => string
}

export default function CodeList({ round, codes, unitName }: Props) {
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  if (codes.length === 0) return null
  const unitIds = [...new Set(codes.map((c) => c.unitId))]
  const sheet = async (unitId: string) => {
    const res = await call('organize', 'codeSheet', { roundId: round.id, unitId })
    setError(res.ok ? null : res.error)
    if (res.ok) await openExport({ url: res.data.url, fileName: '邀请码清单.xlsx' })
  }
  const slips = async (unitId?: string) => {
    setBusy(true)
    const res = await call('organize', 'codeSlips', { roundId: round.id, ...(unitId ? { unitId } : {}) })
    setBusy(false)
    setError(res.ok ? null : res.error)
    if (res.ok) await openExport({ url: res.data.url, fileName: '邀请码.pdf' })
  }

  return (
    <View className='qp-card codes'>
      <Text className='qp-card__title'>{`邀请码（${codes.length} 个）`}</Text>
      {round.categories.map((cat) => {
        const list = codes.filter((c) => c.categoryId === cat.id)
        if (list.length === 0) return null
        return (
          <View key={cat.id}>
            <Text className='org__field-label'>{cat.name}</Text>
            {list.map((c) => (
              <View key={c.code} className='org__row codes__row'>
                <Text className='org__label'>{`${c.name ?? '共用码'} · ${unitName(c.unitId)}`}</Text>
                <Text className='codes__code' userSelect>{c.code}</Text>
                <Text className='org__value'>{c.usesLeft > 0 ? `余 ${c.usesLeft} 次` : '已使用'}</Text>
              </View>
            ))}
          </View>
        )
      })}
      <Text className='org__field-label'>打印邀请码</Text>
      <Text className='qp-muted'>每人一张裁切小票（PDF），含小程序码和邀请码，已用完的不再打印。</Text>
      <View className='org__inline-actions'>
        <Button size='small' type='primary' loading={busy} onClick={() => void slips()}>全部（PDF）</Button>
        {unitIds.map((u) => (
          <Button key={u} size='small' type='primary' fill='outline' disabled={busy} onClick={() => void slips(u)}>{`${unitName(u)}（PDF）`}</Button>
        ))}
      </View>
      <Text className='org__field-label'>邀请码清单</Text>
      <View className='org__inline-actions'>
        {unitIds.map((u) => (
          <Button key={u} size='small' fill='outline' onClick={() => void sheet(u)}>{`${unitName(u)}（Excel）`}</Button>
        ))}
      </View>
      {error && <Text className='qp-error'>{error.message}</Text>}
    </View>
  )
}
