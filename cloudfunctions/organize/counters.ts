/** @module A round's counters, shards merged: what participation figures are read from. */
import { type Counters, emptyCounters, mergeCounters, NO_UNUSABLE, type Round, type Unusable } from '../../src/core'
import { database } from '../common/cloudbase'

export interface RoundCounters {
  byTarget: Map<string, Counters>
  /** Distinct group chats that sent ballots. */
  groupChats: number
  /** Spoiled and blank paper sheets per target, kept beside the counters (`x`), never in them. */
  unusable: Map<string, Unusable>
}

/**
 * The fields of a shard that participation is counted from (core `turnoutOf`): ballots in all, per
 * category and per channel, and the group chats; not the ratings, a shard's bulk.
 */
export const turnoutFields = (round: Pick<Round, 'categories'>): Record<string, true> => ({
  'c.ballots': true,
  'c.channels': true,
  ...Object.fromEntries(round.categories.map((c) => [`c.categories.${c.id}.ballots`, true])),
})

/** Every shard summed per target; `fields`: only those of `c` (see `turnoutFields`), else all of it. */
export async function roundCounters(roundId: string, fields: Record<string, true> = { c: true }): Promise<RoundCounters> {
  const byTarget = new Map<string, Counters>()
  const groups = new Set<string>()
  const unusable = new Map<string, Unusable>()
  for (let offset = 0; ; offset += 1000) {
    const { data } = await database().collection('counters').where({ roundId }).field({ targetId: true, g: true, x: true, ...fields }).skip(offset).limit(1000).get()
    for (const shard of data as { targetId: string; c: Counters; g?: Record<string, number>; x?: Partial<Unusable> }[]) {
      byTarget.set(shard.targetId, mergeCounters(byTarget.get(shard.targetId) ?? emptyCounters(), { ...emptyCounters(), ...shard.c }))
      const was = unusable.get(shard.targetId) ?? NO_UNUSABLE
      unusable.set(shard.targetId, { spoiled: was.spoiled + (shard.x?.spoiled ?? 0), blank: was.blank + (shard.x?.blank ?? 0) })
      for (const key of Object.keys(shard.g ?? {})) groups.add(key)
    }
    if (data.length < 1000) return { byTarget, groupChats: groups.size, unusable }
  }
}

export const totalBallots = (c: RoundCounters) => [...c.byTarget.values()].reduce((sum, t) => sum + t.ballots, 0)
