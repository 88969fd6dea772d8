/**
 * @module Sealing a closed round's pools and counter shards, every one of every target, before its
 * final results are read. A cast reads its pool and writes it in one transaction (evaluate/cast.ts),
 * and a paper sheet's spoiled or blank mark its shard, so against a seal each either committed
 * first (and is counted), or sees the seal, or conflicts and sees it on retry: nothing lands after
 * the seal. A read of the round inside the cast would not do — snapshot isolation lets a read go
 * stale (write skew) — but two writes of one document clash.
 */
import { emptyCounters } from '../../src/core'
import { emptyPool, poolId, shardId } from './ballots'
import { database } from './cloudbase'
import type { RoundDoc } from './rounds'
import { isConflict, isDuplicate } from './transaction'

/** `missing`: the document a seal creates where the opening left none, so that nothing can create it afterwards. */
async function seal(collection: 'ballots' | 'counters', id: string, missing: Record<string, unknown>): Promise<void> {
  const docs = database().collection(collection)
  for (;;) {
    try {
      // A write to a document an open cast has written waits for it (MongoDB) or makes it conflict.
      const { updated } = (await docs.doc(id).update({ sealed: true })) as { updated: number }
      if (updated) return
      await docs.add({ _id: id, ...missing, sealed: true })
      return
    } catch (e) {
      if (!isDuplicate(e) && !isConflict(e)) throw e
    }
    // Created by a cast or sealed by another closer meanwhile: done once it reads as sealed.
    const { data } = await docs.doc(id).get()
    if ((data[0] as { sealed?: boolean } | undefined)?.sealed) return
  }
}

export async function sealRound(doc: RoundDoc): Promise<void> {
  const shards = doc.round.targets.flatMap((t) => Array.from({ length: doc.shards }, (_, k) => [t.id, k] as const))
  await Promise.all(shards.flatMap(([targetId, k]) => [
    seal('ballots', poolId(doc._id, targetId, k), emptyPool(doc._id, targetId)),
    seal('counters', shardId(doc._id, targetId, k), { roundId: doc._id, targetId, c: emptyCounters() }),
  ]))
}
