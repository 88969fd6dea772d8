/** 更新于 hh:mm:ss, and that the page refreshes itself. */
import { Text } from '@tarojs/components'
import { showClock } from '../../services/time'

export default function Updated({ at, live }: { at: string; live: boolean }) {
  return <Text className='dash-updated'>{`更新于 ${showClock(at)}${live ? '　每 15 秒自动刷新，下拉可立即刷新' : ''}`}</Text>
}
