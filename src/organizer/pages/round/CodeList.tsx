/**
 * The round's invitation codes by category, names beside codes so slips can be handed over and a
 * lost one voided or reissued; how many are used, by count only; slips to cut out (打印邀请码) and
 * a code sheet per unit. No mark per name says whether that person used their code.
 */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ListedCode, RoundDetail } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'
import { openExport } from '../../../services/exportFile'
import CodeCounts from '../../components/CodeCounts'
import { organizerPaths } from '../../lib/paths'
import { useLoad } from '../../lib/useLoad'

interface Props {
  round: RoundDetail
  codes: ListedCode[]
  unitName: (unitId: string) => string
}

export default function CodeList({ round, codes, unitName }: Props) {
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const counts = useLoad(() => call('organize', 'codeCounts', { roundId: round.id }), [round.id, codes])
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
                {c.usesLeft !== null && <Text className='org__value'>{`余 ${c.usesLeft} 次`}</Text>}
              </View>
            ))}
          </View>
        )
      })}
      {counts.data && <CodeCounts counts={counts.data.counts} k={counts.data.k} />}
      <View className='org__inline-actions'>
        <Button size='small' fill='outline' onClick={() => void Taro.navigateTo({ url: organizerPaths.codes(round.id) })}>作废或补发邀请码</Button>
      </View>
      <Text className='org__field-label'>打印邀请码</Text>
      <Text className='qp-muted'>名单内每人一张、每个共用码一张裁切小票（PDF），含小程序码和邀请码；已作废的和用完的共用码不打印。</Text>
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
