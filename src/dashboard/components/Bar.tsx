/** A horizontal bar for a rate or a share of the expected ballots, and the share itself. */
import { View } from '@tarojs/components'

export function Bar({ percent, alert }: { percent: number | null; alert?: boolean }) {
  return (
    <View className='dash-bar'>
      <View className={`dash-bar__fill${alert ? ' dash-bar__fill--alert' : ''}`} style={{ width: `${percent ?? 0}%` }} />
    </View>
  )
}

/** Ballots as a share of those expected, capped at 100; null where no count is expected. */
export const turnoutPercent = (ballots: number, expected: number | null) => (expected ? Math.min(100, Math.round((ballots / expected) * 100)) : null)
