/** @module window — whether a round's window has opened or ended at a given instant. */
import type { Round } from './round'
import { inShanghai, type Instant } from './time'

export type WindowStatus = 'not-yet-open' | 'open' | 'ended'

/** Half-open [opensAt, closesAt): at closesAt exactly the window has ended. */
export function windowStatus(round: Pick<Round, 'window'>, now: Instant): WindowStatus {
  const at = inShanghai(now)
  if (at.isBefore(inShanghai(round.window.opensAt))) return 'not-yet-open'
  return at.isBefore(inShanghai(round.window.closesAt)) ? 'open' : 'ended'
}
