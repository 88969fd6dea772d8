/** The resident's receipts of a round that has ended: which targets they rated, and each 回执编号. */
import { Text, View } from '@tarojs/components'
import type { RoundForResident } from '../../api/evaluate'

export default function Receipts({ data }: { data: RoundForResident }) {
  if (data.receipts.length === 0) return null
  const nameOf = (id: string) => data.targets.find((t) => t.id === id)?.name ?? id
  return (
    <View className='qp-card round__receipts'>
      <Text className='qp-card__title'>{`我的评议回执（${data.receipts.length} 个）`}</Text>
      {data.receipts.map((r) => (
        <View key={r.targetId} className='round__receipt'>
          <Text className='target__name'>{nameOf(r.targetId)}</Text>
          <Text className='target__receipt'>回执编号 {r.code}</Text>
        </View>
      ))}
    </View>
  )
}
