/** @module Which screens to show by the roles `myUnits` returns; what each role may do is the server's. */
import type { RoleName } from '../../api/organize'

type Roles = readonly { role: RoleName }[]

/** A leader and nothing else: reads rounds and participation, is shown no buttons that change them. */
export const isLeaderOnly = (roles: Roles) => roles.length > 0 && roles.every((r) => r.role === 'leader')

export const hasRole = (roles: Roles, ...names: RoleName[]) => roles.some((r) => names.includes(r.role))
