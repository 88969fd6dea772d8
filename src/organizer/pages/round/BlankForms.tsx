/** 空白评价表: the round's paper form, one per target, printed per group for a meeting or for anyone without WeChat. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { RoundDetail } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'
import { openExport } from '../../../services/exportFile'

export default function BlankForms({ round }: { round: RoundDetail }) {
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  if (round.targets.length === 0) return null
  const print = async (group?: { id: string; name: string }) => {
    setBusy(true)
    const res = await call('organize', 'blankForms', { roundId: round.id, ...(group ? { groupId: group.id } : {}) })
    setBusy(false)
    setError(res.ok ? null : res.error)
    if (res.ok) await openExport({ url: res.data.url, fileName: `${group?.name ?? ''}空白评价表.pdf` })
  }
  return (
    <View className='qp-card blank-forms'>
      <Text className='qp-card__title'>空白评价表</Text>
      <Text className='qp-muted'>按评议表样式打印的纸质评价表，每个评议对象一页，表头印好单位名称，附填表说明。</Text>
      <View className='org__inline-actions'>
        {round.groups.map((g) => (
          <Button key={g.id} size='small' fill='outline' disabled={busy} onClick={() => void print(g)}>{`打印${g.name}`}</Button>
        ))}
        <Button size='small' type='primary' fill='outline' disabled={busy} onClick={() => void print()}>打印全部</Button>
      </View>
      {error && <Text className='qp-error'>{error.message}</Text>}
    </View>
  )
}
