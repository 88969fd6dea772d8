/**
 * @module The people holding roles in one's subtree, and taking a role back. A role is revoked by
 * deleting its grant; every action reads the caller's roles afresh, so the holder is refused at once.
 */
import type { RoleHolder } from '../../src/api/organize'
import { domainError } from '../../src/core'
import { actorName, audit } from '../common/audit'
import { database } from '../common/cloudbase'
import { functionEnv } from '../common/env'
import { refuse } from '../common/refuse'
import { type Authority, authorize, forbidden, type Role, unitNameOf, WHOLE_TREE } from '../common/roles'
import type { HandlerContext } from '../common/router'
import { MANAGE } from './access'
import { GRANTORS } from './people'

interface RoleDoc extends Role {
  _id: string
  openid: string
  name: string
  at: Date | string
  invitedBy?: string | null
}

async function allRoles(): Promise<RoleDoc[]> {
  const all: RoleDoc[] = []
  for (let offset = 0; ; offset += 1000) {
    const { data } = await database().collection('roles').skip(offset).limit(1000).get()
    all.push(...(data as RoleDoc[]))
    if (data.length < 1000) return all
  }
}

export async function listRoleHolders(auth: Authority): Promise<{ holders: RoleHolder[] }> {
  if (!auth.roles.some((r) => MANAGE.includes(r.role))) throw forbidden()
  const mine = (await allRoles()).filter((r) => auth.covers(MANAGE, r.unitId))
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
  }))
  return { holders: holders.sort((a, b) => b.at.localeCompare(a.at)) }
}

/** Only what the caller could have granted, in their subtree; never the last whole-tree admin. */
export async function revokeRole(auth: Authority, holderId: string, { caller, now }: HandlerContext) {
  const { data } = await database().collection('roles').doc(holderId).get()
  const held = data[0] as RoleDoc | undefined
  if (!held) return refuse(domainError('ROLE_NOT_FOUND'))
  authorize(auth, GRANTORS[held.role], held.unitId)
  if (held.role === 'admin' && held.unitId === WHOLE_TREE) {
    const others = (await allRoles()).filter((r) => r.role === 'admin' && r.unitId === WHOLE_TREE && r.openid !== held.openid)
    if (others.length === 0 && functionEnv().QUNPING_ADMIN_OPENIDS.every((id) => id === held.openid)) refuse(domainError('LAST_ADMIN'))
  }
  const { deleted } = (await database().collection('roles').doc(holderId).remove()) as { deleted: number }
  if (!deleted) refuse(domainError('ROLE_NOT_FOUND'))
  await audit(caller.openid, { action: 'revokeRole', subject: held.unitId ?? 'tree', unitId: held.unitId, before: { role: held.role, unitId: held.unitId, name: held.name } }, now)
  return { revoked: true as const }
}
