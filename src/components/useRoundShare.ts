/** @module Every round page shares itself with the round's title and the channel it came through. */
import { useShareAppMessage } from '@tarojs/taro'
import { roundPath } from '../services/links'

export function useRoundShare(roundId: string, title: string | undefined, channel?: string): void {
  useShareAppMessage(() => ({
    title: title ? `邀请您参加：${title}` : '群众评议',
    path: `/${roundPath(roundId, channel)}`,
  }))
}
