/** One row of big level buttons (满意 / 基本满意 / …): tap one, tap another to change. */
import { Text, View } from '@tarojs/components'
import type { ScaleLevel } from '../core/scale'
import './LevelPicker.scss'

interface Props {
  label: string
  levels: readonly ScaleLevel[]
  value: string | undefined
  onChange: (levelId: string) => void
  /** Marks a row left empty after the resident asked to go on. */
  missing?: boolean
  strong?: boolean
  /** All levels on one line, as in a long list of persons; a scale of three is always one line. */
  row?: boolean
}

export default function LevelPicker({ label, levels, value, onChange, missing, strong, row }: Props) {
  const oneLine = row || levels.length <= 3
  return (
    <View className={`level-picker${missing ? ' level-picker--missing' : ''}${strong ? ' level-picker--strong' : ''}${oneLine ? ' level-picker--row' : ''}`}>
      <Text className='level-picker__label'>{label}</Text>
      {missing && <Text className='level-picker__hint'>请选择一项</Text>}
      <View className='level-picker__levels' role='radiogroup' aria-label={label}>
        {levels.map((level) => (
          <View
            key={level.id}
            role='radio'
            aria-checked={value === level.id}
            className={`level-picker__level level-picker__level--${level.class}${value === level.id ? ' level-picker__level--on' : ''}`}
            onClick={() => onChange(level.id)}
          >
            {level.label}
          </View>
        ))}
      </View>
    </View>
  )
}
