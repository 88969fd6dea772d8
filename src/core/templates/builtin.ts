/** @module templates/builtin — the shape of a built-in template: a ballot plus round defaults. */
import type { BallotTemplate } from '../ballotTemplate'
import type { EvaluatorCategory } from '../category'
import type { Item } from '../ballotTemplate'
import type { TargetKind } from '../org'
import type { Aggregation, Approvals, Visibility } from '../round'
import type { Rule } from '../rule'
import type { Sampling } from '../sampling'
import type { Confirmation } from '../verdictChain'

/** Templates are data: a round drafted from one copies all of it and may edit any of it. */
export interface BuiltinTemplate {
  id: string
  name: string
  /** The procedure text it digitises (seeds/000…004), or null for the plain template. */
  seed: '000' | '001' | '002' | '003' | '004' | null
  targetKind: TargetKind
  ballot: BallotTemplate
  categories: EvaluatorCategory[]
  rules: Rule[]
  aggregation: Aggregation
  minSample: number
  kSuppression: number
  visibility: Visibility
  /** Absent: nothing waits for the supervisors. */
  approvals?: Approvals
  sampling?: Sampling
  /** Absent: the supervising group alone confirms (`DEFAULT_CONFIRMATION`). */
  confirmation?: Confirmation
}

/** Items numbered within a section: `${prefix}1`, `${prefix}2`, … */
export function items(prefix: string, labels: readonly string[]): Item[] {
  return labels.map((label, i) => ({ id: `${prefix}${i + 1}`, label }))
}

export const OVERALL = { label: '总体评价' }
