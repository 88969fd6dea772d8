/** @module ranking — targets of a group ordered by a headline figure, ties sharing a rank. */
import { compareFractions, type Fraction } from './fraction'
import { headline } from './headline'
import type { Counters } from './counters'
import type { Round } from './round'
import type { Metric } from './rule'

export interface RankEntry {
  targetId: string
  /** Competition ranking (1, 2, 2, 4); null for targets with no non-abstaining ballot. */
  rank: number | null
  value: Fraction | null
}

/** Higher is better, except for the 不满意 share. */
export function rankGroup(
  round: Round,
  groupId: string,
  countersByTarget: Readonly<Record<string, Counters>>,
  metric: Metric = 'satisfaction',
): RankEntry[] {
  const group = round.groups.find((g) => g.id === groupId)
  if (!group) return []
  const entries = round.targets
    .filter((t) => group.unitIds.includes(t.unitId))
    .map((t) => {
      const counters = countersByTarget[t.id]
      const h = counters && headline(round, counters)
      const value = h ? (metric === 'mean-score' ? h.meanScore.exact : h[metric].exact) : null
      return { targetId: t.id, value }
    })
  const direction = metric === 'dissatisfied' ? -1 : 1
  const better = (a: Fraction, b: Fraction) => direction * compareFractions(b, a)
  const ranked = entries
    .filter((e): e is { targetId: string; value: Fraction } => e.value !== null)
    .sort((a, b) => better(a.value, b.value) || a.targetId.localeCompare(b.targetId))
  const result: RankEntry[] = ranked.map((e) => ({
    ...e,
    rank: 1 + ranked.filter((other) => better(other.value, e.value) < 0).length,
  }))
  return [...result, ...entries.filter((e) => e.value === null).map((e) => ({ ...e, rank: null }))]
}
