/**
 * @module headline — a target's headline figures on its overall rating: pooled over all
 * ballots, or a weighted composite of parts (e.g. 内部评议 40 % / 社会评议 60 %).
 */
import { categoryCounters, type Counters } from './counters'
import { addFractions, fraction, scaleFraction, toNumber, type Fraction } from './fraction'
import { derivedRate, rate, type Rate } from './rate'
import type { Round } from './round'
import { addTallies, summarise, type MeanScore, type Summary } from './summary'

export interface PartResult {
  id: string
  name: string
  weight: number
  summary: Summary
}

export interface Headline {
  basis: 'pooled' | 'weighted'
  /** Non-abstaining ballots behind the figures (all parts together when weighted). */
  valid: number
  satisfaction: Rate
  good: Rate
  dissatisfied: Rate
  meanScore: MeanScore
  parts: PartResult[]
  /** Parts (by name) of 1..k−1 ballots, withheld with every figure of the headline; null when none. */
  withheld: { parts: string[]; k: number } | null
}

type RateKey = 'satisfaction' | 'good' | 'dissatisfied'

function fromSummary(summary: Summary, parts: PartResult[], basis: Headline['basis']): Headline {
  const { valid, satisfaction, good, dissatisfied, meanScore } = summary
  return { basis, valid, satisfaction, good, dissatisfied, meanScore, parts, withheld: null }
}

/** Σ wᵢ·xᵢ / Σ wᵢ, exactly. */
function weightedMean(values: readonly { weight: number; value: Fraction }[]): Fraction {
  const total = values.reduce((s, v) => s + v.weight, 0)
  const sum = values.reduce((acc, v) => addFractions(acc, scaleFraction(v.value, fraction(v.weight, 1))), fraction(0, 1))
  return scaleFraction(sum, fraction(1, total))
}

/** Kish effective sample size of a weighted mean of independent part rates. */
function effectiveN(parts: readonly PartResult[]): number {
  const total = parts.reduce((s, p) => s + p.weight, 0)
  return 1 / parts.reduce((s, p) => s + (p.weight / total) ** 2 / p.summary.valid, 0)
}

function compositeRate(parts: readonly PartResult[], key: RateKey): Rate {
  const values = parts.map((p) => ({ weight: p.weight, value: p.summary[key].exact as Fraction }))
  return derivedRate(weightedMean(values), effectiveN(parts))
}

export function headline(round: Round, counters: Counters): Headline {
  const { template, aggregation } = round
  if (aggregation.mode === 'pooled') return fromSummary(summarise(counters.overall, template.scale), [], 'pooled')
  const parts = aggregation.parts.map((part) => ({
    id: part.id,
    name: part.name,
    weight: part.weight,
    summary: summarise(addTallies(part.categoryIds.map((id) => categoryCounters(counters, id).overall)), template.scale),
  }))
  const valid = parts.reduce((s, p) => s + p.summary.valid, 0)
  // A composite with an empty part would silently re-weight the others: report none instead. A part
  // of fewer than k ballots is withheld (k-anonymity), and so are the composite and the other parts,
  // which subtracted from the pooled figures would give that part back.
  const thin = (p: PartResult) => p.summary.answers > 0 && p.summary.answers < round.kSuppression
  const thinParts = parts.filter(thin)
  if (thinParts.length > 0 || parts.some((p) => p.summary.valid === 0)) {
    const none = rate(0, 0)
    const withheld = thinParts.length > 0 ? { parts: thinParts.map((p) => p.name), k: round.kSuppression } : null
    const shown = withheld ? parts.map((p) => ({ ...p, summary: summarise({}, template.scale) })) : parts
    return { basis: 'weighted', valid, satisfaction: none, good: none, dissatisfied: none, meanScore: { exact: null, value: null }, parts: shown, withheld }
  }
  const mean = weightedMean(parts.map((p) => ({ weight: p.weight, value: p.summary.meanScore.exact as Fraction })))
  return {
    basis: 'weighted',
    valid,
    satisfaction: compositeRate(parts, 'satisfaction'),
    good: compositeRate(parts, 'good'),
    dissatisfied: compositeRate(parts, 'dissatisfied'),
    meanScore: { exact: mean, value: Math.round(toNumber(mean) * 10) / 10 },
    parts,
    withheld: null,
  }
}
