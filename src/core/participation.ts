/**
 * @module participation — how many ballots came in, per target, category and channel, against the
 * counts the procedure expects. Counts only: no ratings, so no breakdown needs withholding.
 */
import { type Counters, emptyCounters, mergeCounters } from './counters'
import type { Quota } from './category'
import type { Round } from './round'

export interface Participation {
  ballots: number
  /** `expected`: per target, see `expectedTurnout`. */
  targets: { id: string; name: string; ballots: number; expected: number | null }[]
  categories: { id: string; name: string; ballots: number; expectedPerUnit: number | null; quota: string | null }[]
  channels: { id: string; name: string; ballots: number }[]
  /** The people expected to take part: the procedure's roster (000: 20 × units), or the households entered. */
  expectedVoters: number | null
  /** Whether the organiser may enter households (see `takesHouseholds`), and what was entered. */
  takesHouseholds: boolean
  households: number | null
}

export function quotaLabel(quota: Quota | undefined): string | null {
  return quota ? `${quota.comparison === 'at-least' ? '不少于' : '不超过'} ${quota.share.num}/${quota.share.den}` : null
}

/** The evaluators every category asks for per unit, summed (000: 15 + 5 = 20); null when none does. */
const rosterPerTarget = (round: Round) => round.categories.reduce((n, c) => n + (c.expectedPerUnit ?? 0), 0) || null

/**
 * A round open to all residents (every category by link, none with a count per unit) has no roster
 * to measure turnout against: the organiser may enter the community's households instead.
 */
export function takesHouseholds(round: Round): boolean {
  return round.categories.length > 0 && round.categories.every((c) => c.access === 'open') && rosterPerTarget(round) === null
}

/**
 * Who is expected to take part, per target and in all: the roster the procedure asks for, else the
 * households entered for a round open to all. A household is expected at a target only when every
 * category rates every target; otherwise the households stand for the round as a whole only.
 */
export function expectedTurnout(round: Round): { perTarget: number | null; voters: number | null } {
  const roster = rosterPerTarget(round)
  if (roster) return { perTarget: roster, voters: roster * round.targets.length }
  const households = takesHouseholds(round) ? (round.households ?? null) : null
  const everyTarget = round.categories.every((c) => c.scope?.kind === 'round')
  return { perTarget: everyTarget ? households : null, voters: households }
}

export function participation(round: Round, countersByTarget: ReadonlyMap<string, Counters>): Participation {
  const of = (targetId: string) => countersByTarget.get(targetId) ?? emptyCounters()
  const all = round.targets.reduce((sum, t) => mergeCounters(sum, of(t.id)), emptyCounters())
  const expected = expectedTurnout(round)
  return {
    ballots: all.ballots,
    targets: round.targets.map((t) => ({ id: t.id, name: t.name, ballots: of(t.id).ballots, expected: expected.perTarget })),
    categories: round.categories.map((c) => ({
      id: c.id,
      name: c.name,
      ballots: all.categories[c.id]?.ballots ?? 0,
      expectedPerUnit: c.expectedPerUnit ?? null,
      quota: quotaLabel(c.quota),
    })),
    channels: round.channels.map((ch) => ({ id: ch.id, name: ch.name, ballots: all.channels[ch.id] ?? 0 })),
    expectedVoters: expected.voters,
    takesHouseholds: takesHouseholds(round),
    households: round.households ?? null,
  }
}
