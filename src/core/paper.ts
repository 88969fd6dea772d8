/**
 * @module paper — paper ballots entered twice. A paper ballot (one per evaluator, one serial) holds
 * a sheet per target the evaluator rates; each sheet is read as a ballot, spoiled (废票) or blank
 * (空白票). Two organisers enter the same serial; it counts only when both entries say the same, or
 * once a third person has settled what they disagree on.
 *
 * A sheet is a ballot only when every row (总体评价 and each item) has exactly one tick. A row left
 * empty or ticked twice makes the whole sheet 废票, as the printed 填表说明 says, not a ballot with
 * that item left out: online ballots are always complete, so a stored ballot missing an item would
 * be known to be paper, and at a target with fewer than k paper voters it would single one out.
 */
import { z } from 'zod'
import { BallotInput } from './ballot'
import { type BallotTemplate, templateItems } from './ballotTemplate'
import { Id } from './ids'

/** Serials are random, not in roster order, so a serial alone points at nobody. */
export const PAPER_SERIAL = /^[0-9]{8}$/
export const PaperSerial = z.string().trim().regex(PAPER_SERIAL, { message: '纸质票编号为 8 位数字' })
export const PaperCheck = z.string().trim().regex(/^[0-9]{6}$/, { message: '校验码为 6 位数字' })

/** A row read off the paper that is no answer: nothing ticked (未选), or more than one level (多选). */
export const RowFault = z.enum(['unmarked', 'several'])
export type RowFault = z.infer<typeof RowFault>
/** The rows that made a sheet 废票, as the typist read them; none named for a sheet spoiled otherwise (无法辨认). */
export const SheetFaults = z.object({ overall: RowFault.optional(), items: z.record(Id, RowFault) }).strict()
export type SheetFaults = z.infer<typeof SheetFaults>

export const PaperSheet = z.discriminatedUnion('mark', [
  z.object({ mark: z.literal('ballot'), ballot: BallotInput }).strict(),
  z.object({ mark: z.literal('spoiled'), targetId: Id, faults: SheetFaults.optional() }).strict(),
  z.object({ mark: z.literal('blank'), targetId: Id }).strict(),
])
export type PaperSheet = z.infer<typeof PaperSheet>
export type UnusableMark = 'spoiled' | 'blank'

/** One row as the typist reads it: the level ticked, or a fault. */
export type RowReading = { level: string } | { fault: RowFault }
/** A sheet as typed row by row; a row not yet read is absent. */
export interface SheetReading {
  overall?: RowReading
  items: Record<string, RowReading>
  opinion: string
}

/**
 * What a sheet read row by row counts as: a ballot when every row has one tick, 空白票 when nothing
 * at all is ticked or written, 废票 naming its faulty rows otherwise; null while a row is unread.
 */
export function sheetFromReading(template: BallotTemplate, targetId: string, read: SheetReading): PaperSheet | null {
  const rows = [read.overall, ...templateItems(template).map((i) => read.items[i.id])]
  if (rows.some((r) => r === undefined)) return null
  const opinion = read.opinion.trim()
  const level = (r: RowReading | undefined) => (r && 'level' in r ? r.level : undefined)
  const fault = (r: RowReading | undefined) => (r && 'fault' in r ? r.fault : undefined)
  if (rows.every((r) => fault(r) === 'unmarked') && opinion === '') return { mark: 'blank', targetId }
  if (rows.some((r) => fault(r) !== undefined)) {
    const items = Object.fromEntries(templateItems(template).flatMap((i) => (fault(read.items[i.id]) ? [[i.id, fault(read.items[i.id]) as RowFault]] : [])))
    return { mark: 'spoiled', targetId, faults: { ...(fault(read.overall) ? { overall: fault(read.overall) } : {}), items } }
  }
  const items = Object.fromEntries(templateItems(template).map((i) => [i.id, level(read.items[i.id]) as string]))
  return { mark: 'ballot', ballot: { targetId, overall: level(read.overall) as string, items, ...(opinion ? { opinion } : {}) } }
}

/** Faults that name only rows of the template, at least one of them: else the sheet was not read from this form. */
export function faultsFit(template: BallotTemplate, faults: SheetFaults): boolean {
  const items = new Set(templateItems(template).map((i) => i.id))
  const named = Object.keys(faults.items)
  return (faults.overall !== undefined || named.length > 0) && named.every((id) => items.has(id))
}

export const sheetTarget = (s: PaperSheet) => (s.mark === 'ballot' ? s.ballot.targetId : s.targetId)

/** What a sheet says, in one canonical string: two entries agree when these are equal. */
function reading(s: PaperSheet): string {
  if (s.mark === 'spoiled' && s.faults) {
    const { overall, items } = s.faults
    return JSON.stringify([s.targetId, s.mark, overall ?? null, Object.keys(items).sort().map((k) => [k, items[k]])])
  }
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
