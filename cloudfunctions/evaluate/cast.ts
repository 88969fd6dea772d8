/**
 * @module Casting one ballot for one target, in ONE transaction: the receipt (whose id cannot exist
 * twice), and one write of one of the target's pools (see common/ballots.ts) that pushes the ballot
 * and `$inc`s the pool's counters with the same answers. Either both are stored or neither. Pools
 * exist before the ballots that fill them (common/ballots.ts `preparePools`), and carry no time,
 * no channel and no group chat: those two ride on the receipt, which holds no answers, and are
 * counted from there (organize/counters.ts), so a voter's known link narrows nothing on the
 * ballots' side. A pool sealed by the round's close (common/seal.ts) refuses the ballot: the close
 * and the cast write the same document, so one of them conflicts and the loser retries, and no
 * ballot (nor its receipt) lands after the seal.
 */
import { randomBytes, randomInt } from 'node:crypto'
import { applyIncrements, counterIncrements, type DomainError, emptyCounters, type ValidBallot } from '../../src/core'
import type { Receipt } from '../../src/api/evaluate'
import { emptyPool, type PoolEntry, poolEntry, poolId, shardId } from '../common/ballots'
import { database } from '../common/cloudbase'
import type { RoundDoc } from '../common/rounds'
import { inTransaction, isDuplicate, type Transaction } from '../common/transaction'
import { receiptCode, receiptId, voterKey } from './keys'

export interface Cast {
  categoryId: string
  channelId?: string
  /** Keyed hash of the group chat it came from (see keys.groupKey). */
  groupKey?: string
  ballot: ValidBallot
  /**
   * Checked and written inside the ballot's transaction, after its receipt (a meeting session still
   * taking ballots, evaluate/meeting.ts): a refusal rolls the ballot back.
   */
  guard?: (tx: Transaction) => Promise<DomainError | null>
}

const toReceipt = (id: string, targetId: string): Receipt => ({ targetId, code: receiptCode(id) })

/** Shard numbers this instance is writing now, per target: a new cast avoids them. */
const writing = new Map<string, Set<number>>()

/**
 * A shard no transaction of this instance holds, uniformly among those: concurrent voters then
 * rarely meet on one document. Other instances are not seen; their collisions are retried.
 */
function freeShard(target: string, shards: number): number {
  const busy = writing.get(target)
  const free = Array.from({ length: shards }, (_, k) => k).filter((k) => !busy?.has(k))
  return free.length > 0 ? free[randomInt(free.length)] : randomInt(shards)
}

async function holdingShard<T>(target: string, shards: number, work: (shard: number) => Promise<T>): Promise<T> {
  const shard = freeShard(target, shards)
  const busy = writing.get(target) ?? writing.set(target, new Set()).get(target)!
  busy.add(shard)
  try {
    return await work(shard)
  } finally {
    busy.delete(shard)
    if (busy.size === 0) writing.delete(target)
  }
}

/** Thrown inside the transaction so it rolls back; answered as 'closed'. */
export class Sealed extends Error {}

/** Thrown inside the transaction when the cast's guard refuses it; answered as 'refused'. */
class Guarded extends Error {
  constructor(readonly error: DomainError) {
    super(error.code)
  }
}

/**
 * A document the close seals, read in the transaction, then written by it: a seal committed after
 * our snapshot makes that write conflict (snapshot isolation), so a read-only check would not be enough.
 */
async function unsealed(tx: Transaction, collection: 'ballots' | 'counters', id: string) {
  const ref = tx.collection(collection).doc(id)
  // Inside a transaction the SDK answers the document itself, or null; only the seal is needed.
  const found = ((await ref.field({ sealed: true }).get()) as { data: { sealed?: boolean } | null }).data
  if (found?.sealed) throw new Sealed()
  return { ref, found }
}

/** A counter shard about to be written (a paper sheet's spoiled or blank mark), unless sealed. */
export const unsealedShard = (tx: Transaction, id: string) => unsealed(tx, 'counters', id)

interface Placed {
  round: RoundDoc['round']
  targetId: string
  shard: number
  entry: PoolEntry & { r: string }
  increments: Record<string, number>
}

/**
 * The round's opening creates every pool and shard ahead of the ballots (`preparePools`). Cut short
 * there, a cast that misses its pool creates whatever the target still lacks, all at once, so which
 * pool a ballot went to never shows in what exists or in the order it was created. A close creates
 * a missing pool sealed (common/seal.ts): one still missing here is one no close has reached, and
 * one it creates meanwhile makes this insert a duplicate, retried.
 */
async function completeTarget(tx: Transaction, shards: number, p: Placed) {
  const { round, targetId } = p
  for (let k = 0; k < shards; k++) {
    const mine = k === p.shard
    // The voter's own pool is known to be missing.
    const found = !mine && ((await tx.collection('ballots').doc(poolId(round.id, targetId, k)).get()) as { data: unknown }).data
    if (!found) await tx.collection('ballots').add({ _id: poolId(round.id, targetId, k), ...emptyPool(round.id, targetId), ...(mine ? { ballots: [p.entry], c: applyIncrements(emptyCounters(), p.increments) } : {}) })
  }
  for (let k = 0; k < shards; k++) {
    const ref = tx.collection('counters').doc(shardId(round.id, targetId, k))
    if (!((await ref.get()) as { data: unknown }).data) await tx.collection('counters').add({ _id: shardId(round.id, targetId, k), roundId: round.id, targetId, c: emptyCounters() })
  }
}

export type CastOutcome = { status: 'recorded' | 'already-voted'; receipt: Receipt } | { status: 'closed' } | { status: 'refused'; error: DomainError }

/** 'already-voted' when the receipt exists: a second ballot, or the retry of one already stored. */
export async function castBallot(doc: RoundDoc, openid: string, cast: Cast): Promise<CastOutcome> {
  const { round } = doc
  const { targetId } = cast.ballot
  const id = receiptId(round.id, targetId, openid)
  const increments = counterIncrements(round, cast.categoryId, cast.ballot)
  const _ = database().command
  const entry = { ...poolEntry(cast.categoryId, cast.ballot), r: randomBytes(8).toString('hex') }
  const inc: Record<string, unknown> = Object.fromEntries(Object.entries(increments).map(([path, n]) => [`c.${path}`, _.inc(n)]))
  // Where it came from, on the receipt: known to whoever holds the secret anyway, and no request of its own.
  const via = { ...(cast.channelId ? { channelId: cast.channelId } : {}), ...(cast.groupKey ? { groupKey: cast.groupKey } : {}) }
  for (;;) {
    try {
      await inTransaction((tx) =>
        // Picked afresh on every attempt, so a retry after a conflict lands elsewhere.
        holdingShard(`${round.id}:${targetId}`, doc.shards, async (shard) => {
          // No time on the receipt either: an hour would place its voter after a release (or any
          // count read at a known time), and final less that release would then be her ballot.
          await tx.collection('receipts').add({ _id: id, roundId: round.id, targetId, voter: voterKey(round.id, openid), ...via })
          // The receipt first, so a second ballot fails before it touches a shared document.
          const stop = cast.guard && (await cast.guard(tx))
          if (stop) throw new Guarded(stop)
          const { ref, found } = await unsealed(tx, 'ballots', poolId(round.id, targetId, shard))
          // The pool keeps its ballots sorted by their random `r`: each lands at a uniformly random
          // place, so the array's order says nothing about when each arrived. Its counters move in
          // the same write.
          if (found) await ref.update({ ballots: _.push({ each: [entry], sort: { r: 1 } }), ...inc })
          else await completeTarget(tx, doc.shards, { round, targetId, shard, entry, increments })
        }),
      )
      return { status: 'recorded', receipt: toReceipt(id, targetId) }
    } catch (e) {
      if (e instanceof Sealed) return { status: 'closed' }
      if (e instanceof Guarded) return { status: 'refused', error: e.error }
      if (!isDuplicate(e)) throw e
      const receipt = await existingReceipt(round.id, targetId, openid)
      // Otherwise the target's pools were being created at the same moment: try again.
      if (receipt) return { status: 'already-voted', receipt }
    }
  }
}

/** The voter's receipt for a target, if one is stored: read before any costly work. */
export async function existingReceipt(roundId: string, targetId: string, openid: string): Promise<Receipt | null> {
  const id = receiptId(roundId, targetId, openid)
  const { data } = await database().collection('receipts').doc(id).get()
  return data[0] ? toReceipt(id, targetId) : null
}
