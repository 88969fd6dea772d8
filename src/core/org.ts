/** @module org — org units in a tree, evaluation targets and groups with a lead unit. */
import { z } from 'zod'
import { Id, Label, distinct } from './ids'

export const OrgUnitKind = z.enum(['district', 'street', 'community', 'grid', 'branch', 'unit'])
export type OrgUnitKind = z.infer<typeof OrgUnitKind>

/** A node of the district → street → community → grid / branch tree (any depth). */
export const OrgUnit = z
  .object({ id: Id, name: Label, parentId: Id.nullable(), kind: OrgUnitKind })
  .strict()
export type OrgUnit = z.infer<typeof OrgUnit>

export const TargetKind = z.enum(['unit', 'leadership-team', 'cadre', 'party-member'])
export type TargetKind = z.infer<typeof TargetKind>

export { isPersonKind } from './personKinds'

/**
 * What is rated: a unit itself, its leadership team, or a person belonging to it. A person's
 * position (职务) is shown beside the name, so that two 王伟 of one branch stay apart.
 */
export const Target = z
  .object({ id: Id, name: Label, kind: TargetKind, unitId: Id, position: z.string().trim().max(40).optional() })
  .strict()
export type Target = z.infer<typeof Target>

/** 000's 第XX组: units evaluated together, one of them leading (牵头单位). */
export const Group = z
  .object({ id: Id, name: Label, leadUnitId: Id, unitIds: z.array(Id).min(1) })
  .strict()
  .refine((g) => distinct(g.unitIds), { message: '同一单位在组内重复', path: ['unitIds'] })
  .refine((g) => g.unitIds.includes(g.leadUnitId), { message: '牵头单位必须是本组成员', path: ['leadUnitId'] })
export type Group = z.infer<typeof Group>

/** Ancestors of a unit, nearest first; stops on a cycle rather than looping. */
export function ancestorsOf(units: readonly OrgUnit[], unitId: string): OrgUnit[] {
  const byId = new Map(units.map((u) => [u.id, u]))
  const chain: OrgUnit[] = []
  let parentId = byId.get(unitId)?.parentId ?? null
  while (parentId !== null && !chain.some((u) => u.id === parentId)) {
    const parent = byId.get(parentId)
    if (!parent) break
    chain.push(parent)
    parentId = parent.parentId
  }
  return chain
}
