/**
 * @module Who sees which figures. Organisers and admins of a target's unit: from open on; leaders:
 * live only when the round allows it, otherwise from close on; unit contacts: their own unit's
 * targets once published. Residents read published results under the round's audience.
 */
import type { RoleName } from '../../src/api/organize'
import { domainError, type Round, type Target } from '../../src/core'
import { database } from '../common/cloudbase'
import { refuse } from '../common/refuse'
import { type Authority, forbidden, missing } from '../common/roles'
import type { RoundDoc } from '../common/rounds'
import { voterKey } from '../evaluate/keys'
import { MANAGE } from '../organize/access'

/** Any role reaching a round's units: what decides whether an unknown round id may be told as such. */
export const ANY_ROLE: readonly RoleName[] = ['admin', 'organizer', 'leader', 'contact']
/** Those who open the dashboard. */
export const WATCH: readonly RoleName[] = ['admin', 'organizer', 'leader']

const published = (round: Round) => round.state === 'published' || round.state === 'archived'

export function seesTarget(auth: Authority, round: Round, target: Pick<Target, 'unitId'>): boolean {
  if (round.state === 'draft') return false
  if (auth.covers(MANAGE, target.unitId)) return true
  if (auth.covers(['leader'], target.unitId)) return round.state !== 'open' || round.visibility.liveDashboard
  return auth.covers(['contact'], target.unitId) && published(round)
}

/**
 * A leader of a round without live results, while it is open: how many took part, never what they
 * said. Counts are not content, and leaders need turnout while a round runs.
 */
export function followsProgress(auth: Authority, round: Round, target: Pick<Target, 'unitId'>): boolean {
  return round.state === 'open' && !seesTarget(auth, round, target) && auth.covers(['leader'], target.unitId)
}

/**
 * The round's targets the caller may see. None: FORBIDDEN when no role of theirs reaches the
 * round, RESULTS_NOT_YET when one does but not in this state (a leader before close).
 */
export function visibleTargets(auth: Authority, doc: RoundDoc): Target[] {
  const { round } = doc
  const seen = round.targets.filter((t) => seesTarget(auth, round, t))
  if (seen.length > 0) return seen
  const reaches = auth.covers(ANY_ROLE, doc.ownerUnitId) || round.targets.some((t) => auth.covers(ANY_ROLE, t.unitId))
  if (reaches) refuse(domainError('RESULTS_NOT_YET'))
  throw forbidden()
}

/** One target the caller may see; only who sees them all learns that an id names none of them. */
export function visibleTarget(auth: Authority, doc: RoundDoc, targetId: string): Target {
  const seen = visibleTargets(auth, doc)
  const target = seen.find((t) => t.id === targetId)
  if (target) return target
  if (seen.length === doc.round.targets.length) refuse(domainError('TARGET_NOT_IN_ROUND'))
  throw forbidden()
}

/** unit-and-evaluators (000): those enrolled in or holding a receipt of the round, and the units' members. */
async function isEvaluator(roundId: string, openid: string): Promise<boolean> {
  const voter = voterKey(roundId, openid)
  const [enrolment, receipts] = await Promise.all([
    database().collection('enrolments').doc(voter).get(),
    database().collection('receipts').where({ roundId, voter }).limit(1).get(),
  ])
  return enrolment.data.length > 0 || receipts.data.length > 0
}

/** Residents see published results only, and only under the round's audience. */
export async function assertAudience(auth: Authority, doc: RoundDoc, openid: string): Promise<void> {
  const { round } = doc
  // A draft is its organisers' alone, here as on every resident path: answered as an unknown id.
  if (round.state === 'draft') missing(auth, ANY_ROLE, domainError('ROUND_NOT_FOUND'))
  if (!published(round)) refuse(domainError('RESULTS_NOT_YET'))
  const member = round.targets.some((t) => auth.covers(ANY_ROLE, t.unitId))
  switch (round.visibility.audience) {
    case 'public': return
    case 'organizers': if (round.targets.some((t) => auth.covers(MANAGE, t.unitId))) return
      break
    case 'unit-and-evaluators': if (member || (await isEvaluator(round.id, openid))) return
  }
  throw forbidden()
}
