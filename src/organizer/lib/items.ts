/**
 * @module Editing a draft ballot's items in the wizard: rename, remove, add with a fresh id. The
 * server validates the whole template again; these only keep ids well-formed and unique.
 */
import type { BallotTemplate } from '../../core/ballotTemplate'
import { ID_PATTERN } from '../../core/idPattern'


const allIds = (b: BallotTemplate) => new Set(b.sections.flatMap((s) => s.items.map((i) => i.id)))

/** `${sectionId}-n1`, `-n2`, … trimmed to 40 characters, the first one not yet used. */
export function newItemId(b: BallotTemplate, sectionId: string): string {
  const used = allIds(b)
  const stem = sectionId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 34) || 'item'
  for (let n = 1; ; n++) {
    const id = `${stem}-n${n}`
    if (!used.has(id) && ID_PATTERN.test(id)) return id
  }
}

const mapSection = (b: BallotTemplate, sectionId: string, f: (items: BallotTemplate['sections'][number]['items']) => BallotTemplate['sections'][number]['items']): BallotTemplate => ({
  ...b,
  sections: b.sections.map((s) => (s.id === sectionId ? { ...s, items: f(s.items) } : s)),
})

export const renameItem = (b: BallotTemplate, sectionId: string, itemId: string, label: string) =>
  mapSection(b, sectionId, (items) => items.map((i) => (i.id === itemId ? { ...i, label } : i)))

export const removeItem = (b: BallotTemplate, sectionId: string, itemId: string) =>
  mapSection(b, sectionId, (items) => items.filter((i) => i.id !== itemId))

export const addItem = (b: BallotTemplate, sectionId: string, label: string) =>
  mapSection(b, sectionId, (items) => [...items, { id: newItemId(b, sectionId), label: label.trim() }])

/** Every item has a label (the server refuses empty ones) and every id is unique and well-formed. */
export function itemsReady(b: BallotTemplate | null): boolean {
  if (!b) return true
  const items = b.sections.flatMap((s) => s.items)
  return items.every((i) => i.label.trim() !== '' && ID_PATTERN.test(i.id)) && allIds(b).size === items.length
}
