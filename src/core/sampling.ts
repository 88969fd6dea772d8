/**
 * @module sampling — seed 002's random sampling (人员名单由被评估单位提供，评估组进行随机抽取): how many
 * of a unit's list are drawn. The draw itself (a committed seed, revealed after) is the server's.
 */
import { z } from 'zod'
import { fail, succeed, type Result } from './errors'
import type { OrgUnitKind } from './org'

/** The least a draw may take per unit: 002 asks ≥ 30 per municipal unit, ≥ 100 per county (a district here). */
export const Sampling = z.object({ minimum: z.number().int().positive(), districtMinimum: z.number().int().positive() }).strict()
export type Sampling = z.infer<typeof Sampling>

export const minimumFor = (sampling: Sampling, kind: OrgUnitKind): number => (kind === 'district' ? sampling.districtMinimum : sampling.minimum)

/**
 * How many to draw from `candidates` when `requested` were asked for: everyone where the list is no
 * longer than the minimum (002: 不足30人的全部参加) or than the request; refused below the minimum.
 */
export function sampleSize(candidates: number, requested: number, minimum: number): Result<number> {
  if (candidates <= minimum || requested >= candidates) return succeed(candidates)
  if (requested < minimum) return fail('SAMPLE_TOO_SMALL', `本单位名单${candidates}人，至少应抽取${minimum}人`)
  return succeed(requested)
}
