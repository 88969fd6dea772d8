/**
 * @module 名单审定: where the round's procedure asks for it, the supervisors — organisers of the unit
 * above the round's owner unit, never the owner unit's own — approve or return its roster. No code
 * of an unapproved roster is printed or redeemed, and any change after approval sends it back.
 */
import type { RosterReview } from '../../src/api/organize'
import { domainError } from '../../src/core'
import { audit } from '../common/audit'
import { refuse } from '../common/refuse'
import { type Authority, forbidden } from '../common/roles'
import type { HandlerContext } from '../common/router'
import type { RoundDoc } from '../common/rounds'
import { changerKey, rosterChanged, rosterReview, settleRoster } from '../common/rosterReview'
import { supervises } from './access'
import { managedRound } from './rounds'

/**
 * After an organiser changed the roster: audited when it sends an approved roster back. Called
 * before the new codes are answered to anyone, so none can be redeemed under the old approval.
 */
export async function noteRosterChange(auth: Authority, doc: RoundDoc, { caller, now }: Pick<HandlerContext, 'caller' | 'now'>): Promise<void> {
  if (!doc.round.approvals.roster) return
  const bySupervisor = supervises(auth, doc.ownerUnitId)
  const before = await rosterChanged(doc._id, bySupervisor, caller.openid)
  if (before === 'approved' && !bySupervisor) {
    await audit(caller.openid, { action: 'rosterSentBack', subject: doc._id, unitId: doc.ownerUnitId, before: { state: 'approved' }, after: { state: 'pending' } }, now)
  }
}

/** Printing and handing out codes wait for the supervisors. */
export async function assertRosterApproved(doc: RoundDoc): Promise<void> {
  if (doc.round.approvals.roster && (await rosterReview(doc._id)).state !== 'approved') refuse(domainError('ROSTER_NOT_APPROVED'))
}

/** `reviewable`: whether the caller's verdict would be taken, so the page offers it only then. */
export async function rosterReviewOf(auth: Authority, roundId: string, caller: string): Promise<RosterReview> {
  const doc = await managedRound(auth, roundId)
  const { state, revision, reason, changedBy } = await rosterReview(roundId)
  return { required: doc.round.approvals.roster, state, revision, reason, reviewable: supervises(auth, doc.ownerUnitId) && !changedBy.includes(changerKey(roundId, caller)) }
}

export async function reviewRoster(auth: Authority, input: { roundId: string; revision: number; approve: boolean; reason?: string }, { caller, now }: HandlerContext): Promise<RosterReview> {
  const doc = await managedRound(auth, input.roundId)
  if (!supervises(auth, doc.ownerUnitId)) throw forbidden()
  if (!doc.round.approvals.roster) refuse(domainError('ACTION_NOT_ALLOWED', '本轮评议的名单无需审定'))
  const current = await rosterReview(doc._id)
  if (current.revision === 0) refuse(domainError('ROUND_INVALID', '名单为空，尚无可审定的名单'))
  // One who changed the list since the last verdict gives none on it, even once a supervisor.
  if (current.changedBy.includes(changerKey(doc._id, caller.openid))) refuse(domainError('ROSTER_OWN_CHANGE'))
  const verdict = input.approve ? { state: 'approved' as const, reason: null } : { state: 'returned' as const, reason: input.reason?.trim() || refuse(domainError('ROUND_INVALID', '退回时请写明原因')) }
  if (!(await settleRoster(doc._id, input.revision, verdict))) refuse(domainError('ROSTER_CHANGED'))
  await audit(caller.openid, { action: 'reviewRoster', subject: doc._id, unitId: doc.ownerUnitId, after: { ...verdict, revision: input.revision } }, now)
  return { required: true, ...verdict, revision: input.revision + 1, reviewable: true }
}
