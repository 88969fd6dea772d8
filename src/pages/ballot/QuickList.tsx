/**
 * Many persons at once (a branch's 党员): one overall rating per person in a single list; each
 * person's items follow their overall rating unless the resident opens that person's details.
 */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { RoundForResident } from '../../api/evaluate'
import LevelPicker from '../../components/LevelPicker'
import type { Sheet } from './sheet'

interface Props {
  data: RoundForResident
  pending: string[]
  sheetOf: (id: string) => Sheet
  setSheet: (id: string, sheet: Sheet) => void
  refusals: Record<string, string>
  /** Persons left without an overall rating after the resident asked to go on. */
  missing: string[]
  onDetails: (index: number) => void
  onReview: () => void
}

export default function QuickList({ data, pending, sheetOf, setSheet, refusals, missing, onDetails, onReview }: Props) {
  const { template } = data
  const rated = pending.filter((id) => sheetOf(id).overall).length
  return (
    <View>
      <View className='ballot__head'>
        <Text className='ballot__progress'>{`共 ${pending.length} 人，已选 ${rated} 人`}</Text>
        <Text className='ballot__target'>请为每人选一个总体评价</Text>
      </View>
      <Text className='qp-muted quick__hint'>各项评价默认与总体评价相同；要逐项评价或写意见，点“细项”。</Text>
      {pending.map((id, index) => {
        const target = data.targets.find((t) => t.id === id)
        const sheet = sheetOf(id)
        return (
          <View key={id} className='qp-card quick__person'>
            <View className='quick__head'>
              <Text className='quick__name'>
                {target?.name ?? id}
                {target?.position && <Text className='quick__position'>{` · ${target.position}`}</Text>}
              </Text>
              <Text className='quick__details' onClick={() => onDetails(index)}>细项 ›</Text>
            </View>
            {refusals[id] && <Text className='qp-error'>{refusals[id]}</Text>}
            <LevelPicker label={`${target?.name ?? id}的${template.overall.label}`} levels={template.scale.levels} value={sheet.overall} row missing={missing.includes(id)} onChange={(overall) => setSheet(id, { ...sheet, overall })} />
          </View>
        )
      })}
      {missing.length > 0 && <Text className='qp-error'>还有 {missing.length} 人没有选择总体评价，已用红色标出。</Text>}
      <View className='qp-actions'>
        <Button type='primary' size='xlarge' block onClick={onReview}>检查并提交</Button>
      </View>
    </View>
  )
}
