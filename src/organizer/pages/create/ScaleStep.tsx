/** Step 3 (continued): the scale's levels — what each is called and what it scores. */
import { Text, View } from '@tarojs/components'
import Field from '../../components/Field'
import type { Draft } from '../../lib/draft'
import { CLASS_NAMES, relabelLevel, rescoreLevel } from '../../lib/scale'

export default function ScaleStep({ draft, update }: { draft: Draft; update: (patch: Partial<Draft>) => void }) {
  const ballot = draft.ballot
  if (!ballot) return null
  return (
    <View className='qp-card scale'>
      <Text className='qp-card__title'>评价等次</Text>
      <Text className='qp-muted'>可修改各等次的名称和分值（0–100）；计入满意或不满意的口径按办法规定，不可更改。</Text>
      {ballot.scale.levels.map((level) => (
        <View key={level.id} className='scale__level'>
          <Field className='scale__label' label={`等次名称（${CLASS_NAMES[level.class]}）`} maxlength={20} value={level.label} onChange={(label) => update({ ballot: relabelLevel(ballot, level.id, label) })} />
          <Field className='scale__score' label='分值' maxlength={3} value={String(level.score)} onChange={(typed) => update({ ballot: rescoreLevel(ballot, level.id, typed) })} />
          {level.label.trim() === '' && <Text className='org__blocker'>名称不能为空</Text>}
        </View>
      ))}
    </View>
  )
}
