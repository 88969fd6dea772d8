/** @module category — evaluator categories: who rates whom, how many, on what terms. */
import { z } from 'zod'
import { Fraction } from './fraction'
import { Id, Label } from './ids'

/**
 * own-unit: only targets of the evaluator's unit (000 单位参评人员);
 * group: every target of the evaluator's group (000 全评参评人员);
 * round: every target of the round; subset: the listed targets.
 */
export const Scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('own-unit') }).strict(),
  z.object({ kind: z.literal('group') }).strict(),
  z.object({ kind: z.literal('round') }).strict(),
  z.object({ kind: z.literal('subset'), targetIds: z.array(Id) }).strict(),
])
export type Scope = z.infer<typeof Scope>

/**
 * A share of evaluators this category must (at-least) or may (at-most) make up,
 * e.g. 004: service recipients ≥ 1/2 of the social evaluators. `of` lists the
 * categories forming the base; absent means every category of the round.
 */
export const Quota = z
  .object({
    share: Fraction.refine((f) => f.num <= f.den, { message: '比例不能超过 100%' }),
    comparison: z.enum(['at-least', 'at-most']),
    of: z.array(Id).min(1).optional(),
  })
  .strict()
export type Quota = z.infer<typeof Quota>

export const EvaluatorCategory = z
  .object({
    id: Id,
    name: Label,
    description: z.string().max(500).optional(),
    /** null while a draft has not chosen one yet; opening is then blocked. */
    scope: Scope.nullable(),
    /** Evaluators the procedure asks for per unit (000: 15 and 5); a minimum, not a cap. */
    expectedPerUnit: z.number().int().positive().optional(),
    quota: Quota.optional(),
    /** open: anyone with the link (residents); roster: named, approved evaluators only. */
    access: z.enum(['open', 'roster']),
  })
  .strict()
export type EvaluatorCategory = z.infer<typeof EvaluatorCategory>

/** The category's name as people read it; its id where the round no longer has it. */
export const categoryName = (round: { categories: readonly { id: string; name: string }[] }, categoryId: string): string =>
  round.categories.find((c) => c.id === categoryId)?.name ?? categoryId
