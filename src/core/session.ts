/**
 * @module session — 会场模式: a meeting session of a round (000: one group's meeting; 004: one
 * 部门性质 batch, entered as a group). It has its own channel, its own window inside the round's,
 * and ends for good when the organiser presses 结束测评 or its window runs out.
 */
import { z } from 'zod'
import { eligibleTargets } from './eligibility'
import { roundUnitIds } from './enrolment'
import { type DomainError, domainError, fail, type Result, succeed } from './errors'
import { Id, IsoDateTime, Label } from './ids'
import type { Target } from './org'
import type { Round } from './round'
import { inShanghai, type Instant } from './time'

export const Session = z
  .object({
    /** Also the id of the round channel its ballots are counted under. */
    id: Id,
    roundId: Id,
    name: Label,
    /** The group meeting here; null: the whole round. */
    groupId: Id.nullable(),
    opensAt: IsoDateTime,
    closesAt: IsoDateTime,
    /** When 结束测评 was pressed; null while it runs. */
    endedAt: IsoDateTime.nullable(),
  })
  .strict()
export type Session = z.infer<typeof Session>

export type SessionStatus = 'not-yet-open' | 'open' | 'ended'

export function sessionStatus(session: Pick<Session, 'opensAt' | 'closesAt' | 'endedAt'>, now: Instant): SessionStatus {
  const at = inShanghai(now)
  if (session.endedAt !== null || !at.isBefore(inShanghai(session.closesAt))) return 'ended'
  return at.isBefore(inShanghai(session.opensAt)) ? 'not-yet-open' : 'open'
}

/** Why a ballot through the session is refused now, or null when it is taken. */
export function sessionRefusal(session: Pick<Session, 'opensAt' | 'closesAt' | 'endedAt'>, now: Instant): DomainError | null {
  const status = sessionStatus(session, now)
  if (status === 'ended') return domainError('SESSION_ENDED')
  return status === 'not-yet-open' ? domainError('SESSION_NOT_YET_OPEN') : null
}

/** A session's window lies inside the round's, ends after it starts and after now. */
export function checkSessionWindow(round: Pick<Round, 'window'>, window: { opensAt: string; closesAt: string }, now: Instant): Result<void> {
  const [opens, closes] = [inShanghai(window.opensAt), inShanghai(window.closesAt)]
  const inside = !opens.isBefore(inShanghai(round.window.opensAt)) && !closes.isAfter(inShanghai(round.window.closesAt))
  if (!inside || !opens.isBefore(closes) || !inShanghai(now).isBefore(closes)) return fail('SESSION_WINDOW_INVALID')
  return succeed(undefined)
}

/** The units whose evaluators meet in the session: the group's, or every unit of the round. */
export function sessionUnitIds(round: Round, groupId: string | null): string[] {
  if (groupId === null) return roundUnitIds(round)
  return round.groups.find((g) => g.id === groupId)?.unitIds ?? []
}

/** The targets rated in the session: those of the group's units, or all. */
export function sessionTargets(round: Round, groupId: string | null): Target[] {
  const units = new Set(sessionUnitIds(round, groupId))
  return round.targets.filter((t) => units.has(t.unitId))
}

/**
 * Evaluators expected in the room per category that asks for a count per unit (000: 15 unit
 * evaluators and 5 all-round evaluators from each of the group's four units); null where the
 * category names no count.
 */
export function expectedInSession(round: Round, groupId: string | null): { categoryId: string; name: string; expected: number | null }[] {
  const targets = new Set(sessionTargets(round, groupId).map((t) => t.id))
  const units = sessionUnitIds(round, groupId)
  return round.categories.map((c) => {
    const rating = units.filter((u) => eligibleTargets(round, c.id, u).some((t) => targets.has(t.id)))
    return { categoryId: c.id, name: c.name, expected: c.expectedPerUnit ? c.expectedPerUnit * rating.length : null }
  })
}
