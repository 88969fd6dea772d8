/** A large switch for 关怀模式: bigger text and buttons, remembered on this phone. */
import { Text, View } from '@tarojs/components'
import { useCareMode } from './useCareMode'
import './CareToggle.scss'

/** `compact`: a pill for a page's red banner, where the full-width row would push the content down. */
export default function CareToggle({ compact }: { compact?: boolean }) {
  const [care, setCare] = useCareMode()
  return (
    <View
      className={`care-toggle${care ? ' care-toggle--on' : ''}${compact ? ' care-toggle--compact' : ''}`}
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
