/**
 * @module release — live results move in steps of at least k ballots. Whoever can read a target's
 * figures twice would otherwise subtract them and read the ballots cast in between: one known
 * resident's whole ballot when one arrived. A release is a snapshot of a target's ballots; every
 * view of its content (rates, distributions, items, opinions, verdicts) rests on one release, and
 * a new release is taken only when it differs from the last by at least k ballots in every part a
 * view can tell apart. Counts of participation (how many, per category, channel or day) stay live.
 */
import { type Counters, categoryCounters, emptyCounters } from './counters'
import { expectedTurnout } from './participation'
import type { Round } from './round'

/** No live release in the last tenth of the window, and never more than this before its end. */
const LAST_STRETCH_MAX_MS = 24 * 3600 * 1000

/**
 * From this instant on, live figures stay at their last release until the final result. The close
 * is the one difference that can be smaller than k (the final result must be exact); freezing
 * the last stretch pools everyone who votes in it, so one late ballot is not the only difference.
 */
export function lastStretchFrom(round: Pick<Round, 'window'>): Date {
  const opens = Date.parse(round.window.opensAt)
  const closes = Date.parse(round.window.closesAt)
  return new Date(closes - Math.min(LAST_STRETCH_MAX_MS, Math.max(0, closes - opens) / 10))
}

/**
 * The parts a view tells apart: the whole target, and each weighted part (004's internal and
 * social evaluation), whose own rates the headline shows. Category breakdowns are not shown live.
 */
function partBallots(round: Round, counters: Counters): number[] {
  const whole = counters.ballots
  if (round.aggregation.mode === 'pooled') return [whole]
  const parts = round.aggregation.parts.map((p) => p.categoryIds.reduce((n, id) => n + categoryCounters(counters, id).ballots, 0))
  return [whole, ...parts]
}

/**
 * Whether a release at `ballots` would leave the close room for fewer than k more: when the
 * procedure expects a number of ballots per target, a release that fewer than k of them could
 * still follow (but not all have come) is skipped, as the final result would then differ by < k.
 */
function nearlyAllIn(round: Round, targetId: string, ballots: number): boolean {
  const expected = expectedTurnout(round).of(targetId)
  return expected !== null && ballots < expected && expected - ballots < round.kSuppression
}

/**
 * Whether `next` may replace `released` as what views show: at least k more ballots, and every
 * weighted part unchanged or at least k ballots further, so no difference of two views, not even
 * of one part, rests on fewer than k ballots. Only while the round is open, before its last
 * stretch, and not when fewer than k of the expected ballots would remain to come.
 */
export function releaseDue(round: Round, targetId: string, released: Counters, next: Counters, now: Date): boolean {
  if (round.state !== 'open' || now >= lastStretchFrom(round) || nearlyAllIn(round, targetId, next.ballots)) return false
  const k = round.kSuppression
  const before = partBallots(round, released)
  const after = partBallots(round, next)
  return after.every((n, i) => n === before[i] || n - (before[i] as number) >= k) && after[0] !== before[0]
}

/** Why received ballots are not (all) shown; see `heldBack`. */
export type Hold = 'too-few' | 'closing' | 'last-stretch' | 'nearly-all-in' | 'under-k' | 'parts' | 'due'

/**
 * Why ballots received are not (all) in what views show, by cause, so a page says the true one:
 * too few to show at all (closed), the close being sealed, the last stretch frozen, fewer than k of
 * the expected still to come, under k new ballots (in all, or in a weighted part), or due and
 * about to be taken. `shown`: the counters views show (see `shownContent`); null when none is held.
 */
export function heldBack(round: Round, targetId: string, shown: Counters, received: Counters, now: Date): Hold | null {
  const k = round.kSuppression
  if (received.ballots === 0) return null
  if (round.state !== 'open') return received.ballots < k ? 'too-few' : received.ballots > shown.ballots ? 'closing' : null
  if (received.ballots === shown.ballots) return null
  if (now >= lastStretchFrom(round)) return 'last-stretch'
  if (nearlyAllIn(round, targetId, received.ballots)) return 'nearly-all-in'
  if (releaseDue(round, targetId, shown, received, now)) return 'due'
  return received.ballots - shown.ballots < k ? 'under-k' : 'parts'
}

/** What a view may show of a target's ballots: all of them once there are k, before that nothing. */
export function shownContent(counters: Counters, k: number): Counters {
  return counters.ballots >= k ? counters : emptyCounters()
}

/** Only the counts of participation (ballots per target, category and channel): no ratings, no opinions. */
export function turnoutOf(counters: Counters): Counters {
  const categories = Object.fromEntries(Object.entries(counters.categories).map(([id, c]) => [id, { ballots: c.ballots, overall: {}, items: {} }]))
  return { ...emptyCounters(), ballots: counters.ballots, categories, channels: { ...counters.channels } }
}
