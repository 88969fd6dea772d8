/** Reading what the embedded CloudBase holds, as a database operator could. */
import type { Runtime } from '../../local/runtime'
import { type Counters, emptyCounters, mergeCounters } from '../../src/core'

export function storedDocs(runtime: Runtime, collection: string): Record<string, unknown>[] {
  return [...runtime.cloudbase.store.collection(collection).values()].map((e) => e.doc)
}

/** The collections whose documents keep counters (`c`): the pools, and the counter shards of rounds cast into before pools kept them. */
export const COUNTING = ['ballots', 'counters'] as const

/** The target's counters: every pool and shard merged, as the report function computes them. */
export function countersOf(runtime: Runtime, roundId: string, targetId: string): Counters {
  return COUNTING.flatMap((collection) => storedDocs(runtime, collection))
    .filter((d) => d.roundId === roundId && d.targetId === targetId)
    .reduce<Counters>((sum, d) => mergeCounters(sum, { ...emptyCounters(), ...(d.c as Counters | undefined) }), emptyCounters())
}
