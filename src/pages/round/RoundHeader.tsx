/** The round's title, window, the channel it was shared through, and its introduction. */
import { Text, View } from '@tarojs/components'
import type { RoundForResident } from '../../api/evaluate'
import CareToggle from '../../components/CareToggle'
import { Period } from '../../components/When'

export default function RoundHeader({ data }: { data: RoundForResident }) {
  const { round, intro, channel } = data
  return (
    <View>
      <View className='round__banner'>
        <Text className='round__title'>{round.title}</Text>
        <Text className='round__window'>
          评议时间：<Period window={round.window} />
        </Text>
        {channel && <Text className='round__channel'>由 {channel.name} 转发</Text>}
        <CareToggle compact />
      </View>
      {intro && (
        <View className='qp-card'>
          <Text className='qp-card__title'>评议说明</Text>
          <Text className='round__intro'>{intro}</Text>
        </View>
      )}
    </View>
  )
}
