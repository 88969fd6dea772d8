/** @module test/core/fixtures — rounds drafted from built-ins, ballots, and tallying them. */
import {
  applyIncrements, counterIncrements, draftRoundFromTemplate, emptyCounters, templateItems, validateBallot,
  type Counters, type Group, type Round, type Target, type ValidBallot,
} from '../../src/core'

export const WINDOW = { opensAt: '2014-06-18T08:00:00+08:00', closesAt: '2014-06-18T12:00:00+08:00' }

export function roundFrom(
  templateId: string,
  setup: { targets?: Target[]; groups?: Group[]; overrides?: Partial<Round> } = {},
): Round {
  const drafted = draftRoundFromTemplate(templateId, {
    id: 'r1', title: '测试评议', window: WINDOW, targets: setup.targets, groups: setup.groups,
    channels: [{ id: 'grid-1', name: '一网格' }, { id: 'grid-2', name: '二网格' }],
  })
  if (!drafted.ok) throw new Error(drafted.error.message)
  return { ...drafted.value, ...setup.overrides }
}

/** A complete ballot: the overall level, and every item on `itemLevel` (default: same). */
export function ballot(round: Round, targetId: string, overall: string, itemLevel = overall, opinion?: string): ValidBallot {
  const items = Object.fromEntries(templateItems(round.template).map((i) => [i.id, itemLevel]))
  const checked = validateBallot(round, { targetId, overall, items, ...(opinion ? { opinion } : {}) })
  if (!checked.ok) throw new Error(checked.error.message)
  return checked.value
}

export interface Cast {
  categoryId: string
  ballot: ValidBallot
  channelId?: string
}

/** Counters the way the server builds them: one `$inc` per ballot. */
export function tally(round: Round, casts: readonly Cast[], start: Counters = emptyCounters()): Counters {
  return casts.reduce((c, cast) => applyIncrements(c, counterIncrements(round, cast.categoryId, cast.ballot, cast.channelId)), start)
}

/** `n` ballots of one category for one target, all rating `overall` (items alike). */
export function casts(round: Round, targetId: string, categoryId: string, levels: Record<string, number>): Cast[] {
  return Object.entries(levels).flatMap(([level, n]) =>
    Array.from({ length: n }, () => ({ categoryId, ballot: ballot(round, targetId, level) })))
}

export function target(id: string, unitId = id, kind: Target['kind'] = 'unit'): Target {
  return { id, name: `对象${id}`, kind, unitId }
}
