/** Verdict badges (返工补课, 整改, 基本称职, 不称职 …) in colours read at a glance. */
import { Text, View } from '@tarojs/components'
import type { Badge } from '../../api/report'

export default function Badges({ badges, none }: { badges: Badge[]; none?: string }) {
  if (badges.length === 0) return none ? <Text className='dash-badge dash-badge--ok'>{none}</Text> : null
  return (
    <View className='dash-badges'>
      {badges.map((b) => <Text key={b.label} className={`dash-badge dash-badge--${b.tone}`}>{b.label}</Text>)}
    </View>
  )
}
