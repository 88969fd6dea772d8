/** Everything the resident chose, per target, before it is sent; each target can still be changed. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { BallotTemplate } from '../../core/ballotTemplate'
import type { Sheet } from './sheet'

interface Props {
  template: BallotTemplate
  targets: { id: string; name: string }[]
  sheetOf: (id: string) => Sheet
  onEdit: (index: number) => void
}

export default function Review({ template, targets, sheetOf, onEdit }: Props) {
  const label = (levelId: string | undefined) => template.scale.levels.find((l) => l.id === levelId)?.label ?? '未选'
  return (
    <View>
      {targets.map((t, index) => {
        const sheet = sheetOf(t.id)
        return (
          <View key={t.id} className='qp-card review'>
            <View className='review__head'>
              <Text className='qp-card__title review__name'>{t.name}</Text>
              <Button size='large' fill='outline' onClick={() => onEdit(index)}>
                修改
              </Button>
            </View>
            <View className='review__row review__row--overall'>
              <Text>总体评价</Text>
              <Text className='review__level'>{label(sheet.overall)}</Text>
            </View>
            {template.sections.flatMap((s) => s.items).map((item) => (
              <View key={item.id} className='review__row'>
                <Text className='review__item'>{item.label}</Text>
                <Text className='review__level'>{label(sheet.items[item.id])}</Text>
              </View>
            ))}
            {sheet.opinion.trim() && <Text className='review__opinion'>意见建议：{sheet.opinion.trim()}</Text>}
          </View>
        )
      })}
    </View>
  )
}
