/**
 * @module Entering paper ballots twice. Two different organisers each type a ballot from its serial;
 * the serial's document (paperBallots) holds the first entry until the second arrives, in a
 * transaction, so two at once make one first and one second entry. Agreeing entries spend the
 * printed roster code and are recorded as online ballots are — castBallot, channel paper, a receipt
 * keyed by the roster code (or the serial) instead of an openid. Disagreeing ones wait in the
 * reconciliation queue for a third organiser, whose reading settles them. Once recorded, the entries
 * are deleted: what is left says the serial was counted, never what it said.
 */
import { type Cast, castBallot, Sealed, unsealedShard } from '../evaluate/cast'
import { receiptId, voterKey } from '../evaluate/keys'
import type { PaperBallotView, PaperDispute, PaperEntryOutcome, PaperStatus } from '../../src/api/paper'
import { acceptsBallots, categoryName, domainError, eligibleTargets, emptyCounters, entriesDiffer, faultsFit, oneSheetPerTarget, orderedSheets, type PaperSheet, sheetTarget, type UnusableMark, validateBallot } from '../../src/core'
import { audit } from '../common/audit'
import { shardId } from '../common/ballots'
import { database } from '../common/cloudbase'
import { keyedHash } from '../common/keyed'
import { orRefuse, refuse } from '../common/refuse'
import { type Authority, forbidden } from '../common/roles'
import { loadRound, type RoundDoc } from '../common/rounds'
import type { HandlerContext } from '../common/router'
import { inTransaction, isDuplicate, type Transaction } from '../common/transaction'
import { Invitation, spendCode } from '../common/invitations'
import { MANAGE } from './access'
import { PaperDoc, paperCheck, paperDocId } from './paper'
import { assertRosterApproved } from './rosterReview'

export interface PaperInput {
  roundId: string
  serial: string
  check: string
  code?: string
  sheets: PaperSheet[]
}

/** Organisers of the round's owner unit, or of the unit the paper ballot belongs to (a community entering its own). */
const mayEnter = (auth: Authority, doc: RoundDoc, paper: PaperDoc | null) => auth.covers(MANAGE, doc.ownerUnitId) || (paper !== null && paper.unitId !== '' && auth.covers(MANAGE, paper.unitId))

async function paperOf(auth: Authority, roundId: string, serial: string): Promise<{ doc: RoundDoc; paper: PaperDoc }> {
  const doc = await loadRound(roundId, { auth, allowed: MANAGE })
  const { data } = await database().collection('paperBallots').doc(paperDocId(roundId, serial)).get()
  const paper = data[0] ? PaperDoc.parse(data[0]) : null
  if (!mayEnter(auth, doc, paper)) throw forbidden()
  return { doc, paper: paper ?? refuse(domainError('PAPER_SERIAL_UNKNOWN')) }
}

/** The stamp as typed: a roster code where one is printed, and the check code that binds it to the serial. */
function checkedCode(doc: RoundDoc, paper: PaperDoc, input: Omit<PaperInput, 'sheets'>): string | null {
  if (paper.roster && !input.code) refuse(domainError('PAPER_CODE_REQUIRED'))
  const code = input.code ?? null
  if (input.check !== paperCheck(doc._id, paper.serial, code)) refuse(domainError('PAPER_CHECK_WRONG'))
  return code
}

/** The ballot as typed: its check code, roster code and sheets judged before anything is stored. */
async function checkedEntry(doc: RoundDoc, paper: PaperDoc, input: PaperInput): Promise<{ code: string | null; sheets: PaperSheet[] }> {
  const { round } = doc
  const code = checkedCode(doc, paper, input)
  const expected = eligibleTargets(round, paper.categoryId, paper.unitId).map((t) => t.id).sort()
  const entered = input.sheets.map(sheetTarget).sort()
  if (!oneSheetPerTarget(input.sheets) || expected.join() !== entered.join()) refuse(domainError('PAPER_SHEETS_MISMATCH'))
  const sheets = input.sheets.map((s): PaperSheet => {
    if (s.mark === 'spoiled' && s.faults && !faultsFit(round.template, s.faults)) refuse(domainError('PAPER_FAULTS_UNKNOWN', round.targets.find((t) => t.id === s.targetId)?.name))
    if (s.mark !== 'ballot') return s
    const checked = validateBallot(round, s.ballot)
    if (!checked.ok) refuse(domainError(checked.error.code, round.targets.find((t) => t.id === s.ballot.targetId)?.name))
    return { mark: 'ballot', ballot: checked.value }
  })
  if (code) {
    // A code of a roster waiting for 名单审定 counts nowhere, on paper as online.
    await assertRosterApproved(doc)
    await assertCodeUnspent(doc._id, code)
  }
  return { code, sheets: orderedSheets(sheets) }
}

/** Told at entry already, so nobody types a second copy of a ballot that cannot count. */
async function assertCodeUnspent(roundId: string, code: string): Promise<void> {
  const { data } = await database().collection('invitations').doc(code).get()
  const found = Invitation.safeParse(data[0])
  if (!found.success || found.data.kind !== 'roster' || found.data.roundId !== roundId) refuse(domainError('PAPER_CHECK_WRONG'))
  if (found.data.voided !== undefined) refuse(domainError('CODE_VOIDED'))
  if (found.data.usesLeft < 1) refuse(domainError('PAPER_CODE_SPENT'))
}

/**
 * A typed roster code as entries keep it: a keyed hash, so a pending entry in a database copy names no
 * invitation (and so no person) without the server secret. Entries compare and receipts derive from it.
 */
const codeKey = (roundId: string, code: string | null) => (code ? keyedHash('paper-code', roundId, code) : null)

/** One pseudonymous voter per paper ballot: its roster entry's (the code's key), as an online voter's is their openid's. */
const paperVoter = (roundId: string, paper: PaperDoc, key: string | null) => (key ? `roster:${key}` : `paper:${roundId}:${paper.serial}`)

type Step = { outcome: 'first-entry' } | { outcome: 'disputed'; targets: string[] } | { outcome: 'record'; paper: PaperDoc }

/**
 * The entry's step, in one transaction on the serial's document. `settle`: the third person's
 * reading of a disputed ballot. Agreement spends the roster code and enrols its pseudonym in the
 * same transaction, so the code cannot also be redeemed online.
 */
async function step(doc: RoundDoc, serial: string, by: string, entry: { code: string | null; sheets: PaperSheet[] }, settle: boolean): Promise<Step> {
  return inTransaction(async (tx): Promise<Step> => {
    const ref = tx.collection('paperBallots').doc(paperDocId(doc._id, serial))
    const paper = PaperDoc.parse((await ref.get()).data)
    const { _id, ...kept } = paper
    const mine = { by, code: codeKey(doc._id, entry.code), sheets: entry.sheets }
    if (paper.state === 'recorded') refuse(domainError('PAPER_RECORDED'))
    if (paper.state === 'recording') return { outcome: 'record', paper }
    if (paper.entries.some((e) => e.by === by)) refuse(domainError(settle ? 'PAPER_SETTLER_ENTERED' : 'PAPER_ENTERED_BY_YOU'))
    if (settle !== (paper.state === 'disputed')) refuse(domainError(settle ? 'PAPER_NOT_DISPUTED' : 'PAPER_DISPUTED'))
    const first = paper.entries[0]
    if (!first) {
      await ref.set({ ...kept, state: 'entered', entries: [mine] })
      return { outcome: 'first-entry' }
    }
    const targets = settle ? [] : entriesDiffer(first, mine)
    if (targets.length > 0) {
      await ref.set({ ...kept, state: 'disputed', entries: [first, mine] })
      return { outcome: 'disputed', targets }
    }
    await spendPrinted(tx, doc, paper, entry.code)
    const agreed = { ...kept, state: 'recording' as const, entries: [], agreed: mine }
    await ref.set(agreed)
    return { outcome: 'record', paper: { _id, ...agreed } }
  })
}

/** The printed code spent (if any) and the paper voter enrolled, so people per category count paper voters too. */
async function spendPrinted(tx: Transaction, doc: RoundDoc, paper: PaperDoc, code: string | null): Promise<void> {
  if (code && !(await spendCode(tx, code, 'roster'))) refuse(domainError('PAPER_CODE_SPENT'))
  await tx.collection('enrolments').add({ _id: voterKey(doc._id, paperVoter(doc._id, paper, codeKey(doc._id, code))), roundId: doc._id, categoryId: paper.categoryId, unitId: paper.unitId })
}

/**
 * A spoiled or blank sheet: its receipt (so it is recorded once, and its voter counts once) and a
 * count beside the target's counters (`x`), in one transaction on a counter shard, which the close's
 * seal refuses as it refuses ballots. No ballot is stored, so no rate can count it.
 */
async function markUnusable(doc: RoundDoc, voter: string, targetId: string, mark: UnusableMark): Promise<void> {
  const _ = database().command
  const shard = shardId(doc._id, targetId, Math.floor(Math.random() * doc.shards))
  try {
    await inTransaction(async (tx) => {
      await tx.collection('receipts').add({ _id: receiptId(doc._id, targetId, voter), roundId: doc._id, targetId, voter: voterKey(doc._id, voter) })
      const { ref, found } = await unsealedShard(tx, shard)
      if (found) await ref.update({ [`x.${mark}`]: _.inc(1) })
      else await tx.collection('counters').add({ _id: shard, roundId: doc._id, targetId, c: emptyCounters(), x: { [mark]: 1 } })
    })
  } catch (e) {
    if (e instanceof Sealed) refuse(domainError('ROUND_NOT_OPEN'))
    // Its receipt exists: this sheet was marked by an earlier attempt.
    if (!isDuplicate(e)) throw e
  }
}

/** Every sheet of an agreed ballot, each once however often this is run again, then the entries deleted. */
async function record(doc: RoundDoc, paper: PaperDoc): Promise<number> {
  const agreed = paper.agreed ?? refuse(domainError('PAPER_NOT_DISPUTED'))
  const voter = paperVoter(doc._id, paper, agreed.code)
  const channelId = doc.round.channels.find((c) => c.kind === 'paper')?.id
  for (const sheet of agreed.sheets) {
    if (sheet.mark !== 'ballot') {
      await markUnusable(doc, voter, sheet.targetId, sheet.mark)
      continue
    }
    const cast: Cast = { categoryId: paper.categoryId, channelId, ballot: orRefuse(validateBallot(doc.round, sheet.ballot)) }
    if ((await castBallot(doc, voter, cast)).status === 'closed') refuse(domainError('ROUND_NOT_OPEN'))
  }
  const { _id, agreed: _agreed, ...kept } = paper
  await database().collection('paperBallots').doc(_id).set({ ...kept, state: 'recorded', entries: [] })
  return agreed.sheets.length
}

export async function enterPaper(auth: Authority, input: PaperInput, { caller, now }: HandlerContext, settle = false): Promise<PaperEntryOutcome> {
  const { doc, paper } = await paperOf(auth, input.roundId, input.serial)
  orRefuse(acceptsBallots(doc.round, now))
  // Said first: its own code is spent by then, which must not read as spent elsewhere.
  if (paper.state === 'recorded') refuse(domainError('PAPER_RECORDED'))
  const entry = paper.state === 'recording' ? { code: null, sheets: [] } : await checkedEntry(doc, paper, input)
  const by = keyedHash('paper-enterer', doc._id, paper.serial, caller.openid)
  const done = await step(doc, paper.serial, by, entry, settle)
  await audit(caller.openid, { action: settle ? 'settlePaper' : 'enterPaper', subject: doc._id, unitId: doc.ownerUnitId, after: { serial: paper.serial, outcome: done.outcome } }, now)
  if (done.outcome === 'first-entry') return { status: 'first-entry' }
  if (done.outcome === 'disputed') return { status: 'disputed', targets: done.targets }
  return { status: 'recorded', receipts: await record(doc, done.paper) }
}

/** The targets a stamped ballot has sheets for, so the entry form can ask for each; the stamp is checked first, so serials cannot be browsed. */
export async function readPaper(auth: Authority, input: Omit<PaperInput, 'sheets'>): Promise<PaperBallotView> {
  const { doc, paper } = await paperOf(auth, input.roundId, input.serial)
  checkedCode(doc, paper, input)
  return {
    serial: paper.serial,
    categoryName: categoryName(doc.round, paper.categoryId),
    roster: paper.roster,
    state: paper.state,
    targets: eligibleTargets(doc.round, paper.categoryId, paper.unitId).map((t) => ({ id: t.id, name: t.name })),
  }
}

/** The round's paper ballots by state, and the disagreements the caller may settle or sees, without who entered them. */
export async function paperQueue(auth: Authority, roundId: string, caller: string): Promise<{ status: PaperStatus; disputes: PaperDispute[] }> {
  const doc = await loadRound(roundId, { auth, allowed: MANAGE })
  const all: PaperDoc[] = []
  for (let offset = 0; ; offset += 1000) {
    const { data } = await database().collection('paperBallots').where({ roundId }).skip(offset).limit(1000).get()
    all.push(...(data as unknown[]).map((d) => PaperDoc.parse(d)))
    if (data.length < 1000) break
  }
  const mine = all.filter((p) => mayEnter(auth, doc, p))
  if (!mayEnter(auth, doc, null) && mine.length === 0) throw forbidden()
  const count = (state: PaperDoc['state']) => mine.filter((p) => p.state === state).length
  return {
    status: { printed: count('printed'), enteredOnce: count('entered'), disputed: count('disputed'), recorded: count('recorded') + count('recording'), lapsed: count('lapsed') },
    disputes: mine
      .filter((p) => p.state === 'disputed')
      .map((p) => ({
        serial: p.serial,
        categoryId: p.categoryId,
        unitId: p.unitId,
        entries: p.entries.map(({ sheets }) => ({ sheets })),
        codesAgree: p.entries.every((e) => e.code === p.entries[0]?.code),
        mine: p.entries.some((e) => e.by === keyedHash('paper-enterer', doc._id, p.serial, caller)),
      })),
  }
}
