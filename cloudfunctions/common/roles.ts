/**
 * @module Who may do what where. A role is held in a unit and covers its subtree; the first
 * admins are named by the function's environment (QUNPING_ADMIN_OPENIDS) or claim the system
 * with the one-time setup code, since someone must be able to start.
 */
import { apiError } from '../../src/api'
import type { RoleName } from '../../src/api/organize'
import { database } from './cloudbase'
import { functionEnv } from './env'
import { Refusal } from './router'
import { isWithin, loadUnits, type Unit } from './units'

export interface Role {
  role: RoleName
  unitId: string
}

/** The root of the org tree: a role held there covers every unit. */
export const ROOT_UNIT = 'root'

export async function rolesOf(openid: string): Promise<Role[]> {
  const { data } = await database().collection('roles').where({ openid }).limit(100).get()
  const stored = (data as Role[]).map(({ role, unitId }) => ({ role, unitId }))
  return functionEnv().QUNPING_ADMIN_OPENIDS.includes(openid) ? [{ role: 'admin', unitId: ROOT_UNIT }, ...stored] : stored
}

/** The name shown for where a role is held; the root is every unit. */
export const unitNameOf = (units: readonly Unit[], unitId: string) => (unitId === ROOT_UNIT ? '全部单位' : units.find((u) => u.id === unitId)?.name ?? unitId)

export interface Authority {
  roles: Role[]
  units: Unit[]
  /** Whether one of `allowed` is held at `unitId` or above it. */
  covers(allowed: readonly RoleName[], unitId: string): boolean
}

export async function authority(openid: string): Promise<Authority> {
  const [roles, units] = await Promise.all([rolesOf(openid), loadUnits()])
  return {
    roles,
    units,
    covers: (allowed, unitId) =>
      roles.some((r) => allowed.includes(r.role) && (r.unitId === ROOT_UNIT || isWithin(units, unitId, r.unitId))),
  }
}

export const forbidden = () => new Refusal(apiError('FORBIDDEN'))

/** Refuses unless one of `allowed` covers `unitId`. */
export function authorize(auth: Authority, allowed: readonly RoleName[], unitId: string): void {
  if (!auth.covers(allowed, unitId)) throw forbidden()
}
