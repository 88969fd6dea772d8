/** @module Contract of the paper-ballot actions of `organize`: print, enter twice, settle a disagreement. */
import { z } from 'zod'
import { Id, PaperCheck, PaperSerial, PaperSheet } from '../core'
import { action } from './contract'

const roundRef = { roundId: Id }
/** A paper ballot as an organiser reads it off the sheet: its serial, check code, roster code (if printed) and each sheet. */

const Stamp = z.object({ ...roundRef, serial: PaperSerial, check: PaperCheck, code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{8}$/, { message: '邀请码为 8 位字母或数字' }).optional() }).strict()
/** A paper ballot as an organiser reads it off the sheet: its stamp and each sheet. */
const Entry = Stamp.extend({ sheets: z.array(PaperSheet).min(1).max(100) }).strict()

export type PaperEntryOutcome =
  /** Stored, waiting for a second organiser's entry. */
  | { status: 'first-entry' }
  /** Both entries agreed (or a third person settled them): counted once, with a receipt per sheet. */
  | { status: 'recorded'; receipts: number }
  /** The two entries differ on these targets (''= the roster code): in the reconciliation queue, nothing counted. */
  | { status: 'disputed'; targets: string[] }

export interface PaperStatus {
  printed: number
  enteredOnce: number
  disputed: number
  recorded: number
  /** Entered but not recorded when the round closed: not counted, entries deleted. */
  lapsed: number
}

/** A disagreement as the third person sees it: both entries, whoever made them left out. */
export interface PaperDispute {
  serial: string
  categoryId: string
  unitId: string
  entries: { sheets: PaperSheet[] }[]
  /** Whether both typed the same roster code (the codes themselves are not kept: the paper shows it). */
  codesAgree: boolean
  /** The caller made one of the entries, so may not settle it. */
  mine: boolean
}

/** What an entry form needs of one paper ballot: the targets it has a sheet for, read off its stamp. */
export interface PaperBallotView {
  serial: string
  categoryName: string
  roster: boolean
  state: 'printed' | 'entered' | 'disputed' | 'recording' | 'recorded' | 'lapsed'
  targets: { id: string; name: string }[]
}


export const paperApi = {
  /**
   * 纸质评价票 (PDF): one paper ballot per evaluator — a roster category's people (their code printed on it), and
   * `open.count` blank ones of an open category — each with a random serial and its check code.
   */
  printPaper: action<{ url: string; ballots: number }>()(
    z.object({ ...roundRef, unitId: Id.optional(), open: z.object({ categoryId: Id, unitId: Id.optional(), count: z.number().int().min(1).max(500) }).strict().optional() }).strict(),
  ),
  /** The ballot behind a stamp (serial, check code, roster code), before its sheets are typed. */
  readPaper: action<PaperBallotView>()(Stamp),
  enterPaper: action<PaperEntryOutcome>()(Entry),
  /** The third person's reading of a disputed ballot, which settles it. */
  settlePaper: action<PaperEntryOutcome>()(Entry),
  paperQueue: action<{ status: PaperStatus; disputes: PaperDispute[] }>()(z.object(roundRef).strict()),
}
