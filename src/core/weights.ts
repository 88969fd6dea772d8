/**
 * @module weights — whether a round's aggregation can stand: a weighted composite's parts add up
 * to 100 %, none of them 0, and count each existing category once (DOMAIN: weights or pooled counting, explicit and
 * configurable). A category left out of every part is a blocker before opening (see `issues`), not
 * an error here, so an organiser may set weights before adding the last category.
 */
import { fail, succeed, type Result } from './errors'
import type { Aggregation, Round } from './round'

/** Weights are whole percentages (40 / 60). */
const WEIGHT_TOTAL = 100

export function checkAggregation(aggregation: Aggregation, categories: Round['categories']): Result<Aggregation> {
  if (aggregation.mode === 'pooled') return succeed(aggregation)
  const empty = aggregation.parts.find((p) => p.weight <= 0)
  if (empty) return fail('WEIGHTS_INVALID', `「${empty.name}」的权重应大于 0%，不计入的类别请从各部分中去掉`)
  const total = aggregation.parts.reduce((s, p) => s + p.weight, 0)
  if (total !== WEIGHT_TOTAL) return fail('WEIGHTS_INVALID', `各部分权重合计应为 100%，现为 ${total}%`)
  const listed = aggregation.parts.flatMap((p) => p.categoryIds)
  const known = new Set(categories.map((c) => c.id))
  const unknown = listed.find((id) => !known.has(id))
  if (unknown !== undefined) return fail('WEIGHTS_INVALID', `参评人员类别「${unknown}」不存在`)
  if (new Set(listed).size !== listed.length) return fail('WEIGHTS_INVALID', '同一参评人员类别只能计入一个部分')
  return succeed(aggregation)
}

/** One part per category, the weights as even as whole percentages allow (the first parts take the rest). */
export function partPerCategory(categories: readonly Pick<Round['categories'][number], 'id' | 'name'>[]): Extract<Aggregation, { mode: 'weighted' }> {
  const n = categories.length
  return {
    mode: 'weighted',
    parts: categories.map((c, i) => ({ id: c.id, name: c.name, categoryIds: [c.id], weight: Math.floor(WEIGHT_TOTAL / n) + (i < WEIGHT_TOTAL % n ? 1 : 0) })),
  }
}
