/**
 * @module Sealing a closed round's counter shards, every one of every target, before its final
 * results are read. A cast reads its shard and writes it in one transaction (evaluate/cast.ts), so
 * against a seal it either committed first (and is counted), or sees the seal, or conflicts and
 * sees it on retry: no ballot lands after the seal. A read of the round inside the cast would not
 * do — snapshot isolation lets a read go stale (write skew) — but two writes of one document clash.
 */
import { emptyCounters } from '../../src/core'
import { database } from './cloudbase'
import { shardId } from './ballots'
import type { RoundDoc } from './rounds'
import { isConflict, isDuplicate } from './transaction'

async function sealShard(roundId: string, targetId: string, shard: number): Promise<void> {
  const counters = database().collection('counters')
  const id = shardId(roundId, targetId, shard)
  for (;;) {
    try {
      // A write to a document an open cast has written waits for it (MongoDB) or makes it conflict.
      const { updated } = (await counters.doc(id).update({ sealed: true })) as { updated: number }
      if (updated) return
      // A missing shard is created sealed, so that no cast can create it afterwards.
      await counters.add({ _id: id, roundId, targetId, c: emptyCounters(), sealed: true })
      return
    } catch (e) {
      if (!isDuplicate(e) && !isConflict(e)) throw e
    }
    // Created by a cast or sealed by another closer meanwhile: done once it reads as sealed.
    const { data } = await counters.doc(id).get()
    if ((data[0] as { sealed?: boolean } | undefined)?.sealed) return
  }
}

export async function sealRound(doc: RoundDoc): Promise<void> {
  const shards = doc.round.targets.flatMap((t) => Array.from({ length: doc.shards }, (_, k) => [t.id, k] as const))
  await Promise.all(shards.map(([targetId, k]) => sealShard(doc._id, targetId, k)))
}
