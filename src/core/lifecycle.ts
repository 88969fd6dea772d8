/** @module lifecycle — round states, the actions each accepts, and the transitions. */
import type { RoundState } from './round'

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
  'register-rectification': ['closed', 'published'],
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

export function acceptsAction(state: RoundState, action: RoundAction): boolean {
  return ACCEPTED_IN[action].includes(state)
}

/** The state after an accepted action, or null when the state does not accept it. */
export function nextState(state: RoundState, action: RoundAction): RoundState | null {
  if (!acceptsAction(state, action)) return null
  return MOVES_TO[action] ?? state
}
