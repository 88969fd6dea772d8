/** @module The units the server lets me see, in tree order with their depth, for pickers. */
import type { UnitView } from '../../api/organize'

export function treeOrder(units: readonly UnitView[]): { unit: UnitView; depth: number }[] {
  const ids = new Set(units.map((u) => u.id))
  const children = (parentId: string | null) =>
    units.filter((u) => (parentId === null ? u.parentId === null || !ids.has(u.parentId) : u.parentId === parentId))
  const out: { unit: UnitView; depth: number }[] = []
  const walk = (parentId: string | null, depth: number) => {
    for (const unit of children(parentId)) {
      if (out.some((o) => o.unit.id === unit.id)) continue
      out.push({ unit, depth })
      walk(unit.id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}

/** The unit and everything below it: where a round's targets may lie. */
export function subtreeOf(units: readonly UnitView[], rootId: string): UnitView[] {
  const inside = new Set([rootId])
  for (let grew = true; grew; ) {
    grew = false
    for (const u of units) if (u.parentId !== null && inside.has(u.parentId) && !inside.has(u.id)) grew = inside.add(u.id).size > 0
  }
  return units.filter((u) => inside.has(u.id))
}
