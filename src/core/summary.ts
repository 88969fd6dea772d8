/** @module summary — rates and mean score of one level tally on a scale. */
import type { LevelTally } from './counters'
import { fraction, toNumber, type Fraction } from './fraction'
import { rate, type Rate } from './rate'
import type { LevelClass, Scale } from './scale'

export interface MeanScore {
  /** Sum of scores over non-abstaining answers ÷ their number; null when there are none. */
  exact: Fraction | null
  value: number | null
}

export interface Summary {
  answers: number
  abstentions: number
  /** answers − abstentions: the denominator of every rate. */
  valid: number
  counts: Record<LevelClass, number>
  /** (satisfied-full + satisfied-basic) ÷ valid. */
  satisfaction: Rate
  /** 好评率: satisfied-full ÷ valid. */
  good: Rate
  /** 不满意 share: dissatisfied ÷ valid. */
  dissatisfied: Rate
  meanScore: MeanScore
}

/** Levels missing from the scale are ignored: a tally only ever holds validated levels. */
export function summarise(tally: LevelTally, scale: Scale): Summary {
  const counts: Record<LevelClass, number> = {
    'satisfied-full': 0, 'satisfied-basic': 0, neutral: 0, dissatisfied: 0, abstain: 0,
  }
  let scoreSum = 0
  for (const level of scale.levels) {
    const n = tally[level.id] ?? 0
    counts[level.class] += n
    if (level.class !== 'abstain') scoreSum += n * level.score
  }
  const answers = Object.values(counts).reduce((a, b) => a + b, 0)
  const valid = answers - counts.abstain
  const mean = valid > 0 ? fraction(scoreSum, valid) : null
  return {
    answers,
    abstentions: counts.abstain,
    valid,
    counts,
    satisfaction: rate(counts['satisfied-full'] + counts['satisfied-basic'], valid),
    good: rate(counts['satisfied-full'], valid),
    dissatisfied: rate(counts.dissatisfied, valid),
    meanScore: { exact: mean, value: mean && Math.round(toNumber(mean) * 10) / 10 },
  }
}

/**
 * Satisfaction over many targets' summaries as one pool: satisfied answers over valid answers, so a
 * target of 200 ballots weighs ten times one of 20 (an average of percentages would weigh them alike).
 */
export function pooledSatisfaction(summaries: readonly Summary[]): Rate {
  const satisfied = summaries.reduce((n, s) => n + s.counts['satisfied-full'] + s.counts['satisfied-basic'], 0)
  return rate(satisfied, summaries.reduce((n, s) => n + s.valid, 0))
}

/** Level-wise sum of tallies: pools the items of a section or the categories of a part. */
export function addTallies(tallies: readonly LevelTally[]): LevelTally {
  const out: LevelTally = {}
  for (const tally of tallies) {
    for (const [levelId, n] of Object.entries(tally)) out[levelId] = (out[levelId] ?? 0) + n
  }
  return out
}
