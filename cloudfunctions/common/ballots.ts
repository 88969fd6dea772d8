/**
 * @module The one server-side way to read stored ballots: how they are laid out (see cast.ts) is
 * this module's business; callers get plain ballots of one target.
 */
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

/** CloudBase answers at most this many documents per query. */
const PAGE = 1000

const plain = (d: Record<string, unknown>): StoredBallot => {
  const { roundId, targetId, categoryId, channelId, overall, items, opinion, hour } = d as unknown as StoredBallot
  return { roundId, targetId, categoryId, ...(channelId ? { channelId } : {}), overall, items, ...(opinion ? { opinion } : {}), hour }
}

/** Every stored ballot of one target (for a recount). */
export async function storedBallots(roundId: string, targetId: string): Promise<StoredBallot[]> {
  const all: StoredBallot[] = []
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await database().collection('ballots').where({ roundId, targetId }).orderBy('_id', 'asc').skip(offset).limit(PAGE).get()
    all.push(...(data as Record<string, unknown>[]).map(plain))
    if (data.length < PAGE) return all
  }
}

/** A page of a target's opinions as text with the day only (YYYY-MM-DD), in no meaningful order. */
export async function opinionsPage(roundId: string, targetId: string, offset: number, limit: number): Promise<{ opinions: { day: string; text: string }[]; total: number }> {
  const withOpinion = (await storedBallots(roundId, targetId)).filter((b) => b.opinion)
  return {
    opinions: withOpinion.slice(offset, offset + limit).map((b) => ({ day: b.hour.slice(0, 10), text: b.opinion! })),
    total: withOpinion.length,
  }
}
