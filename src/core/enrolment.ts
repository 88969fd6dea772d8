/** @module enrolment — a resident's category (and unit) in a round, and when ballots are accepted. */
import { eligibleTargets } from './eligibility'
import { fail, type Result, succeed } from './errors'
import { acceptsAction } from './lifecycle'
import type { Round } from './round'
import type { Instant } from './time'
import { windowStatus } from './window'

export interface Enrolment {
  categoryId: string
  unitId: string | null
  eligibleTargetIds: string[]
}

/** Units an evaluator may declare as their own: those of the round's targets and groups. */
export function roundUnitIds(round: Round): string[] {
  return [...new Set([...round.targets.map((t) => t.unitId), ...round.groups.flatMap((g) => g.unitIds)])]
}

export function needsUnit(round: Round, categoryId: string): boolean {
  const kind = round.categories.find((c) => c.id === categoryId)?.scope?.kind
  return kind === 'own-unit' || kind === 'group'
}

/**
 * Self-enrolment in an open category. Roster categories are entered through an invitation,
 * never by choice; a unit is asked for only where the scope depends on it.
 */
export function enrolInOpenCategory(round: Round, categoryId: string, unitId: string | undefined): Result<Enrolment> {
  const category = round.categories.find((c) => c.id === categoryId)
  if (!category) return fail('CATEGORY_UNKNOWN')
  if (category.access !== 'open') return fail('NOT_ON_ROSTER')
  const unit = needsUnit(round, categoryId) ? unitId : undefined
  if (needsUnit(round, categoryId)) {
    if (!unit) return fail('UNIT_REQUIRED')
    if (!roundUnitIds(round).includes(unit)) return fail('UNIT_NOT_IN_ROUND')
  }
  const eligible = eligibleTargets(round, categoryId, unit ?? '').map((t) => t.id)
  if (eligible.length === 0) return fail('NO_ELIGIBLE_TARGET')
  return succeed({ categoryId, unitId: unit ?? null, eligibleTargetIds: eligible })
}

/**
 * Residents join a round (choose a category, redeem a roster code) only while it is open: a draft
 * is the organiser's alone, and joining a finished round would spend a roster code for nothing.
 */
export function acceptsEnrolment(round: Round): Result<true> {
  if (round.state === 'draft') return fail('ROUND_NOT_FOUND')
  return acceptsAction(round.state, 'submit') ? succeed(true) : fail('ROUND_NOT_OPEN')
}

/** Ballots count only while the round is open and its window runs (server time). */
export function acceptsBallots(round: Round, now: Instant): Result<true> {
  if (!acceptsAction(round.state, 'submit')) return fail('ROUND_NOT_OPEN')
  const status = windowStatus(round, now)
  if (status === 'not-yet-open') return fail('WINDOW_NOT_YET_OPEN')
  if (status === 'ended') return fail('WINDOW_ENDED')
  return succeed(true)
}
