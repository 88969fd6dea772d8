/** @module A target's counters rebuilt from its stored ballots: what the counter shards are checked against on close, and what a live release shows. */
import { applyIncrements, type Counters, counterIncrements, emptyCounters, type Round, type ValidBallot } from '../../src/core'
import { type StoredBallot, storedBallots } from './ballots'

/** The same increments a cast applies, so a recount and the counters differ only if a write was lost or forged. */
export function tallyBallots(round: Round, targetId: string, ballots: readonly StoredBallot[]): Counters {
  let counters = emptyCounters()
  for (const b of ballots) {
    const ballot: ValidBallot = { targetId, overall: b.overall, items: b.items, ...(b.opinion ? { opinion: b.opinion } : {}) }
    counters = applyIncrements(counters, counterIncrements(round, b.categoryId, ballot))
  }
  return counters
}

export async function recount(round: Round, targetId: string): Promise<Counters> {
  return tallyBallots(round, targetId, await storedBallots(round.id, targetId))
}
