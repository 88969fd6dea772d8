/** The dashboard's header band: where we are, and the way back up the unit tree. */
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

interface Props {
  title: string
  sub?: ReactNode
  trail?: { id: string; name: string }[]
  onTrail?: (id: string) => void
}

export default function Head({ title, sub, trail, onTrail }: Props) {
  return (
    <View className='dash-head'>
      {trail && trail.length > 1 && (
        <View className='dash-trail'>
          {trail.slice(0, -1).map((t) => (
            <Text key={t.id} className='dash-trail__step' onClick={() => onTrail?.(t.id)}>{`${t.name} ›`}</Text>
          ))}
        </View>
      )}
      <Text className='dash-head__title'>{title}</Text>
      {sub && <Text className='dash-head__sub'>{sub}</Text>}
    </View>
  )
}
