/**
 * @module The people holding roles in one's subtree, and taking a role back. A role is revoked by
 * deleting its grant; every action reads the caller's roles afresh, so the holder is refused at once.
 */
import { apiError } from '../../src/api'
import type { RoleHolder } from '../../src/api/organize'
import type { ApiError } from '../../src/api/result'
import { domainError } from '../../src/core'
import { actorName, audit } from '../common/audit'
import { database } from '../common/cloudbase'
import { functionEnv } from '../common/env'
import { type Authority, forbidden, missing, type Role, unitNameOf, WHOLE_TREE } from '../common/roles'
import { type HandlerContext, Refusal } from '../common/router'
import { inTransaction } from '../common/transaction'
import { MANAGE } from './access'
import { GRANTORS } from './people'

interface RoleDoc extends Role {
  _id: string
  openid: string
  name: string
  at: Date | string
  invitedBy?: string | null
  /** Bumped by each revocation of another whole-tree admin that counted on this grant remaining (see revokeRole). */
  vouchedFor?: number
}

async function allRoles(): Promise<RoleDoc[]> {
  const all: RoleDoc[] = []
  for (let offset = 0; ; offset += 1000) {
    const { data } = await database().collection('roles').skip(offset).limit(1000).get()
    all.push(...(data as RoleDoc[]))
    if (data.length < 1000) return all
  }
}

const isTreeAdmin = (r: Role) => r.role === 'admin' && r.unitId === WHOLE_TREE

/**
 * Why the caller may not take `held` back, or null when they may: the one rule the holder list
 * shows and revokeRole enforces. Only a role the caller could have granted, in their subtree; never
 * the last whole-tree admin (`treeAdmins`: the stored whole-tree admins as read; the env-named
 * ones always remain).
 */
function refusalToRevoke(auth: Authority, held: RoleDoc, treeAdmins: readonly RoleDoc[]): ApiError | null {
  if (!auth.covers(GRANTORS[held.role], held.unitId)) return apiError('FORBIDDEN')
  const othersRemain = treeAdmins.some((r) => r.openid !== held.openid) || functionEnv().QUNPING_ADMIN_OPENIDS.some((id) => id !== held.openid)
  return isTreeAdmin(held) && !othersRemain ? domainError('LAST_ADMIN') : null
}

export async function listRoleHolders(auth: Authority): Promise<{ holders: RoleHolder[] }> {
  if (!auth.roles.some((r) => MANAGE.includes(r.role))) throw forbidden()
  const all = await allRoles()
  const treeAdmins = all.filter(isTreeAdmin)
  const mine = all.filter((r) => auth.covers(MANAGE, r.unitId))
  const inviters = new Map<string, string>()
  for (const openid of new Set(mine.flatMap((r) => (r.invitedBy ? [r.invitedBy] : [])))) inviters.set(openid, await actorName(openid))
  const holders = mine.map((r) => ({
    id: r._id,
    role: r.role,
    unitId: r.unitId,
    unitName: unitNameOf(auth.units, r.unitId),
    name: r.name,
    invitedBy: r.invitedBy ? (inviters.get(r.invitedBy) ?? null) : null,
    at: new Date(r.at).toISOString(),
    revocable: refusalToRevoke(auth, r, treeAdmins) === null,
  }))
  return { holders: holders.sort((a, b) => b.at.localeCompare(a.at)) }
}

/**
 * The LAST_ADMIN check is judged inside the transaction that deletes the grant, and that
 * transaction also writes every other whole-tree admin's grant it counted on: two admins revoking
 * each other at once then write the same documents, so one of them conflicts, retries, and finds
 * itself the last (reads alone would let both commit under snapshot isolation: write skew).
 */
export async function revokeRole(auth: Authority, holderId: string, { caller, now }: HandlerContext) {
  const all = await allRoles()
  if (!all.some((r) => r._id === holderId)) missing(auth, ['admin', 'organizer'], domainError('ROLE_NOT_FOUND'))
  // Which grants are whole-tree admins' is read outside: none is ever created but by the one-time setup claim.
  const treeAdminIds = all.filter((r) => isTreeAdmin(r) && r._id !== holderId).map((r) => r._id)
  const outcome = await inTransaction(async (tx) => {
    const read = async (id: string) => ((await tx.collection('roles').doc(id).get()) as { data: RoleDoc | null }).data
    const held = await read(holderId)
    if (!held) return { held, refusal: domainError('ROLE_NOT_FOUND') }
    const treeAdmins = isTreeAdmin(held) ? (await Promise.all(treeAdminIds.map(read))).filter((r): r is RoleDoc => r !== null) : []
    const refusal = refusalToRevoke(auth, held, treeAdmins)
    if (refusal) return { held, refusal }
    for (const other of treeAdmins) await tx.collection('roles').doc(other._id).update({ vouchedFor: database().command.inc(1) })
    await tx.collection('roles').doc(holderId).remove()
    return { held, refusal: null }
  })
  if (outcome.refusal) throw new Refusal(outcome.refusal)
  const { role, unitId, name } = outcome.held
  await audit(caller.openid, { action: 'revokeRole', subject: unitId ?? 'tree', unitId, before: { role, unitId, name } }, now)
  return { revoked: true as const }
}
