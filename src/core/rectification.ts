/**
 * @module rectification — a rectification item (整改事项) and its append-only history:
 * registered → in-progress → closure-requested → verified | sent-back → in-progress.
 */
import { z } from 'zod'
import { fail, succeed, type Result } from './errors'
import { Id, IsoDateTime, Label } from './ids'
import { inShanghai, type Instant } from './time'

export const RectificationState = z.enum(['registered', 'in-progress', 'closure-requested', 'verified', 'sent-back'])
export type RectificationState = z.infer<typeof RectificationState>

/** The owner works the item; only the upper organisation verifies it (申请 → 审核 → 销号). */
export const Actor = z.object({ id: Id, name: Label, role: z.enum(['owner', 'supervisor', 'organizer']) }).strict()
export type Actor = z.infer<typeof Actor>

export const RectificationEvent = z
  .object({
    type: z.enum(['start', 'request-closure', 'verify', 'send-back', 'resume']),
    actor: Actor,
    at: IsoDateTime,
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
export type RectificationEvent = z.infer<typeof RectificationEvent>

/** 三定: responsibility, person and deadline (定职责、定人员、定时间), fixed at registration. */
export const RectificationItem = z
  .object({
    id: Id,
    roundId: Id,
    targetId: Id,
    problem: Label,
    responsibility: Label,
    ownerName: Label,
    deadline: IsoDateTime,
    urgent: z.boolean(),
    registeredBy: Actor,
    registeredAt: IsoDateTime,
    events: z.array(RectificationEvent),
  })
  .strict()
export type RectificationItem = z.infer<typeof RectificationItem>

const TRANSITIONS: Record<RectificationEvent['type'], { from: readonly RectificationState[]; to: RectificationState }> = {
  start: { from: ['registered'], to: 'in-progress' },
  'request-closure': { from: ['in-progress'], to: 'closure-requested' },
  verify: { from: ['closure-requested'], to: 'verified' },
  'send-back': { from: ['closure-requested'], to: 'sent-back' },
  resume: { from: ['sent-back'], to: 'in-progress' },
}

const SUPERVISED: ReadonlySet<RectificationEvent['type']> = new Set(['verify', 'send-back'])

function step(state: RectificationState, event: RectificationEvent, previousAt: string): Result<RectificationState> {
  if (inShanghai(event.at).isBefore(inShanghai(previousAt))) return fail('RECTIFICATION_EVENT_OUT_OF_ORDER')
  if (SUPERVISED.has(event.type) && event.actor.role !== 'supervisor') return fail('RECTIFICATION_ACTOR_NOT_ALLOWED')
  const move = TRANSITIONS[event.type]
  return move.from.includes(state) ? succeed(move.to) : fail('RECTIFICATION_TRANSITION_INVALID')
}

/** The current state, replayed from the history; a history no transition allows is an error. */
export function rectificationState(item: RectificationItem): Result<RectificationState> {
  let state: RectificationState = 'registered'
  let previousAt = item.registeredAt
  for (const event of item.events) {
    const next = step(state, event, previousAt)
    if (!next.ok) return next
    state = next.value
    previousAt = event.at
  }
  return succeed(state)
}

/** Appends an event when the current state accepts it; the history is never rewritten. */
export function recordRectificationEvent(item: RectificationItem, event: RectificationEvent): Result<RectificationItem> {
  const current = rectificationState(item)
  if (!current.ok) return current
  const previousAt = item.events[item.events.length - 1]?.at ?? item.registeredAt
  const next = step(current.value, event, previousAt)
  return next.ok ? succeed({ ...item, events: [...item.events, event] }) : next
}

/** Overdue: past the deadline and not yet verified (an item awaiting verification still counts). */
export function isOverdue(item: RectificationItem, now: Instant): boolean {
  const state = rectificationState(item)
  return !(state.ok && state.value === 'verified') && inShanghai(now).isAfter(inShanghai(item.deadline))
}
