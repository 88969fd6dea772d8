/** A large switch for 关怀模式: bigger text and buttons, remembered on this phone. */
import { Text, View } from '@tarojs/components'
import { useCareMode } from './useCareMode'
import './CareToggle.scss'

export default function CareToggle() {
  const [care, setCare] = useCareMode()
  return (
    <View
      className={care ? 'care-toggle care-toggle--on' : 'care-toggle'}
      role='switch'
      aria-checked={care}
      onClick={() => setCare(!care)}
    >
      <Text className='care-toggle__label'>关怀模式（大字）</Text>
      <View className='care-toggle__track'>
        <View className='care-toggle__knob' />
      </View>
      <Text className='care-toggle__state'>{care ? '已开启' : '已关闭'}</Text>
    </View>
  )
}
