/** @module A voter's category and unit in a round: chosen once, stored under a key that cannot exist twice. */
import { z } from 'zod'
import type { Enrolment } from '../../src/api/evaluate'
import { acceptsEnrolment, categoryName, domainError, eligibleTargets, enrolInOpenCategory } from '../../src/core'
import { database } from '../common/cloudbase'
import { refuseInRound, roundTakesCodes } from '../common/codeGuesses'
import { orRefuse, refuse } from '../common/refuse'
import { loadRound, RoundDoc } from '../common/rounds'
import { Invitation, normaliseCode, spendCode } from '../common/invitations'
import { rosterApprovedIn } from '../common/rosterReview'
import type { Transaction } from '../common/transaction'
import { inTransaction, isDuplicate } from '../common/transaction'
import { voterKey } from './keys'

const Stored = z.object({ categoryId: z.string(), unitId: z.string().nullable() })

/** Eligibility is recomputed from the round, so an edit of the round's scope is honoured. */
const withTargets = (doc: RoundDoc, e: z.infer<typeof Stored>): Enrolment => ({
  ...e,
  categoryName: categoryName(doc.round, e.categoryId),
  eligibleTargetIds: eligibleTargets(doc.round, e.categoryId, e.unitId ?? '').map((t) => t.id),
})

/** A stored enrolment document, read by whatever query fetched it. */
export const enrolmentOf = (doc: RoundDoc, stored: unknown): Enrolment => withTargets(doc, Stored.parse(stored))

export async function findEnrolment(doc: RoundDoc, openid: string): Promise<Enrolment | null> {
  const { data } = await database().collection('enrolments').doc(voterKey(doc._id, openid)).get()
  return data[0] ? enrolmentOf(doc, data[0]) : null
}

export async function enrol(doc: RoundDoc, openid: string, categoryId: string, unitId: string | undefined): Promise<Enrolment> {
  orRefuse(acceptsEnrolment(doc.round))
  const chosen = orRefuse(enrolInOpenCategory(doc.round, categoryId, unitId))
  try {
    await database().collection('enrolments').add({ _id: voterKey(doc._id, openid), roundId: doc._id, categoryId, unitId: chosen.unitId })
    return withTargets(doc, chosen)
  } catch (e) {
    if (!isDuplicate(e)) throw e
    // Choosing the same again (a retry) is fine; choosing differently is not.
    const existing = await findEnrolment(doc, openid)
    if (existing?.categoryId === categoryId && existing.unitId === chosen.unitId) return existing
    return refuse(domainError('ENROLMENT_MISMATCH'))
  }
}

/** A roster code whose round asks for 名单审定 is refused until the supervisors approved the roster. */
async function assertApprovedCode(tx: Transaction, code: string): Promise<void> {
  const { data: held } = (await tx.collection('invitations').doc(normaliseCode(code)).get()) as { data: { kind?: string; roundId?: string } | null }
  if (held?.kind !== 'roster' || !held.roundId) return
  const { data } = (await tx.collection('rounds').doc(held.roundId).get()) as { data: unknown }
  const round = RoundDoc.safeParse(data)
  if (round.success && round.data.round.approvals.roster && !(await rosterApprovedIn(tx, held.roundId))) refuse(domainError('ROSTER_NOT_APPROVED'))
}

/**
 * What a live roster code's round already says, whatever its uses: a round that takes no one, or
 * the caller's enrolment in it. Asked before uses are looked at, so whoever holds the slips cannot
 * tell a used code from an unused one by redeeming it once enrolled, or once the round is closed.
 * Otherwise the code's round, whose budget of refusals (common/codeGuesses.ts) must not be spent.
 */
async function answeredByRound(code: string, openid: string, now: Date): Promise<{ answer: Enrolment & { roundId: string } } | { roundId: string } | undefined> {
  const { data } = await database().collection('invitations').doc(normaliseCode(code)).get()
  const parsed = Invitation.safeParse(data[0])
  if (!parsed.success || parsed.data.kind !== 'roster' || parsed.data.voided !== undefined) return undefined
  const { roundId, categoryId, unitId } = parsed.data
  const doc = await loadRound(roundId)
  orRefuse(acceptsEnrolment(doc.round))
  const enrolment = await findEnrolment(doc, openid)
  if (enrolment?.categoryId === categoryId && enrolment.unitId === unitId) return { answer: { ...enrolment, roundId } }
  await roundTakesCodes(roundId, now)
  if (enrolment) return refuseInRound(roundId, normaliseCode(code), now, domainError('ENROLMENT_MISMATCH'))
  return { roundId }
}

/**
 * A roster invitation code: checked, spent, and the voter enrolled in its category and unit, in
 * one transaction, so any refusal (another kind of code, used up, a round not open) spends
 * nothing. Redeeming again for the same place spends nothing; for another place, refused.
 */
export async function redeem(code: string, openid: string, now: Date): Promise<Enrolment & { roundId: string }> {
  const answered = await answeredByRound(code, openid, now)
  if (answered && 'answer' in answered) return answered.answer
  let invitation: Extract<Invitation, { kind: 'roster' }> | undefined
  try {
    await inTransaction(async (tx) => {
      // Before the code is spent or even judged used: an unapproved roster answers alike for every code of it.
      await assertApprovedCode(tx, code)
      invitation = await spendCode(tx, code, 'roster')
      if (!invitation) return
      const { roundId, categoryId, unitId } = invitation
      const { data } = (await tx.collection('rounds').doc(roundId).get()) as { data: unknown }
      if (!data) refuse(domainError('ROUND_NOT_FOUND'))
      orRefuse(acceptsEnrolment(RoundDoc.parse(data).round))
      await tx.collection('enrolments').add({ _id: voterKey(roundId, openid), roundId, categoryId, unitId })
    })
  } catch (e) {
    if (!isDuplicate(e) || !invitation) throw e
  }
  if (!invitation) return answered ? refuseInRound(answered.roundId, normaliseCode(code), now, domainError('CODE_INVALID')) : refuse(domainError('CODE_INVALID'))
  const doc = await loadRound(invitation.roundId)
  const enrolment = await findEnrolment(doc, openid)
  if (enrolment?.categoryId !== invitation.categoryId || enrolment.unitId !== invitation.unitId) return refuseInRound(doc._id, normaliseCode(code), now, domainError('ENROLMENT_MISMATCH'))
  return { ...enrolment, roundId: doc._id }
}
