/**
 * @module Managing a round's roster codes after they are issued: void one (unusable from now on;
 * what was used stays used), reissue one (void + a new code for the same place), and how many
 * are used, by count only — never by whom. A voided code keeps, in `voided`, the uses it lost,
 * so spending needs no new rule: its `usesLeft` is 0.
 */
import type { CodeCount, InvitationCode } from '../../src/api/organize'
import { domainError, ownEntry } from '../../src/core'
import { audit } from '../common/audit'
import { database } from '../common/cloudbase'
import { Invitation, issueCode, normaliseCode } from '../common/invitations'
import { refuse } from '../common/refuse'
import type { Authority } from '../common/roles'
import type { HandlerContext } from '../common/router'
import { rosterInvitations } from './rosterSizes'
import { managedRound } from './rounds'

type RosterCode = Extract<Invitation, { kind: 'roster' }> & { voided?: number }

/** Sets a code's remaining uses to 0, conditional on the uses read, so a resident spending it meanwhile is never lost. */
async function voidOne(roundId: string, code: string): Promise<RosterCode & { voided: number }> {
  for (;;) {
    const { data } = await database().collection('invitations').doc(normaliseCode(code)).get()
    const parsed = Invitation.safeParse(data[0])
    if (!parsed.success || parsed.data.kind !== 'roster' || parsed.data.roundId !== roundId) return refuse(domainError('CODE_INVALID'))
    const found = data[0] as RosterCode
    if (found.usesLeft < 1) return refuse(domainError('CODE_USED'))
    const { updated } = (await database().collection('invitations').where({ _id: found._id, usesLeft: found.usesLeft }).update({ usesLeft: 0, voided: found.usesLeft })) as { updated: number }
    if (updated) return { ...found, usesLeft: 0, voided: found.usesLeft }
  }
}

// The audit names the place a code stood for, never the code: whoever reads the log could use it.
const placeOf = (c: RosterCode, uses: number) => ({ categoryId: c.categoryId, unitId: c.unitId, name: c.name, uses })

export async function voidCode(auth: Authority, roundId: string, code: string, { caller, now }: HandlerContext) {
  const doc = await managedRound(auth, roundId)
  const voided = await voidOne(doc._id, code)
  await audit(caller.openid, { action: 'voidCode', subject: doc._id, unitId: doc.ownerUnitId, after: placeOf(voided, voided.voided) }, now)
  return { voided: voided.voided }
}

/** The new code carries the uses the old one lost (1 for a person; what was left of a shared code). */
export async function reissueCode(auth: Authority, roundId: string, code: string, { caller, now }: HandlerContext): Promise<InvitationCode> {
  const doc = await managedRound(auth, roundId)
  const old = await voidOne(doc._id, code)
  const fresh = await issueCode({
    kind: 'roster', roundId: doc._id, categoryId: old.categoryId, unitId: old.unitId, name: old.name,
    phoneHash: old.phoneHash, maxUses: old.voided, usesLeft: old.voided, createdBy: caller.openid,
  })
  await audit(caller.openid, { action: 'reissueCode', subject: doc._id, unitId: doc.ownerUnitId, after: placeOf(old, old.voided) }, now)
  return fresh
}

/** Per unit × category: places issued, used and voided. */
export async function codeCounts(auth: Authority, roundId: string): Promise<{ counts: CodeCount[] }> {
  const doc = await managedRound(auth, roundId)
  const rows = new Map<string, CodeCount>()
  for (const c of (await rosterInvitations(roundId)) as RosterCode[]) {
    const key = JSON.stringify([c.unitId, c.categoryId])
    const row = rows.get(key) ?? {
      unitId: c.unitId, unitName: ownEntry(doc.unitNames, c.unitId) ?? c.unitId, categoryId: c.categoryId,
      categoryName: doc.round.categories.find((k) => k.id === c.categoryId)?.name ?? c.categoryId, issued: 0, used: 0, void: 0,
    }
    const voided = c.voided ?? 0
    // A reissued place is counted once: the void copy's uses are in `void`, the new code's in `issued`.
    row.issued += c.maxUses - voided
    row.used += c.maxUses - c.usesLeft - voided
    row.void += voided
    rows.set(key, row)
  }
  return { counts: [...rows.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh') || a.categoryName.localeCompare(b.categoryName, 'zh')) }
}
