/** Reading what the embedded CloudBase holds, as a database operator could. */
import type { Runtime } from '../../local/runtime'
import { type Counters, emptyCounters, mergeCounters } from '../../src/core'

export function storedDocs(runtime: Runtime, collection: string): Record<string, unknown>[] {
  return [...runtime.cloudbase.store.collection(collection).values()].map((e) => e.doc)
}

/** The target's counters: every shard merged, as the report function computes them. */
export function countersOf(runtime: Runtime, roundId: string, targetId: string): Counters {
  return storedDocs(runtime, 'counters')
    .filter((d) => d.roundId === roundId && d.targetId === targetId)
    .reduce<Counters>((sum, d) => mergeCounters(sum, d.c as Counters), emptyCounters())
}
