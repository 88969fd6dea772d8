/**
 * @module Who may do what where. A role is held in a unit and covers its subtree, or over the
 * whole tree; the first admins are named by the function's environment (QUNPING_ADMIN_OPENIDS)
 * or claim the system with the one-time setup code, since someone must be able to start.
 */
import { apiError } from '../../src/api'
import type { ApiError } from '../../src/api/result'
import type { RoleName } from '../../src/api/organize'
import { database } from './cloudbase'
import { functionEnv } from './env'
import { Refusal } from './router'
import { isWithin, loadUnits, type Unit } from './units'

export interface Role {
  role: RoleName
  /**
   * The unit whose subtree the role covers; null for the whole tree. The whole tree is a kind of
   * grant of its own, never a unit id, so no unit anyone creates can stand for everything.
   */
  unitId: string | null
}

export const WHOLE_TREE = null

export async function rolesOf(openid: string): Promise<Role[]> {
  const { data } = await database().collection('roles').where({ openid }).limit(100).get()
  const stored = (data as Role[]).map(({ role, unitId }) => ({ role, unitId }))
  return functionEnv().QUNPING_ADMIN_OPENIDS.includes(openid) ? [{ role: 'admin', unitId: WHOLE_TREE }, ...stored] : stored
}

/** The name shown for where a role is held. */
export const unitNameOf = (units: readonly Unit[], unitId: string | null) => (unitId === WHOLE_TREE ? '全部单位' : units.find((u) => u.id === unitId)?.name ?? unitId)

export interface Authority {
  roles: Role[]
  units: Unit[]
  /** Whether one of `allowed` is held at `unitId` or above it; the whole tree (null) only by a whole-tree role. */
  covers(allowed: readonly RoleName[], unitId: string | null): boolean
}

export async function authority(openid: string): Promise<Authority> {
  const [roles, units] = await Promise.all([rolesOf(openid), loadUnits()])
  return {
    roles,
    units,
    covers: (allowed, unitId) =>
      roles.some((r) => allowed.includes(r.role) && (r.unitId === WHOLE_TREE || (unitId !== WHOLE_TREE && isWithin(units, unitId, r.unitId)))),
  }
}

export const forbidden = () => new Refusal(apiError('FORBIDDEN'))

/** Refuses unless one of `allowed` covers `unitId` (null: the whole tree). */
export function authorize(auth: Authority, allowed: readonly RoleName[], unitId: string | null): void {
  if (!auth.covers(allowed, unitId)) throw forbidden()
}

/**
 * The answer for an id that names nothing. Only a caller whom such a thing would be open to
 * wherever it lay (a whole-tree holder of one of `allowed`) is told it is missing; anyone else gets
 * the FORBIDDEN that one existing out of their reach gets, so made-up ids probe nothing.
 */
export function missing(auth: Authority, allowed: readonly RoleName[], error: ApiError): never {
  if (auth.covers(allowed, WHOLE_TREE)) throw new Refusal(error)
  throw forbidden()
}
