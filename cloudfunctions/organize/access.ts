/**
 * @module What each role may do with a round: the one table the organise actions consult.
 * A role covers its unit's subtree; a round belongs to its owner unit.
 */
import type { RoleName } from '../../src/api/organize'

export const MANAGE: readonly RoleName[] = ['admin', 'organizer']
export const READ: readonly RoleName[] = ['admin', 'organizer', 'leader']
/** Self-reports: the unit's contact, or whoever manages the round. */
export const REPORT: readonly RoleName[] = ['admin', 'organizer', 'contact']
