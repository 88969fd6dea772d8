/** The organizer screens' header band: a title and one line under it. */
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

export default function OrgHead({ title, sub }: { title: string; sub?: ReactNode }) {
  return (
    <View className='org__head'>
      <Text className='org__title'>{title}</Text>
      {sub && <Text className='org__sub'>{sub}</Text>}
    </View>
  )
}
