/**
 * @module The one server-side way to read stored ballots, and their layout. A target's ballots
 * live in a fixed set of pools (documents of `ballots`), each keeping its ballots and their
 * counters (`c`, the domain's counters: one write casts both), one per shard number, all created
 * with the target's counter shards (`counters`: spoiled and blank paper sheets, and the counters of
 * rounds cast into before pools kept them) when the round opens (`preparePools`; a cast creates them
 * only if that was cut short) and then updated in place. A ballot goes to a pool
 * drawn at random and sits in it at a place drawn at random; neither pool nor entry carries a
 * time. So what a copy of the database shows on the ballots' side — pools, their order, sizes and
 * contents — is the same whoever cast which ballot, and nothing lines a receipt up with a ballot.
 */
import { emptyCounters, type ValidBallot } from '../../src/core'
import { database } from './cloudbase'
import { isDuplicate } from './transaction'

export interface StoredBallot {
  roundId: string
  targetId: string
  categoryId: string
  /** A level id of the round's scale. */
  overall: string
  /** Item id → level id. */
  items: Record<string, string>
  opinion?: string
}

/** One ballot inside a pool: no identity, no time, `r` is a random sort key. */
export type PoolEntry = Omit<StoredBallot, 'roundId' | 'targetId'>

interface Pool {
  roundId: string
  targetId: string
  ballots: (PoolEntry & { r: string })[]
}

/** An empty pool: ballots and counters, nothing else (no time, no channel). */
export const emptyPool = (roundId: string, targetId: string) => ({ roundId, targetId, ballots: [], c: emptyCounters() })

export const poolId = (roundId: string, targetId: string, shard: number) => `${roundId}:${targetId}:${shard}`

/** Counter shards and pools share their ids, in two collections. */
export const shardId = poolId

const addOnce = (collection: string, doc: { _id: string } & Record<string, unknown>) =>
  database()
    .collection(collection)
    .add(doc)
    .catch((e: unknown) => {
      if (!isDuplicate(e)) throw e
    })

/**
 * Every pool and counter shard of every target, empty, before any ballot: what exists and in which
 * order then depends on the round alone. Safe to repeat; a shard already there (sealed, or holding
 * ballots) is left as it is.
 */
export async function preparePools(roundId: string, targetIds: readonly string[], shards: number): Promise<void> {
  for (const targetId of targetIds) {
    const ids = Array.from({ length: shards }, (_, k) => poolId(roundId, targetId, k))
    await Promise.all(ids.map((_id) => addOnce('ballots', { _id, ...emptyPool(roundId, targetId) })))
    await Promise.all(ids.map((_id) => addOnce('counters', { _id, roundId, targetId, c: emptyCounters() })))
  }
}

/**
 * No channel and no group chat: an operator who knows which link a voter used would find her ballot
 * among that channel's few; those are counted from the receipts (organize/counters.ts).
 */
export const poolEntry = (categoryId: string, b: ValidBallot): PoolEntry => ({
  categoryId,
  overall: b.overall,
  items: b.items,
  ...(b.opinion ? { opinion: b.opinion } : {}),
})

/** CloudBase answers at most this many documents per query. */
const PAGE = 1000

async function pools(roundId: string, targetId: string): Promise<Pool[]> {
  const all: Pool[] = []
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await database().collection('ballots').where({ roundId, targetId }).field({ c: false }).orderBy('_id', 'asc').skip(offset).limit(PAGE).get()
    all.push(...(data as Pool[]))
    if (data.length < PAGE) return all
  }
}

const entries = (all: Pool[]) => all.flatMap((p) => p.ballots.map((b) => ({ pool: p, b })))

/** Every stored ballot of one target (for a recount), with its random sort key, by which a release names it. */
export async function storedBallots(roundId: string, targetId: string): Promise<(StoredBallot & { r: string })[]> {
  return entries(await pools(roundId, targetId)).map(({ pool, b: { r, categoryId, overall, items, opinion } }) => ({
    r,
    roundId: pool.roundId,
    targetId: pool.targetId,
    categoryId,
    overall,
    items,
    ...(opinion ? { opinion } : {}),
  }))
}

/** A page of a target's opinions as text only (a stored ballot has no time), in no meaningful order. */
export async function opinionsPage(roundId: string, targetId: string, offset: number, limit: number): Promise<{ opinions: { text: string }[]; total: number }> {
  // Ordered by the random key, so pages are stable and the order means nothing.
  const withOpinion = entries(await pools(roundId, targetId))
    .filter(({ b }) => b.opinion)
    .sort((x, y) => (x.b.r < y.b.r ? -1 : x.b.r > y.b.r ? 1 : 0))
  return {
    opinions: withOpinion.slice(offset, offset + limit).map(({ b }) => ({ text: b.opinion! })),
    total: withOpinion.length,
  }
}
