/**
 * @module What each role may do with a round: the one table the organise actions consult.
 * A role covers its unit's subtree; a round belongs to its owner unit.
 */
import type { RoleName } from '../../src/api/organize'
import { actingGrant } from '../../src/core'
import type { Authority } from '../common/roles'

export const MANAGE: readonly RoleName[] = ['admin', 'organizer']
export const READ: readonly RoleName[] = ['admin', 'organizer', 'leader']
/** Self-reports: the unit's contact, or whoever manages the round. */
export const REPORT: readonly RoleName[] = ['admin', 'organizer', 'contact']

/**
 * The supervising group of a unit (督导组、上级组织): organisers of the unit above it (whole-tree
 * holders at the top), never the unit's own. It approves rosters and reports where the procedure
 * asks, and verifies rectification items. Whoever holds any role in the unit or below it is one of
 * those supervised, even if they also organise above: else one person with roles at both levels
 * would approve their own list, report or rectification. The same grant the core gives a verdict's
 * supervisor step (`actingGrant`): one definition of the group.
 */
export const supervises = (auth: Authority, unitId: string): boolean => actingGrant(auth.units, auth.roles, unitId, 'supervisor') !== null
