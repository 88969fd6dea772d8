/** @module The org tree and the people in it: setup, units, role invitations. */
import { createHash, randomBytes } from 'node:crypto'
import type { RoleName, UnitView } from '../../src/api/organize'
import { domainError } from '../../src/core'
import { audit } from '../common/audit'
import { database } from '../common/cloudbase'
import { issueCode, normaliseCode, spendCode } from '../common/invitations'
import { keyedHash } from '../common/keyed'
import { refuse } from '../common/refuse'
import { isSetupCode } from '../common/setupCode'
import { type Authority, authorize, WHOLE_TREE } from '../common/roles'
import type { HandlerContext } from '../common/router'
import { inTransaction, isDuplicate } from '../common/transaction'

/** Who may hand out which role: admins any; organisers the roles below them, in their subtree. */
export const GRANTORS: Record<RoleName, RoleName[]> = {
  admin: ['admin'],
  organizer: ['admin'],
  leader: ['admin', 'organizer'],
  contact: ['admin', 'organizer'],
}

const roleDoc = (openid: string, role: RoleName, unitId: string | null, name: string, now: Date, invitedBy: string | null = null) => ({
  // '*' is no unit id (see ID_PATTERN), so a whole-tree grant never shares a key with a unit's.
  _id: keyedHash('role', openid, role, unitId ?? '*'),
  openid,
  role,
  unitId,
  name,
  at: now,
  /** The inviter's openid (null: the setup code), so the holder list can say who let them in. */
  invitedBy,
})

export async function claimSetup(setupCode: string, displayName: string, { caller, now }: HandlerContext) {
  if (!isSetupCode(setupCode)) refuse(domainError('SETUP_CODE_WRONG'))
  try {
    // The fixed _id makes the claim one-time: a second claim is a duplicate write.
    await database().collection('setup').add({ _id: 'claimed', by: caller.openid, at: now })
  } catch (e) {
    if (isDuplicate(e)) refuse(domainError('SETUP_CLAIMED'))
    throw e
  }
  await database().collection('roles').add(roleDoc(caller.openid, 'admin', WHOLE_TREE, displayName, now))
  await audit(caller.openid, { action: 'claimSetup', subject: 'setup', unitId: WHOLE_TREE, after: { role: 'admin' } }, now)
  return { role: 'admin' as const }
}

/** The units under the caller's roles (all of them for a whole-tree admin). */
export function visibleUnits(auth: Authority): UnitView[] {
  return auth.units.filter((u) => auth.covers(['admin', 'organizer', 'leader', 'contact'], u.id))
}

/** Per unit the caller sees, the roles they may invite someone to there (only units with any). */
export function grantableRoles(auth: Authority): { unitId: string; roles: RoleName[] }[] {
  const roles = Object.keys(GRANTORS) as RoleName[]
  return visibleUnits(auth)
    .map((u) => ({ unitId: u.id, roles: roles.filter((r) => auth.covers(GRANTORS[r], u.id)) }))
    .filter((g) => g.roles.length > 0)
}

/** Where the caller may root a new round: units they manage, or every unit of the tree for a whole-tree admin. */
export function ownerUnitIds(auth: Authority): string[] {
  const managed = auth.roles.filter((r) => r.role === 'admin' || r.role === 'organizer')
  const ids = managed.flatMap((r) => (r.unitId === WHOLE_TREE ? auth.units.map((u) => u.id) : [r.unitId]))
  return [...new Set(ids)]
}

/** A name as people read it: spaces inside or around do not make another name. */
const spokenName = (name: string) => name.replace(/\s+/g, '')

/** One key per parent and name (names are public; the hash only keeps the key short and plain). */
const unitNameKey = (parentId: string | null, name: string) => createHash('sha256').update(JSON.stringify([parentId, spokenName(name)])).digest('hex')

export async function createUnit(auth: Authority, input: { id?: string; name: string; parentId: string | null; kind: UnitView['kind'] }, { caller, now }: HandlerContext) {
  // A top-level unit (no parent) is an edit of the whole tree: only a whole-tree admin's.
  // Permission before existence: an unknown parent is only covered by a whole-tree role, so only its holder learns it is unknown.
  authorize(auth, input.parentId === null ? ['admin'] : ['admin', 'organizer'], input.parentId)
  if (input.parentId !== null && !auth.units.some((u) => u.id === input.parentId)) refuse(domainError('UNIT_UNKNOWN'))
  // Roster files name units, so two children of one parent must not share a name.
  if (auth.units.some((u) => u.parentId === input.parentId && spokenName(u.name) === spokenName(input.name))) refuse(domainError('UNIT_NAME_TAKEN'))
  const id = input.id ?? `u${randomBytes(4).toString('hex')}`
  const unit: UnitView = { id, name: input.name, parentId: input.parentId, kind: input.kind }
  // The name's key and the unit are written together: of two racing creations of one name, one is a duplicate.
  const created = await inTransaction(async (tx) => {
    await tx.collection('unitNames').add({ _id: unitNameKey(input.parentId, input.name), unitId: id })
    await tx.collection('units').add({ _id: id, name: unit.name, parentId: unit.parentId, kind: unit.kind })
    return true
  }).catch(async (e) => {
    if (!isDuplicate(e)) throw e
    return false
  })
  if (!created) refuse(domainError((await database().collection('units').doc(id).get()).data.length ? 'UNIT_ID_TAKEN' : 'UNIT_NAME_TAKEN'))
  await audit(caller.openid, { action: 'createUnit', subject: id, unitId: input.parentId ?? id, after: unit }, now)
  return unit
}

export async function inviteRole(auth: Authority, role: RoleName, unitId: string, maxUses: number, { caller, now }: HandlerContext) {
  authorize(auth, GRANTORS[role], unitId)
  if (!auth.units.some((u) => u.id === unitId)) refuse(domainError('UNIT_UNKNOWN'))
  const code = await issueCode({ kind: 'role', role, unitId, usesLeft: maxUses, createdBy: caller.openid })
  // Never the code itself: whoever reads the log could redeem it.
  await audit(caller.openid, { action: 'inviteRole', subject: unitId, unitId, after: { role, unitId, maxUses } }, now)
  return code
}

export async function redeemRole(code: string, displayName: string, { caller, now }: HandlerContext) {
  const granted = await inTransaction(async (tx) => {
    const invitation = await spendCode(tx, code, 'role')
    if (!invitation) return undefined
    await tx.collection('roles').add(roleDoc(caller.openid, invitation.role, invitation.unitId, displayName, now, invitation.createdBy))
    return { role: invitation.role, unitId: invitation.unitId }
  }).catch((e) => {
    // Holding the role already: the code is not spent and the answer is the same.
    if (isDuplicate(e)) return 'held' as const
    throw e
  })
  if (granted === 'held') return currentGrant(code)
  if (!granted) refuse(domainError('CODE_INVALID'))
  await audit(caller.openid, { action: 'redeemRole', subject: granted.unitId, unitId: granted.unitId, after: { ...granted, name: displayName } }, now)
  return granted
}

async function currentGrant(code: string): Promise<{ role: RoleName; unitId: string }> {
  const { data } = await database().collection('invitations').doc(normaliseCode(code)).get()
  const { role, unitId } = data[0] as { role: RoleName; unitId: string }
  return { role, unitId }
}
