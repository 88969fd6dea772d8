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

/** A window as Shanghai wall-clock ISO (+08:00), whatever offset it was written with: how residents read it. */
export function inShanghaiWindow(window: Round['window']): Round['window'] {
  return { opensAt: inShanghai(window.opensAt).format(), closesAt: inShanghai(window.closesAt).format() }
}

/**
 * The window once a round is closed at `now`: closing early makes now the real end, so residents
 * read when it actually ended; never before it opened, and a window already over stays as it was.
 */
export function closedWindow(window: Round['window'], now: Instant): Round['window'] {
  const at = inShanghai(now)
  if (!at.isBefore(inShanghai(window.closesAt))) return window
  const end = at.isBefore(inShanghai(window.opensAt)) ? inShanghai(window.opensAt) : at
  return { opensAt: window.opensAt, closesAt: end.format() }
}
