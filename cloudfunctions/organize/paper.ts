/**
 * @module 纸质评价票: printing a round's paper ballots. One per evaluator — each person of a roster
 * category with a live code (the code printed on it), or a number of blank ones of an open category —
 * each a random 8-digit serial with a 6-digit check code, and one page per target the evaluator rates,
 * the 评价表 of blankForm.ts stamped with the three. Stored per serial: round, category, unit and the
 * entry state (paperEntry.ts); never the roster code, so a database copy cannot tie a serial to a person.
 */
import { randomInt } from 'node:crypto'
import { z } from 'zod'
import { domainError, eligibleTargets, ownEntry, PaperSheet, type Round } from '../../src/core'
import { database } from '../common/cloudbase'
import { keyedHash } from '../common/keyed'
import { a4Pdf, storedUrl } from '../common/print'
import { refuse } from '../common/refuse'
import { authorize, type Authority } from '../common/roles'
import { changeRound, type RoundDoc } from '../common/rounds'
import type { HandlerContext } from '../common/router'
import { isDuplicate } from '../common/transaction'
import { audit } from '../common/audit'
import { MANAGE } from './access'
import { form, formTitle } from './blankForm'
import { assertRosterApproved } from './rosterReview'
import { liveCodes } from './rosterSizes'
import { managedRound } from './rounds'

const Entry = z.object({ by: z.string(), code: z.string().nullable(), sheets: z.array(PaperSheet) })
export const PaperDoc = z.object({
  _id: z.string(),
  roundId: z.string(),
  serial: z.string(),
  categoryId: z.string(),
  unitId: z.string(),
  /** Whether a roster code is printed on it (and must be entered). */
  roster: z.boolean(),
  /** `lapsed`: entered but not recorded by the close; its entries were deleted then. */
  state: z.enum(['printed', 'entered', 'disputed', 'recording', 'recorded', 'lapsed']),
  /** Only while waiting for agreement: deleted once recorded (see the README's threat model). */
  entries: z.array(Entry).default([]),
  /** What was agreed, while being recorded. */
  agreed: Entry.optional(),
})
export type PaperDoc = z.infer<typeof PaperDoc>

export const paperDocId = (roundId: string, serial: string) => `${roundId}:${serial}`

/** Binds the serial to its round and printed code: a mistyped serial or code fails it. */
export const paperCheck = (roundId: string, serial: string, code: string | null) => (parseInt(keyedHash('paper-check', roundId, serial, code ?? '').slice(0, 12), 16) % 1_000_000).toString().padStart(6, '0')

/** The round's paper channel, created on first print, so paper ballots are counted apart from online ones. */
async function paperChannel(auth: Authority, roundId: string): Promise<void> {
  await changeRound(roundId, (doc) => {
    authorize(auth, MANAGE, doc.ownerUnitId)
    if (doc.round.channels.some((c) => c.kind === 'paper')) return doc
    const taken = new Set(doc.round.channels.map((c) => c.id))
    const id = ['paper', 'paper-ballots', `paper-${randomInt(1e6)}`].find((x) => !taken.has(x)) as string
    return { ...doc, round: { ...doc.round, channels: [...doc.round.channels, { id, name: '纸质票', kind: 'paper' as const }] } }
  }, { auth, allowed: MANAGE })
}

async function newSerial(roundId: string, place: { categoryId: string; unitId: string; roster: boolean }): Promise<string> {
  for (;;) {
    const serial = randomInt(1e8).toString().padStart(8, '0')
    try {
      await database().collection('paperBallots').add({ _id: paperDocId(roundId, serial), roundId, serial, ...place, state: 'printed', entries: [] })
      return serial
    } catch (e) {
      if (!isDuplicate(e)) throw e
    }
  }
}

interface Ballot { categoryId: string; unitId: string; code: string | null }

function ballotsOf(round: Round, codes: Awaited<ReturnType<typeof liveCodes>>, unitId: string | undefined, open: { categoryId: string; unitId?: string; count: number } | undefined): Ballot[] {
  // A person's code only (a shared code is no one's, so its paper would tie nobody to one vote), used or
  // not: leaving used ones out would tell the organiser who voted online. A used one's paper is refused at entry.
  const people = codes.filter((c) => c.name !== null && (unitId === undefined || c.unitId === unitId)).map((c) => ({ categoryId: c.categoryId, unitId: c.unitId, code: c._id }))
  if (!open) return people
  const category = round.categories.find((c) => c.id === open.categoryId)
  if (!category) refuse(domainError('CATEGORY_UNKNOWN'))
  if (category.access !== 'open') refuse(domainError('ACTION_NOT_ALLOWED', '凭邀请码的类别按名单逐人打印，不能按份数打印'))
  const place = open.unitId ?? ''
  if (eligibleTargets(round, open.categoryId, place).length === 0) refuse(domainError(open.unitId ? 'NO_ELIGIBLE_TARGET' : 'UNIT_REQUIRED'))
  return [...people, ...Array.from({ length: open.count }, () => ({ categoryId: open.categoryId, unitId: place, code: null }))]
}

export async function printPaper(auth: Authority, input: { roundId: string; unitId?: string; open?: { categoryId: string; unitId?: string; count: number } }, { caller, now }: HandlerContext) {
  const doc: RoundDoc = await managedRound(auth, input.roundId)
  const { round } = doc
  if (!['draft', 'open'].includes(round.state)) refuse(domainError('ACTION_NOT_ALLOWED'))
  await assertRosterApproved(doc)
  const ballots = ballotsOf(round, await liveCodes(doc), input.unitId, input.open)
  await paperChannel(auth, doc._id)
  const { pdf, done } = await a4Pdf({ title: `${round.title} 纸质评价票`, margin: 42 })
  let pages = 0
  for (const b of ballots) {
    const serial = await newSerial(doc._id, { categoryId: b.categoryId, unitId: b.unitId, roster: b.code !== null })
    const stamp = { serial, check: paperCheck(doc._id, serial, b.code), code: b.code }
    for (const t of eligibleTargets(round, b.categoryId, b.unitId)) {
      if (pages++ > 0) pdf.addPage()
      form(pdf, round, t, formTitle(round, t), ownEntry(doc.unitNames, t.unitId) ?? t.name, stamp)
    }
  }
  if (pages === 0) pdf.fontSize(12).text('没有可打印的纸质票：名单中没有可用的个人邀请码，也没有指定空白票的份数。')
  pdf.end()
  const { url } = await storedUrl(`paper-ballots/${doc._id}/${Date.now()}.pdf`, await done)
  await audit(caller.openid, { action: 'printPaper', subject: doc._id, unitId: doc.ownerUnitId, after: { ballots: ballots.length } }, now)
  return { url, ballots: ballots.length }
}
