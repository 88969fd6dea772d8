/** @module A round's counters, shards merged: what participation figures are read from. */
import { type Counters, emptyCounters, mergeCounters, NO_UNUSABLE, type Unusable } from '../../src/core'
import { database } from '../common/cloudbase'

export interface RoundCounters {
  byTarget: Map<string, Counters>
  /** Distinct group chats that sent ballots. */
  groupChats: number
  /** Spoiled and blank paper sheets per target, kept beside the counters (`x`), never in them. */
  unusable: Map<string, Unusable>
}

export async function roundCounters(roundId: string): Promise<RoundCounters> {
  const byTarget = new Map<string, Counters>()
  const groups = new Set<string>()
  const unusable = new Map<string, Unusable>()
  for (let offset = 0; ; offset += 1000) {
    const { data } = await database().collection('counters').where({ roundId }).skip(offset).limit(1000).get()
    for (const shard of data as { targetId: string; c: Counters; g?: Record<string, number>; x?: Partial<Unusable> }[]) {
      byTarget.set(shard.targetId, mergeCounters(byTarget.get(shard.targetId) ?? emptyCounters(), shard.c))
      const was = unusable.get(shard.targetId) ?? NO_UNUSABLE
      unusable.set(shard.targetId, { spoiled: was.spoiled + (shard.x?.spoiled ?? 0), blank: was.blank + (shard.x?.blank ?? 0) })
      for (const key of Object.keys(shard.g ?? {})) groups.add(key)
    }
    if (data.length < 1000) return { byTarget, groupChats: groups.size, unusable }
  }
}

export const totalBallots = (c: RoundCounters) => [...c.byTarget.values()].reduce((sum, t) => sum + t.ballots, 0)
