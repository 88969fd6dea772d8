/** @module rule — declarative verdict rules: conditions on exact fractions, Chinese consequences. */
import { z } from 'zod'
import { Fraction } from './fraction'
import { Id, Label } from './ids'

/** Rates over non-abstaining ballots, and the mean score as a fraction of 100 points. */
export const Metric = z.enum(['satisfaction', 'good', 'dissatisfied', 'mean-score'])
export type Metric = z.infer<typeof Metric>

/** below: <, at-most: ≤, over: >, at-least: ≥ — the seeds' 低于 / 超过 are strict. */
export const Comparison = z.enum(['below', 'at-most', 'over', 'at-least'])
export type Comparison = z.infer<typeof Comparison>

export const Condition = z
  .object({
    metric: Metric,
    comparison: Comparison,
    /** A share for rates (2/3); points for mean-score (e.g. {num: 60, den: 1}). */
    threshold: Fraction,
  })
  .strict()
export type Condition = z.infer<typeof Condition>

export const Effect = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('redo') }).strict(),
  z.object({ kind: z.literal('rectify') }).strict(),
  z.object({ kind: z.literal('warning-talk') }).strict(),
  z.object({ kind: z.literal('criticism') }).strict(),
  z.object({ kind: z.literal('no-awards') }).strict(),
  z.object({ kind: z.literal('annual-rating'), rating: z.enum(['基本称职', '不称职']) }).strict(),
  z.object({ kind: z.literal('extend-round'), months: z.number().int().positive() }).strict(),
])
export type Effect = z.infer<typeof Effect>

/** Fires when every condition holds on the target's headline result. */
export const Rule = z
  .object({
    id: Id,
    name: Label,
    conditions: z.array(Condition).min(1),
    effects: z.array(Effect).min(1),
    /** The procedure's own wording of the consequence, shown with the verdict. */
    consequence: Label,
  })
  .strict()
export type Rule = z.infer<typeof Rule>

export const METRIC_LABELS: Record<Metric, string> = {
  satisfaction: '满意率',
  good: '好评率',
  dissatisfied: '不满意率',
  'mean-score': '平均分',
}

export const COMPARISON_LABELS: Record<Comparison, string> = {
  below: '低于',
  'at-most': '不高于',
  over: '超过',
  'at-least': '不低于',
}

export function effectLabel(effect: Effect): string {
  switch (effect.kind) {
    case 'redo': return '返工补课'
    case 'rectify': return '限期整改'
    case 'warning-talk': return '诫勉谈话'
    case 'criticism': return '通报批评'
    case 'no-awards': return '本年度不得评先评优'
    case 'annual-rating': return `年度考核为${effect.rating}`
    case 'extend-round': return `评议活动延期${effect.months}个月`
  }
}
