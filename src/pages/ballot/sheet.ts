/** @module A ballot being filled in on the phone, and what it still lacks before review. */
import type { BallotTemplate } from '../../core/ballotTemplate'
import type { BallotInput } from '../../core/ballot'

export interface Sheet {
  overall?: string
  items: Record<string, string>
  opinion: string
}

export const emptySheet = (): Sheet => ({ items: {}, opinion: '' })

/** The rows still unanswered ('overall' and item ids), to point at before review; the server judges. */
export function unanswered(template: BallotTemplate, sheet: Sheet): string[] {
  const items = template.sections.flatMap((s) => s.items.map((i) => i.id)).filter((id) => !sheet.items[id])
  return sheet.overall ? items : ['overall', ...items]
}

/**
 * Every item still unanswered takes the overall level, for the resident to change a few after
 * (13 items × 4 targets is 52 taps otherwise). Answers already given stay.
 */
export function fillItems(template: BallotTemplate, sheet: Sheet): Sheet {
  if (!sheet.overall) return sheet
  const items = { ...sheet.items }
  for (const item of template.sections.flatMap((s) => s.items)) if (!items[item.id]) items[item.id] = sheet.overall
  return { ...sheet, items }
}

export function toBallot(targetId: string, sheet: Sheet): BallotInput {
  const opinion = sheet.opinion.trim()
  return { targetId, overall: sheet.overall ?? '', items: sheet.items, ...(opinion ? { opinion } : {}) }
}

/**
 * Refusals that keep the target's ballot on the page: what the resident can mend (the opinion, a
 * missing answer) and what may pass on a retry (a busy content check). Others end that ballot.
 */
const MENDABLE = new Set([
  'OPINION_REFUSED', 'OPINION_TOO_LONG', 'OPINION_NOT_ALLOWED', 'OVERALL_MISSING', 'ITEM_MISSING', 'LEVEL_NOT_ON_SCALE', 'BALLOT_MALFORMED',
  'BUSY', 'NETWORK', 'INTERNAL',
])
export const isMendable = (code: string): boolean => MENDABLE.has(code)
