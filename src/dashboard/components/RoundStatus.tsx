/** A round's status line: provisional or final, its state, and when the figures were computed. */
import { Text, View } from '@tarojs/components'
import type { RoundHeader } from '../../api/report'
import Updated from './Updated'

export default function RoundStatus({ round }: { round: RoundHeader }) {
  return (
    <>
      <View className='dash-status'>
        <Text className={`dash-pill dash-pill--${round.status}`}>{round.resultsNotice ? '参评进度' : round.status === 'final' ? '最终结果' : '初步结果'}</Text>
        <Text className='dash-pill'>{round.stateLabel}</Text>
      </View>
      <Updated at={round.computedAt} live={round.basis === 'live'} />
    </>
  )
}
