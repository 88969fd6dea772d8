/**
 * @module What a data folder holds for one target, read the way the functions read it: through the
 * SDK with the credentials the runtime hands its functions (start the runtime on the folder first),
 * and ballots only through `storedBallots`, whatever their layout. The one place the durability
 * test reaches the database.
 */
import { storedBallots } from '../../cloudfunctions/common/ballots'
import { database } from '../../cloudfunctions/common/cloudbase'
import { loadRound } from '../../cloudfunctions/common/rounds'
import { applyIncrements, type Counters, counterIncrements, emptyCounters, mergeCounters, validateBallot } from '../../src/core'
import { COUNTING } from './store'

export interface Tally {
  ballots: number
  receipts: number
  /** The target's pools' and counter shards' counters, merged. */
  counters: Counters
  /** The same figures counted again from the stored ballots. */
  recount: Counters
}

const PAGE = 1000

async function all(collection: string, where: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const docs: Record<string, unknown>[] = []
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await database().collection(collection).where(where).skip(offset).limit(PAGE).get()
    docs.push(...(data as Record<string, unknown>[]))
    if (data.length < PAGE) return docs
  }
}

export async function tallyOf(roundId: string, targetId: string): Promise<Tally> {
  const { round } = await loadRound(roundId)
  const ballots = await storedBallots(roundId, targetId)
  const recount = ballots.reduce<Counters>((c, b) => {
    const valid = validateBallot(round, { targetId: b.targetId, overall: b.overall, items: b.items, ...(b.opinion ? { opinion: b.opinion } : {}) })
    if (!valid.ok) throw new Error(`a stored ballot is invalid: ${valid.error.message}`)
    return applyIncrements(c, counterIncrements(round, b.categoryId, valid.value))
  }, emptyCounters())
  const counting = (await Promise.all(COUNTING.map((collection) => all(collection, { roundId, targetId })))).flat()
  const counters = counting.reduce<Counters>((sum, d) => mergeCounters(sum, { ...emptyCounters(), ...(d.c as Counters | undefined) }), emptyCounters())
  const receipts = (await all('receipts', { roundId, targetId })).length
  return { ballots: ballots.length, receipts, counters, recount }
}
