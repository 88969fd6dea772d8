/** @module compliance — minimum sample, expected counts and quota shares per category. */
import type { EvaluatorCategory } from './category'
import { categoryCounters, type Counters } from './counters'
import { compareFractions, fraction, type Fraction } from './fraction'
import { expectedTurnout } from './participation'
import type { Round } from './round'

export interface SampleStatus {
  required: number
  ballots: number
  met: boolean
}

/**
 * 002: at least 30 per unit, or everyone when the unit has fewer than 30 people —
 * hence the optional population size, which lowers the bar to the whole population.
 */
export function sampleStatus(round: Round, counters: Counters, population?: number): SampleStatus {
  const required = population === undefined ? round.minSample : Math.min(round.minSample, population)
  return { required, ballots: counters.ballots, met: counters.ballots >= required }
}

export interface CategoryCompliance {
  categoryId: string
  ballots: number
  /**
   * Ballots of this category the target can expect: the procedure's count per unit times the units
   * whose scope reaches it (000: 15 of 本单位评议; 5 × 4 = 20 of 全面评议); null when it sets none.
   */
  expected: number | null
  expectedMet: boolean
  quota: { share: Fraction; comparison: 'at-least' | 'at-most'; base: number; actual: Fraction | null; met: boolean } | null
}

function quotaStatus(category: EvaluatorCategory, round: Round, counters: Counters): CategoryCompliance['quota'] {
  const { quota } = category
  if (!quota) return null
  const baseIds = quota.of ?? round.categories.map((c) => c.id)
  const base = baseIds.reduce((s, id) => s + categoryCounters(counters, id).ballots, 0)
  const ballots = categoryCounters(counters, category.id).ballots
  // With no evaluators yet there is no share to judge; an empty room breaches no quota.
  const actual = base > 0 ? fraction(ballots, base) : null
  const sign = actual ? compareFractions(actual, quota.share) : 0
  const met = quota.comparison === 'at-least' ? sign >= 0 : sign <= 0
  return { share: quota.share, comparison: quota.comparison, base, actual, met }
}

export function categoryCompliance(round: Round, targetId: string, counters: Counters): CategoryCompliance[] {
  const turnout = expectedTurnout(round)
  return round.categories.map((category) => {
    const ballots = categoryCounters(counters, category.id).ballots
    const expected = turnout.ofCategory(category.id, targetId)
    return {
      categoryId: category.id,
      ballots,
      expected,
      expectedMet: expected === null || ballots >= expected,
      quota: quotaStatus(category, round, counters),
    }
  })
}
