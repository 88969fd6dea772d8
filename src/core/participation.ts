/**
 * @module participation — how many ballots came in, per target, category and channel, against the
 * counts the procedure expects. Counts only: no ratings, so no breakdown needs withholding.
 */
import { type Counters, emptyCounters, mergeCounters } from './counters'
import type { Quota } from './category'
import type { Round } from './round'

export interface Participation {
  ballots: number
  /** `expected`: the evaluators every category asks for per unit, summed (000: 15 + 5 = 20). */
  targets: { id: string; name: string; ballots: number; expected: number | null }[]
  categories: { id: string; name: string; ballots: number; expectedPerUnit: number | null; quota: string | null }[]
  channels: { id: string; name: string; ballots: number }[]
  /** The roster the procedure expects: its evaluators per unit for every target (000: 20 × units). */
  expectedVoters: number | null
}

export function quotaLabel(quota: Quota | undefined): string | null {
  return quota ? `${quota.comparison === 'at-least' ? '不少于' : '不超过'} ${quota.share.num}/${quota.share.den}` : null
}

export function participation(round: Round, countersByTarget: ReadonlyMap<string, Counters>): Participation {
  const of = (targetId: string) => countersByTarget.get(targetId) ?? emptyCounters()
  const all = round.targets.reduce((sum, t) => mergeCounters(sum, of(t.id)), emptyCounters())
  const expected = round.categories.reduce((n, c) => n + (c.expectedPerUnit ?? 0), 0) || null
  return {
    ballots: all.ballots,
    targets: round.targets.map((t) => ({ id: t.id, name: t.name, ballots: of(t.id).ballots, expected })),
    categories: round.categories.map((c) => ({
      id: c.id,
      name: c.name,
      ballots: all.categories[c.id]?.ballots ?? 0,
      expectedPerUnit: c.expectedPerUnit ?? null,
      quota: quotaLabel(c.quota),
    })),
    channels: round.channels.map((ch) => ({ id: ch.id, name: ch.name, ballots: all.channels[ch.id] ?? 0 })),
    expectedVoters: expected && expected * round.targets.length,
  }
}
