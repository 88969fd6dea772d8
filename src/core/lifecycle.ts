/** @module lifecycle — round states, the actions each accepts, and the transitions. */
import type { Round, RoundState } from './round'
import type { Instant } from './time'
import { windowStatus } from './window'

export const ROUND_ACTIONS = [
  'edit', 'open', 'submit', 'close', 'publish', 'archive',
  'view-live-results', 'view-published-results', 'register-rectification',
  'write-report', 'set-households',
] as const
export type RoundAction = (typeof ROUND_ACTIONS)[number]

/** Helios-style guard table: each action names the states it accepts. */
const ACCEPTED_IN: Record<RoundAction, readonly RoundState[]> = {
  edit: ['draft'],
  open: ['draft'],
  submit: ['open'],
  close: ['open'],
  publish: ['closed'],
  archive: ['published'],
  'view-live-results': ['open', 'closed', 'published'],
  'view-published-results': ['published', 'archived'],
  // Seed 000 asks for 边查边改 (个性问题立行立改) while the round runs, as well as after it.
  'register-rectification': ['open', 'closed', 'published'],
  // What evaluators read, and the count their turnout is judged by, are sealed with the ballots.
  'write-report': ['draft', 'open'],
  'set-households': ['draft', 'open'],
}

const MOVES_TO: Partial<Record<RoundAction, RoundState>> = {
  open: 'open',
  close: 'closed',
  publish: 'published',
  archive: 'archived',
}

export const STATE_LABELS: Record<RoundState, string> = {
  draft: '草稿',
  open: '评议中',
  closed: '已结束',
  published: '已公布',
  archived: '已归档',
}

/**
 * A round as everyone reads it at `now`: residents are told an open round whose window has not
 * begun is not yet open, and one whose window is over has ended, so organisers and leaders are
 * told the same (the state moves when the scheduler closes it, within the minute).
 */
export type RoundStatus = RoundState | 'not-yet-open'

export const STATUS_LABELS: Record<RoundStatus, string> = { ...STATE_LABELS, 'not-yet-open': '尚未开始' }

export function roundStatus(round: Pick<Round, 'state' | 'window'>, now: Instant): RoundStatus {
  if (round.state !== 'open') return round.state
  const window = windowStatus(round, now)
  return window === 'open' ? 'open' : window === 'ended' ? 'closed' : 'not-yet-open'
}

export function acceptsAction(state: RoundState, action: RoundAction): boolean {
  return ACCEPTED_IN[action].includes(state)
}

/** The state after an accepted action, or null when the state does not accept it. */
export function nextState(state: RoundState, action: RoundAction): RoundState | null {
  if (!acceptsAction(state, action)) return null
  return MOVES_TO[action] ?? state
}
