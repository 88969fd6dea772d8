/**
 * @module Who may organise. Roles are stored per person and subtree; the first admins are named by
 * the function's environment (QUNPING_ADMIN_OPENIDS), since someone must be able to start.
 */
import { apiError } from '../../src/api'
import type { Me } from '../../src/api/evaluate'
import { database } from './cloudbase'
import { functionEnv } from './env'
import { Refusal } from './router'

export type Role = Me['roles'][number]

/** The root of the org tree: a role held there covers every unit. */
export const ROOT_UNIT = 'root'

export async function rolesOf(openid: string): Promise<Role[]> {
  const { data } = await database().collection('roles').where({ openid }).limit(100).get()
  const stored = (data as Role[]).map(({ role, unitId }) => ({ role, unitId }))
  return functionEnv().QUNPING_ADMIN_OPENIDS.includes(openid) ? [{ role: 'admin', unitId: ROOT_UNIT }, ...stored] : stored
}

export async function requireRole(openid: string, allowed: Role['role'][]): Promise<Role[]> {
  const roles = await rolesOf(openid)
  if (!roles.some((r) => allowed.includes(r.role))) throw new Refusal(apiError('FORBIDDEN'))
  return roles
}
