/** @module A target's counters rebuilt from its stored ballots: what the counter shards are checked against on close. */
import { applyIncrements, type Counters, counterIncrements, emptyCounters, type Round, type ValidBallot } from '../../src/core'
import { database } from './cloudbase'

interface StoredBallot {
  categoryId: string
  channelId?: string
  overall: string
  items: Record<string, string>
  opinion?: string
}

/** The same increments a cast applies, so a recount and the counters differ only if a write was lost or forged. */
export async function recount(round: Round, targetId: string): Promise<Counters> {
  let counters = emptyCounters()
  for (let offset = 0; ; offset += 1000) {
    const { data } = await database().collection('ballots').where({ roundId: round.id, targetId }).orderBy('_id', 'asc').skip(offset).limit(1000).get()
    for (const b of data as StoredBallot[]) {
      const ballot: ValidBallot = { targetId, overall: b.overall, items: b.items, ...(b.opinion ? { opinion: b.opinion } : {}) }
      counters = applyIncrements(counters, counterIncrements(round, b.categoryId, ballot, b.channelId))
    }
    if (data.length < 1000) return counters
  }
}
