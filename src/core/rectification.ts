/**
 * @module rectification — a rectification item (整改事项) and its append-only history:
 * registered → in-progress (progress notes) → closure-requested → verified | sent-back → in-progress.
 */
import { z } from 'zod'
import { fail, succeed, type Result } from './errors'
import { Id, IsoDateTime, Label } from './ids'
import type { Effect } from './rule'
import { inShanghai, type Instant } from './time'

export const RectificationState = z.enum(['registered', 'in-progress', 'closure-requested', 'verified', 'sent-back'])
export type RectificationState = z.infer<typeof RectificationState>

/** The owner works the item; only the upper organisation verifies it (申请 → 审核 → 销号). */
export const Actor = z.object({ id: Id, name: Label, role: z.enum(['owner', 'supervisor', 'organizer']) }).strict()
export type Actor = z.infer<typeof Actor>

/** A stored photo: the cloud file id the function wrote after checking it. */
export const PhotoRef = z.string().min(1).max(300)
/** Photos one progress note or closure request carries (one request, well inside a function's payload). */
export const MAX_PHOTOS_PER_NOTE = 3

export const RectificationEvent = z
  .object({
    type: z.enum(['start', 'progress', 'request-closure', 'verify', 'send-back', 'resume']),
    actor: Actor,
    at: IsoDateTime,
    note: z.string().trim().max(1000).optional(),
    photos: z.array(PhotoRef).max(MAX_PHOTOS_PER_NOTE).optional(),
  })
  .strict()
export type RectificationEvent = z.infer<typeof RectificationEvent>

/**
 * Where the problem came from: a fired rule of the target's verdict (评议结果), or opinions the
 * organiser selected (群众意见) by ids that stand for their text alone, never for who wrote them.
 */
export const RectificationSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('verdict'), ruleId: Id }).strict(),
  z.object({ kind: z.literal('opinions'), opinionIds: z.array(z.string().regex(/^[0-9a-f]{16}$/)).min(1).max(50) }).strict(),
])
export type RectificationSource = z.infer<typeof RectificationSource>

/** 三定: responsibility, person and deadline (定职责、定人员、定时间), fixed at registration. */
export const RectificationItem = z
  .object({
    id: Id,
    roundId: Id,
    targetId: Id,
    source: RectificationSource,
    problem: z.string().trim().min(1).max(2000),
    /** 整改措施: what will be done. */
    responsibility: z.string().trim().min(1).max(2000),
    ownerUnitId: Id,
    ownerName: Label,
    deadline: IsoDateTime,
    urgent: z.boolean(),
    registeredBy: Actor,
    registeredAt: IsoDateTime,
    events: z.array(RectificationEvent),
  })
  .strict()
export type RectificationItem = z.infer<typeof RectificationItem>

const TRANSITIONS: Record<RectificationEvent['type'], { from: readonly RectificationState[]; to?: RectificationState }> = {
  start: { from: ['registered'], to: 'in-progress' },
  progress: { from: ['in-progress'] },
  'request-closure': { from: ['in-progress'], to: 'closure-requested' },
  verify: { from: ['closure-requested'], to: 'verified' },
  'send-back': { from: ['closure-requested'], to: 'sent-back' },
  resume: { from: ['sent-back'], to: 'in-progress' },
}

const SUPERVISED: ReadonlySet<RectificationEvent['type']> = new Set(['verify', 'send-back'])

function noteMissing(event: RectificationEvent): boolean {
  if (event.type === 'request-closure' || event.type === 'send-back') return !event.note
  if (event.type === 'progress') return !event.note && !event.photos?.length
  return false
}

interface Replayed {
  state: RectificationState
  at: string
  /** Who asked for the closure now awaiting verification: they may not verify it themselves. */
  requestedBy: string | null
}

function step(current: Replayed, event: RectificationEvent): Result<Replayed> {
  if (inShanghai(event.at).isBefore(inShanghai(current.at))) return fail('RECTIFICATION_EVENT_OUT_OF_ORDER')
  if (SUPERVISED.has(event.type)) {
    if (event.actor.role !== 'supervisor') return fail('RECTIFICATION_ACTOR_NOT_ALLOWED')
    if (event.actor.id === current.requestedBy) return fail('RECTIFICATION_OWN_VERIFY')
  } else if (event.actor.role !== 'owner') return fail('RECTIFICATION_OWNER_ONLY')
  const move = TRANSITIONS[event.type]
  if (!move.from.includes(current.state)) return fail('RECTIFICATION_TRANSITION_INVALID')
  if (noteMissing(event)) return fail('RECTIFICATION_NOTE_REQUIRED')
  const requestedBy = event.type === 'request-closure' ? event.actor.id : current.requestedBy
  return succeed({ state: move.to ?? current.state, at: event.at, requestedBy })
}

function replay(item: RectificationItem): Result<Replayed> {
  let current: Replayed = { state: 'registered', at: item.registeredAt, requestedBy: null }
  for (const event of item.events) {
    const next = step(current, event)
    if (!next.ok) return next
    current = next.value
  }
  return succeed(current)
}

/** The current state, replayed from the history; a history no transition allows is an error. */
export function rectificationState(item: RectificationItem): Result<RectificationState> {
  const replayed = replay(item)
  return replayed.ok ? succeed(replayed.value.state) : replayed
}

/** Appends an event when the current state accepts it; the history is never rewritten. */
export function recordRectificationEvent(item: RectificationItem, event: RectificationEvent): Result<RectificationItem> {
  const current = replay(item)
  if (!current.ok) return current
  const next = step(current.value, event)
  return next.ok ? succeed({ ...item, events: [...item.events, event] }) : next
}

/** Overdue: past the deadline and not yet verified (an item awaiting verification still counts). */
export function isOverdue(item: RectificationItem, now: Instant): boolean {
  const state = rectificationState(item)
  return !(state.ok && state.value === 'verified') && inShanghai(now).isAfter(inShanghai(item.deadline))
}

/** The three states residents and the 台账 show. */
export type PublicRectificationState = '整改中' | '已销号' | '逾期'

export function publicState(item: RectificationItem, now: Instant): PublicRectificationState {
  const state = rectificationState(item)
  if (state.ok && state.value === 'verified') return '已销号'
  return isOverdue(item, now) ? '逾期' : '整改中'
}

/** The closing note and the day it was struck off, once verified: the request the supervisor accepted. */
export function closing(item: RectificationItem): { note: string; photos: string[]; verifiedAt: string } | null {
  const last = item.events[item.events.length - 1]
  if (last?.type !== 'verify') return null
  const request = [...item.events].reverse().find((e) => e.type === 'request-closure')
  return { note: request?.note ?? '', photos: request?.photos ?? [], verifiedAt: last.at }
}

/** 立行立改: an urgent item's deadline when none is given, the end of the seventh day in Shanghai. */
export const URGENT_DAYS = 7
export const urgentDeadline = (now: Instant): string => inShanghai(now).add(URGENT_DAYS, 'day').endOf('day').format()

/** The effects a verdict must carry to offer registering an item (整改、返工、诫勉). */
export const RECTIFYING: ReadonlySet<Effect['kind']> = new Set(['rectify', 'redo', 'warning-talk'])
export const callsForRectification = (effects: readonly Effect[]) => effects.some((e) => RECTIFYING.has(e.kind))

/** Whole days left until the deadline (negative once past), counted on Shanghai calendar days. */
export function daysLeft(deadline: Instant, now: Instant): number {
  return inShanghai(deadline).startOf('day').diff(inShanghai(now).startOf('day'), 'day')
}
