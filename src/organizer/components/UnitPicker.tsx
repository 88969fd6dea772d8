/** Units as an indented tree; tapping one toggles (or picks) it. */
import { Text, View } from '@tarojs/components'
import type { UnitView } from '../../api/organize'
import { KIND_NAMES } from '../lib/labels'
import { treeOrder } from '../lib/tree'

interface Props {
  units: UnitView[]
  selected: string[]
  onToggle: (unit: UnitView) => void
}

export default function UnitPicker({ units, selected, onToggle }: Props) {
  return (
    <View className='unit-picker'>
      {treeOrder(units).map(({ unit, depth }) => {
        const on = selected.includes(unit.id)
        return (
          <View
            key={unit.id}
            className={`unit-picker__unit org__option${on ? ' org__option--on' : ''}`}
            style={{ marginLeft: `${depth * 20}px` }}
            role='checkbox'
            aria-checked={on}
            onClick={() => onToggle(unit)}
          >
            <Text className='unit-picker__box'>{on ? '☑ ' : '☐ '}</Text>
            <Text className='unit-picker__name'>{unit.name}</Text>
            <Text className='qp-muted unit-picker__kind'>{`  ${KIND_NAMES[unit.kind]}`}</Text>
          </View>
        )
      })}
    </View>
  )
}
