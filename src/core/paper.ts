/**
 * @module paper — paper ballots entered twice. A paper ballot (one per evaluator, one serial) holds
 * a sheet per target the evaluator rates; each sheet is read as a ballot, spoiled (废票: marked so
 * it cannot be read) or blank (空白票). Two organisers enter the same serial; it counts only when
 * both entries say the same, or once a third person has settled what they disagree on.
 */
import { z } from 'zod'
import { BallotInput } from './ballot'
import { Id } from './ids'

/** Serials are random, not in roster order, so a serial alone points at nobody. */
export const PAPER_SERIAL = /^[0-9]{8}$/
export const PaperSerial = z.string().trim().regex(PAPER_SERIAL, { message: '纸质票编号为 8 位数字' })
export const PaperCheck = z.string().trim().regex(/^[0-9]{6}$/, { message: '校验码为 6 位数字' })

export const PaperSheet = z.discriminatedUnion('mark', [
  z.object({ mark: z.literal('ballot'), ballot: BallotInput }).strict(),
  z.object({ mark: z.enum(['spoiled', 'blank']), targetId: Id }).strict(),
])
export type PaperSheet = z.infer<typeof PaperSheet>
export type UnusableMark = 'spoiled' | 'blank'

export const sheetTarget = (s: PaperSheet) => (s.mark === 'ballot' ? s.ballot.targetId : s.targetId)

/** What a sheet says, in one canonical string: two entries agree when these are equal. */
function reading(s: PaperSheet): string {
  if (s.mark !== 'ballot') return JSON.stringify([s.targetId, s.mark])
  const { targetId, overall, items, opinion } = s.ballot
  const sortedItems = Object.keys(items).sort().map((k) => [k, items[k]])
  // Whitespace is how a typist differs, not what the evaluator wrote.
  return JSON.stringify([targetId, 'ballot', overall, sortedItems, (opinion ?? '').replace(/\s+/g, ' ').trim()])
}

/** Sheets in target order, one per target. */
export const orderedSheets = (sheets: readonly PaperSheet[]) => [...sheets].sort((a, b) => sheetTarget(a).localeCompare(sheetTarget(b)))

/**
 * The targets on which two entries of one serial differ (a target only one of them entered
 * included); empty when they agree. The roster code printed on the ballot is part of it: a code
 * typed differently is a disagreement too, reported as the target ''.
 */
export function entriesDiffer(a: { code: string | null; sheets: readonly PaperSheet[] }, b: { code: string | null; sheets: readonly PaperSheet[] }): string[] {
  const read = (sheets: readonly PaperSheet[]) => new Map(sheets.map((s) => [sheetTarget(s), reading(s)]))
  const ra = read(a.sheets)
  const rb = read(b.sheets)
  const targets = [...new Set([...ra.keys(), ...rb.keys()])].sort()
  const differ = targets.filter((t) => ra.get(t) !== rb.get(t))
  return a.code === b.code ? differ : ['', ...differ]
}

/** Sheets that name one target twice cannot be entered. */
export const oneSheetPerTarget = (sheets: readonly PaperSheet[]) => new Set(sheets.map(sheetTarget)).size === sheets.length
