/** A round's status, as residents are told it, as a small coloured tag. */
import { Text } from '@tarojs/components'
import type { RoundStatus } from '../../core/lifecycle'
import { STATUS_NAMES } from '../lib/labels'

export default function StateTag({ status }: { status: RoundStatus }) {
  return <Text className={`state-tag state-tag--${status}`}>{STATUS_NAMES[status]}</Text>
}
