/**
 * @module participation — how many ballots came in, per target, category and channel, against the
 * counts the procedure expects. Counts only: no ratings, so no breakdown needs withholding.
 */
import { type Counters, emptyCounters, mergeCounters } from './counters'
import type { Quota } from './category'
import { eligibleTargets } from './eligibility'
import { roundUnitIds } from './enrolment'
import type { Target } from './org'
import { channelKind, type ChannelKind, type Round } from './round'

/** Paper sheets that carry no ballot (see paper.ts): shown beside the ballots, never in a rate. */
export interface Unusable {
  spoiled: number
  blank: number
}
export const NO_UNUSABLE: Unusable = { spoiled: 0, blank: 0 }

/** Ballots by how they came in: `online` is every ballot not cast through a meeting or on paper. */
export type ChannelSubtotal = { kind: 'online' | Exclude<ChannelKind, 'share'>; ballots: number }

export interface Participation {
  ballots: number
  /** `expected`: per target, see `expectedTurnout`. */
  targets: { id: string; name: string; ballots: number; expected: number | null; spoiled: number; blank: number }[]
  categories: { id: string; name: string; ballots: number; expectedPerUnit: number | null; quota: string | null }[]
  channels: { id: string; name: string; kind: ChannelKind; ballots: number }[]
  /** Online, meeting and paper ballots; they add up to `ballots`. */
  subtotals: ChannelSubtotal[]
  /** The people expected to take part: the procedure's roster (000: 20 per unit), or the households entered. */
  expectedVoters: number | null
  /** Whether the organiser may enter households (see `takesHouseholds`), and what was entered. */
  takesHouseholds: boolean
  households: number | null
}

export function quotaLabel(quota: Quota | undefined): string | null {
  return quota ? `${quota.comparison === 'at-least' ? '不少于' : '不超过'} ${quota.share.num}/${quota.share.den}` : null
}

/**
 * Ballots each target can expect from the categories that ask for a count per unit: each unit's
 * evaluators rate the targets their scope grants them (`eligibleTargets`), so a target expects
 * every unit's count whose scope reaches it. 000: 15 of its own unit + 5 × 4 of its group = 35.
 * Null for a target no counted category reaches, or when no category asks for a count. Kept per
 * category too (000's 全面评议 expects 20 at each target), for the quota check of each category.
 */
function rosterTurnout(round: Round): { perTarget: Map<string, number>; perCategory: Map<string, number>; voters: number } | null {
  const counted = round.categories.filter((c) => c.expectedPerUnit)
  if (counted.length === 0) return null
  const perTarget = new Map<string, number>()
  const perCategory = new Map<string, number>()
  let voters = 0
  // Where evaluators come from: every unit with a target or in a group (000: the group's four units).
  const units = roundUnitIds(round)
  for (const category of counted) {
    const n = category.expectedPerUnit as number
    for (const unitId of units) {
      const rated = eligibleTargets(round, category.id, unitId)
      if (rated.length > 0) voters += n
      for (const t of rated) {
        perTarget.set(t.id, (perTarget.get(t.id) ?? 0) + n)
        const key = categoryTarget(category.id, t.id)
        perCategory.set(key, (perCategory.get(key) ?? 0) + n)
      }
    }
  }
  return { perTarget, perCategory, voters }
}

const categoryTarget = (categoryId: string, targetId: string) => JSON.stringify([categoryId, targetId])

/**
 * A round open to all residents (every category by link, none with a count per unit) has no roster
 * to measure turnout against: the organiser may enter the community's households instead.
 */
export function takesHouseholds(round: Round): boolean {
  return round.categories.length > 0 && round.categories.every((c) => c.access === 'open' && !c.expectedPerUnit)
}

export interface ExpectedTurnout {
  /** Ballots expected at one target; null where no figure applies. */
  of: (targetId: string) => number | null
  /** Ballots expected at one target from one category that asks for a count per unit; else null. */
  ofCategory: (categoryId: string, targetId: string) => number | null
  /** People expected to take part in the round. */
  voters: number | null
}

/**
 * Who is expected to take part, per target and in all: the roster the procedure asks for, else the
 * households entered for a round open to all. A household is expected at a target only when every
 * category rates every target; otherwise the households stand for the round as a whole only.
 */
export function expectedTurnout(round: Round): ExpectedTurnout {
  const known = computed.get(round)
  if (known) return known
  const expected = computeExpected(round)
  computed.set(round, expected)
  return expected
}

/** Views ask per target: the counts are worked out once per round object (units × targets each time otherwise). */
const computed = new WeakMap<Round, ExpectedTurnout>()

function computeExpected(round: Round): ExpectedTurnout {
  const roster = rosterTurnout(round)
  if (roster) {
    const ofCategory = (categoryId: string, targetId: string) => roster.perCategory.get(categoryTarget(categoryId, targetId)) ?? null
    return { of: (id) => roster.perTarget.get(id) ?? null, ofCategory, voters: roster.voters || null }
  }
  const households = takesHouseholds(round) ? (round.households ?? null) : null
  const everyTarget = round.categories.every((c) => c.scope?.kind === 'round')
  return { of: () => (everyTarget ? households : null), ofCategory: () => null, voters: households }
}

/** `shown`: the targets the caller may see; their expected counts still come from the whole round. */
/** Each channel's ballots summed by kind; online takes the rest, so the parts always make the whole. */
function subtotals(round: Round, all: Counters): ChannelSubtotal[] {
  const of = (kind: ChannelKind) => round.channels.filter((ch) => channelKind(ch) === kind).reduce((n, ch) => n + (all.channels[ch.id] ?? 0), 0)
  const meeting = of('meeting')
  const paper = of('paper')
  return [{ kind: 'online', ballots: all.ballots - meeting - paper }, { kind: 'meeting', ballots: meeting }, { kind: 'paper', ballots: paper }]
}

export function participation(round: Round, countersByTarget: ReadonlyMap<string, Counters>, shown: readonly Target[] = round.targets, unusable: ReadonlyMap<string, Unusable> = new Map()): Participation {
  const of = (targetId: string) => countersByTarget.get(targetId) ?? emptyCounters()
  const all = shown.reduce((sum, t) => mergeCounters(sum, of(t.id)), emptyCounters())
  const expected = expectedTurnout(round)
  return {
    ballots: all.ballots,
    targets: shown.map((t) => ({ id: t.id, name: t.name, ballots: of(t.id).ballots, expected: expected.of(t.id), ...(unusable.get(t.id) ?? NO_UNUSABLE) })),
    categories: round.categories.map((c) => ({
      id: c.id,
      name: c.name,
      ballots: all.categories[c.id]?.ballots ?? 0,
      expectedPerUnit: c.expectedPerUnit ?? null,
      quota: quotaLabel(c.quota),
    })),
    channels: round.channels.map((ch) => ({ id: ch.id, name: ch.name, kind: channelKind(ch), ballots: all.channels[ch.id] ?? 0 })),
    subtotals: subtotals(round, all),
    expectedVoters: expected.voters,
    takesHouseholds: takesHouseholds(round),
    households: round.households ?? null,
  }
}
