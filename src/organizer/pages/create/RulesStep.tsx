/** Step 3 (continued): the template's verdict rules, each with its consequences; any may be turned off. */
import { Text, View } from '@tarojs/components'
import type { Draft } from '../../lib/draft'
import { effectLabel } from '../../../core/ruleLabels'

interface Props {
  draft: Draft
  update: (patch: Partial<Draft>) => void
}

export default function RulesStep({ draft, update }: Props) {
  if (!draft.template) return null
  const toggle = (id: string) =>
    update({ rulesOff: draft.rulesOff.includes(id) ? draft.rulesOff.filter((r) => r !== id) : [...draft.rulesOff, id] })

  return (
    <View className='qp-card rules'>
      <Text className='qp-card__title'>结果认定规则</Text>
      {draft.rules.length === 0 && <Text className='qp-muted'>本模板没有结果认定规则。</Text>}
      {draft.rules.map((r) => {
        const on = !draft.rulesOff.includes(r.id)
        return (
          <View key={r.id} className={`rules__rule${on ? '' : ' rules__rule--off'}`}>
            <View className='org__row'>
              <Text className='org__label rules__name'>{r.name}</Text>
              <Text className={`org__chip rules__toggle${on ? ' org__chip--on' : ''}`} onClick={() => toggle(r.id)}>
                {on ? '已启用' : '已停用'}
              </Text>
            </View>
            <Text className='rules__effects'>{`后果：${r.effects.map(effectLabel).join('、')}`}</Text>
            <Text className='qp-muted'>{r.consequence}</Text>
          </View>
        )
      })}
    </View>
  )
}
