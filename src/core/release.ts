/**
 * @module release — live results move in steps of at least k ballots. Whoever can read a target's
 * figures twice would otherwise subtract them and read the ballots cast in between: one known
 * resident's whole ballot when one arrived. A release is a set of a target's ballots; every view of
 * its content (rates, distributions, items, opinions, verdicts) rests on one release, and a new
 * release adds at least k ballots in every part a view can tell apart. Counts of participation
 * (how many, per category, channel or day) stay live.
 *
 * A release also leaves out at least k ballots of every part it moves, drawn by their random sort
 * keys, not by arrival. Anything that places a voter after a release (receipts and enrolments in
 * CloudBase's insertion order, a budget record of this window) then still leaves her ballot among
 * the k or more a dump shows outside the release, never alone.
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
 * The parts a view tells apart, as category lists (null: the whole target): each weighted part
 * (004's internal and social evaluation), whose own rates the headline shows, and the categories
 * in none. Category breakdowns are not shown live.
 */
function releaseParts(round: Round): (readonly string[] | null)[] {
  if (round.aggregation.mode === 'pooled') return [null]
  const parts = round.aggregation.parts.map((p) => p.categoryIds)
  return [...parts, round.categories.map((c) => c.id).filter((id) => !parts.some((p) => p.includes(id)))]
}

const partBallots = (round: Round, counters: Counters): number[] =>
  releaseParts(round).map((ids) => (ids === null ? counters.ballots : ids.reduce((n, id) => n + categoryCounters(counters, id).ballots, 0)))

/**
 * Whether a release at `ballots` would leave the close room for fewer than k more: when the
 * procedure expects a number of ballots per target, a release that fewer than k of them could
 * still follow (but not all have come) is skipped, as the final result would then differ by < k.
 */
function nearlyAllIn(round: Round, targetId: string, ballots: number): boolean {
  const expected = expectedTurnout(round).of(targetId)
  return expected !== null && ballots < expected && expected - ballots < round.kSuppression
}

/** Whether releases may move at all: an open round, before its last stretch, not nearly all in. */
function releasing(round: Round, targetId: string, received: number, now: Date): boolean {
  return round.state === 'open' && now < lastStretchFrom(round) && !nearlyAllIn(round, targetId, received)
}

/**
 * Whether a release is due from the counts alone (no ballot read): some part has at least 2k
 * ballots outside the release, k to add and k to leave out. See `nextRelease` for which.
 */
export function releaseDue(round: Round, targetId: string, released: Counters, received: Counters, now: Date): boolean {
  if (!releasing(round, targetId, received.ballots, now)) return false
  const before = partBallots(round, released)
  return partBallots(round, received).some((n, i) => n - (before[i] as number) >= 2 * round.kSuppression)
}

/** A stored ballot as a release sees it: its random sort key and its category. */
export interface Releasable {
  r: string
  categoryId: string
}

/**
 * The ballots of the next release (null: none due): every ballot of the current one (`released`,
 * by sort key), and in each part with at least 2k ballots outside it, all of those but the k with
 * the highest keys. So each part moves by 0 or at least k, and at least k of its ballots stay out
 * whichever arrived last: a ballot stays out by its key, drawn at random, not by when it came.
 */
export function nextRelease<B extends Releasable>(round: Round, targetId: string, released: ReadonlySet<string>, ballots: readonly B[], now: Date): B[] | null {
  if (!releasing(round, targetId, ballots.length, now)) return null
  const k = round.kSuppression
  const chosen = ballots.filter((b) => released.has(b.r))
  const before = chosen.length
  for (const ids of releaseParts(round)) {
    const out = ballots.filter((b) => !released.has(b.r) && (ids === null || ids.includes(b.categoryId))).sort((x, y) => (x.r < y.r ? -1 : x.r > y.r ? 1 : 0))
    if (out.length >= 2 * k) chosen.push(...out.slice(0, out.length - k))
  }
  return chosen.length > before ? chosen : null
}

/** Why received ballots are not (all) shown; see `heldBack`. */
export type Hold = 'too-few' | 'closing' | 'last-stretch' | 'nearly-all-in' | 'under-k' | 'parts' | 'due'

/**
 * Why ballots received are not (all) in what views show, by cause, so a page says the true one:
 * too few to show at all (closed), the close being sealed, the last stretch frozen, fewer than k of
 * the expected still to come, under 2k ballots outside the release (in all, or in every weighted
 * part: k of them always stay out), or due and about to be taken. `shown`: the counters views show (see `shownContent`); null when none is held.
 */
export function heldBack(round: Round, targetId: string, shown: Counters, received: Counters, now: Date): Hold | null {
  const k = round.kSuppression
  if (received.ballots === 0) return null
  if (round.state !== 'open') return received.ballots < k ? 'too-few' : received.ballots > shown.ballots ? 'closing' : null
  if (received.ballots === shown.ballots) return null
  if (now >= lastStretchFrom(round)) return 'last-stretch'
  if (nearlyAllIn(round, targetId, received.ballots)) return 'nearly-all-in'
  if (releaseDue(round, targetId, shown, received, now)) return 'due'
  return received.ballots - shown.ballots < 2 * k ? 'under-k' : 'parts'
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
