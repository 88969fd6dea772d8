/** Step 2: the units rated (within the organizing unit's subtree, as the server lists them) and their groups. */
import { Text, View } from '@tarojs/components'
import type { UnitView } from '../../../api/organize'
import UnitPicker from '../../components/UnitPicker'
import { groupsOf, type Draft } from '../../lib/draft'

interface Props {
  draft: Draft
  units: UnitView[]
  update: (patch: Partial<Draft>) => void
}

export default function TargetsStep({ draft, units, update }: Props) {
  const chosen = draft.units.map((u) => u.id)
  const toggle = (unit: UnitView) =>
    update({ units: chosen.includes(unit.id) ? draft.units.filter((u) => u.id !== unit.id) : [...draft.units, unit] })
  const groupCount = Math.max(1, ...draft.units.map((u) => draft.groupOf[u.id] ?? 1))
  const groups = groupsOf(draft)
  const nextGroup = (id: string) => {
    const n = draft.groupOf[id] ?? 1
    const max = Math.min(groupCount + 1, draft.units.length)
    update({ groupOf: { ...draft.groupOf, [id]: n >= max ? 1 : n + 1 } })
  }

  return (
    <View>
      <View className='qp-card'>
        <Text className='qp-card__title'>{`评议对象（已选 ${draft.units.length} 个）`}</Text>
        <UnitPicker units={units} selected={chosen} onToggle={toggle} />
      </View>
      {draft.units.length > 0 && (
        <View className='qp-card'>
          <Text className='qp-card__title'>分组与牵头单位</Text>
          <Text className='qp-muted'>点“第N组”换组，点单位名设为本组牵头单位。</Text>
          {draft.units.map((u) => {
            const n = draft.groupOf[u.id] ?? 1
            const lead = groups.find((g) => g.unitIds.includes(u.id))?.leadUnitId === u.id
            return (
              <View key={u.id} className='org__row'>
                <Text className='org__label' onClick={() => update({ leadOf: { ...draft.leadOf, [n]: u.id } })}>
                  {`${u.name}${lead ? '（牵头）' : ''}`}
                </Text>
                <Text className='org__chip org__chip--on' onClick={() => nextGroup(u.id)}>{`第${n}组`}</Text>
              </View>
            )
          })}
        </View>
      )}
    </View>
  )
}
