/** A round's state as a small coloured tag. */
import { Text } from '@tarojs/components'
import type { RoundState } from '../../core/round'
import { STATE_NAMES } from '../lib/labels'

export default function StateTag({ state }: { state: RoundState }) {
  return <Text className={`state-tag state-tag--${state}`}>{STATE_NAMES[state]}</Text>
}
