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
