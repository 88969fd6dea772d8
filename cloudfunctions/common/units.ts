/** @module The org tree as stored, and the subtree test every permission rests on. */
import { Id, OrgUnit } from '../../src/core'
import { database } from './cloudbase'

export const UnitDoc = OrgUnit.extend({ _id: Id }).omit({ id: true }).strict()
export type Unit = OrgUnit

/** The whole tree; a street office's tree is hundreds of units, well inside a few pages. */
export async function loadUnits(): Promise<Unit[]> {
  const units: Unit[] = []
  for (let offset = 0; ; offset += 1000) {
    const { data } = await database().collection('units').skip(offset).limit(1000).get()
    for (const d of data as unknown[]) {
      const { _id, ...rest } = UnitDoc.parse(d)
      units.push({ id: _id, ...rest })
    }
    if (data.length < 1000) return units
  }
}

/** True when `unitId` is `rootId` or lies below it. */
export function isWithin(units: readonly Unit[], unitId: string, rootId: string): boolean {
  const byId = new Map(units.map((u) => [u.id, u]))
  const seen = new Set<string>()
  for (let at: string | null = unitId; at !== null && !seen.has(at); at = byId.get(at)?.parentId ?? null) {
    if (at === rootId) return true
    seen.add(at)
  }
  return false
}
