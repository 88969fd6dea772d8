/**
 * @module Managing a round's roster codes after they are issued: void one (unusable from now on;
 * what was used stays used), reissue one (void + a new code for the same place), and how many
 * are used, by count only — never by whom. A person's code answers the same whether or not it
 * was used: voiding or reissuing it must not be a way to ask. A voided code keeps, in `voided`,
 * the uses it lost, so spending needs no new rule: its `usesLeft` is 0.
 */
import type { CodeCount, InvitationCode } from '../../src/api/organize'
import { categoryName, domainError, ownEntry, tallyCodes } from '../../src/core'
import { audit } from '../common/audit'
import { database } from '../common/cloudbase'
import { Invitation, issueCode, normaliseCode, type RosterInvitation } from '../common/invitations'
import { refuse } from '../common/refuse'
import type { Authority } from '../common/roles'
import type { HandlerContext } from '../common/router'
import { noteRosterChange } from './rosterReview'
import { rosterInvitations } from './rosterSizes'
import { managedRound } from './rounds'

type Voided = RosterInvitation & { voided: number }

/**
 * Sets a code's remaining uses to 0, conditional on the uses read and on not being voided yet, so a
 * resident spending it meanwhile is never lost and two voids of one code are one. A person's code is
 * voided used or not; a shared code is no person, and one used up has nothing left to void.
 */
async function voidOne(roundId: string, code: string): Promise<Voided> {
  const _ = database().command
  for (;;) {
    const { data } = await database().collection('invitations').doc(normaliseCode(code)).get()
    const parsed = Invitation.safeParse(data[0])
    if (!parsed.success || parsed.data.kind !== 'roster' || parsed.data.roundId !== roundId) return refuse(domainError('CODE_INVALID'))
    const found = parsed.data
    if (found.voided !== undefined) return refuse(domainError('CODE_VOIDED'))
    if (found.name === null && found.usesLeft < 1) return refuse(domainError('CODE_USED'))
    const { updated } = (await database()
      .collection('invitations')
      .where({ _id: found._id, usesLeft: found.usesLeft, voided: _.exists(false) })
      .update({ usesLeft: 0, voided: found.usesLeft })) as { updated: number }
    if (updated) return { ...found, usesLeft: 0, voided: found.usesLeft }
  }
}

/** The places a void takes away, as answered and audited: one for a person, whatever they did; the uses left of a shared code. */
const placesOf = (c: Voided) => (c.name === null ? c.voided : 1)

// The audit names the place a code stood for, never the code: whoever reads the log could use it.
const placeOf = (c: Voided) => ({ categoryId: c.categoryId, unitId: c.unitId, name: c.name, uses: placesOf(c) })

export async function voidCode(auth: Authority, roundId: string, code: string, { caller, now }: HandlerContext) {
  const doc = await managedRound(auth, roundId)
  const voided = await voidOne(doc._id, code)
  await audit(caller.openid, { action: 'voidCode', subject: doc._id, unitId: doc.ownerUnitId, after: placeOf(voided) }, now)
  return { voided: placesOf(voided) }
}

/**
 * A person gets a new single-use code even if the old one was used: no new power, since the
 * organiser may add anyone to the roster anyway, and the log records it. A shared code's new code
 * carries the uses the old one lost.
 */
export async function reissueCode(auth: Authority, roundId: string, code: string, { caller, now }: HandlerContext): Promise<InvitationCode> {
  const doc = await managedRound(auth, roundId)
  const old = await voidOne(doc._id, code)
  const uses = placesOf(old)
  const fresh = await issueCode({
    kind: 'roster', roundId: doc._id, categoryId: old.categoryId, unitId: old.unitId, name: old.name,
    phoneHash: old.phoneHash, maxUses: uses, usesLeft: uses, createdBy: caller.openid,
  })
  await noteRosterChange(auth, doc, { caller, now })
  await audit(caller.openid, { action: 'reissueCode', subject: doc._id, unitId: doc.ownerUnitId, after: placeOf(old) }, now)
  return fresh
}

/** The round's code counts, by the core's tally, with the names an organiser reads. */
export async function codeCounts(auth: Authority, roundId: string): Promise<{ counts: CodeCount[]; k: number }> {
  const doc = await managedRound(auth, roundId)
  const k = doc.round.kSuppression
  const counts = tallyCodes(await rosterInvitations(roundId), k).map((r) => ({
    ...r,
    unitName: ownEntry(doc.unitNames, r.unitId) ?? r.unitId,
    categoryName: categoryName(doc.round, r.categoryId),
  }))
  return { counts: counts.sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh') || a.categoryName.localeCompare(b.categoryName, 'zh')), k }
}
