/** @module personKinds — which target kinds name one person; free of zod, so the resident's pages may import it. */
import type { TargetKind } from './org'

/** 领导干部 and 党员: their unit is where they belong, not what is rated. */
const PERSON_KINDS: readonly TargetKind[] = ['cadre', 'party-member']

export const isPersonKind = (kind: TargetKind): boolean => PERSON_KINDS.includes(kind)
