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
  // Tree order puts every parent before its children: one pass collects the whole subtree.
  for (const { unit } of treeOrder(units)) if (unit.parentId !== null && inside.has(unit.parentId)) inside.add(unit.id)
  return units.filter((u) => inside.has(u.id))
}
