/**
 * @module The one server-side way to read stored ballots, and their layout. A target's ballots
 * live in pools (documents of `ballots`), one per counter shard number and hour: `cast.ts` pushes
 * each ballot into a pool kept sorted by a random key, so neither a pool's array order nor which
 * pool was written when says more about a ballot than the hour it states anyway.
 */
import type { ValidBallot } from '../../src/core'
import { database } from './cloudbase'

export interface StoredBallot {
  roundId: string
  targetId: string
  categoryId: string
  channelId?: string
  /** A level id of the round's scale. */
  overall: string
  /** Item id → level id. */
  items: Record<string, string>
  opinion?: string
  /** The hour it was cast (`YYYY-MM-DDTHH:00:00+08:00`), never the instant. */
  hour: string
}

/** One ballot inside a pool: no identity, no time (the pool has the hour), `r` is a random sort key. */
export type PoolEntry = Omit<StoredBallot, 'roundId' | 'targetId' | 'hour'>

interface Pool {
  roundId: string
  targetId: string
  hour: string
  ballots: (PoolEntry & { r: string })[]
}

/** The hour is part of the id, so a pool never mixes hours (and never grows past one hour's ballots). */
export const poolId = (roundId: string, targetId: string, hour: string, shard: number) => `${roundId}:${targetId}:${hour.slice(0, 13)}:${shard}`

export const poolEntry = (categoryId: string, channelId: string | undefined, b: ValidBallot): PoolEntry => ({
  categoryId,
  ...(channelId ? { channelId } : {}),
  overall: b.overall,
  items: b.items,
  ...(b.opinion ? { opinion: b.opinion } : {}),
})

/** CloudBase answers at most this many documents per query. */
const PAGE = 1000

async function pools(roundId: string, targetId: string): Promise<Pool[]> {
  const all: Pool[] = []
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await database().collection('ballots').where({ roundId, targetId }).orderBy('_id', 'asc').skip(offset).limit(PAGE).get()
    all.push(...(data as Pool[]))
    if (data.length < PAGE) return all
  }
}

const entries = (all: Pool[]) => all.flatMap((p) => p.ballots.map((b) => ({ pool: p, b })))

/** Every stored ballot of one target (for a recount). */
export async function storedBallots(roundId: string, targetId: string): Promise<StoredBallot[]> {
  return entries(await pools(roundId, targetId)).map(({ pool, b: { categoryId, channelId, overall, items, opinion } }) => ({
    roundId: pool.roundId,
    targetId: pool.targetId,
    categoryId,
    ...(channelId ? { channelId } : {}),
    overall,
    items,
    ...(opinion ? { opinion } : {}),
    hour: pool.hour,
  }))
}

/** A page of a target's opinions as text with the day only (YYYY-MM-DD), in no meaningful order. */
export async function opinionsPage(roundId: string, targetId: string, offset: number, limit: number): Promise<{ opinions: { day: string; text: string }[]; total: number }> {
  // Ordered by the random key, so pages are stable and the order means nothing (not even the hour).
  const withOpinion = entries(await pools(roundId, targetId))
    .filter(({ b }) => b.opinion)
    .sort((x, y) => (x.b.r < y.b.r ? -1 : x.b.r > y.b.r ? 1 : 0))
  return {
    opinions: withOpinion.slice(offset, offset + limit).map(({ pool, b }) => ({ day: pool.hour.slice(0, 10), text: b.opinion! })),
    total: withOpinion.length,
  }
}
