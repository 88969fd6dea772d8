/**
 * @module Abuse limits. Each identity has a budget of ballots per ten minutes: a content check is
 * paid for by a unit reserved atomically BEFORE it is made, so concurrent requests cannot overdraw
 * it; refusals, and ballots recorded without opinion, are charged after the fact, so a window's
 * record never tells whether its identity wrote an opinion. "Already voted" costs nothing, so a
 * retrying phone is never locked out. A spent budget refuses every new ballot until the window
 * ends. Identical answers arriving in bulk through one channel are flagged for the organiser to
 * review. Nothing is dropped: a flagged ballot counts like any other.
 */
import { type Budget, budgetIn, type BudgetKind, budgetLeft as left, chargeBudget as charge, reserveBudget as reserve, WINDOW_MS, windowOf } from '../common/budget'
import { type StoredBallot, storedBallots } from '../common/ballots'
import { bump } from '../common/bump'
import { database } from '../common/cloudbase'
import { isDuplicate } from '../common/transaction'
import { rateKey } from './keys'

export const MAX_SUBMITS_PER_WINDOW = 30
/** Ballots on one target through one channel within one window before their answers are looked at; a flag needs as many alike. */
export const BURST_THRESHOLD = 20

const SUBMITS: BudgetKind = { kind: 'submit', limit: MAX_SUBMITS_PER_WINDOW }

export const submitBudget = (openid: string, now: Date): Budget => budgetIn(rateKey(openid), now)

export const budgetLeft = (b: Budget) => left(b, SUBMITS)

/** Reserves one unit for one ballot's content check; false when the window's budget is spent. */
export const reserveBudget = (b: Budget) => reserve(b, SUBMITS)

/** Refusals and ballots without opinion are charged after the fact: they cost no content check. */
export async function chargeBudget(b: Budget, amount: number): Promise<void> {
  if (amount > 0) await charge(b, SUBMITS, amount)
}

/** The answers alone (no opinion, no identity): what a script repeating one ballot repeats. */
const answerSet = (b: Pick<StoredBallot, 'overall' | 'items'>) => JSON.stringify([b.overall, Object.entries(b.items).sort()])

/**
 * Counts each window's ballots per target and channel, never their answers: a count of answer sets
 * per window would date them, and in a quiet window the one ballot that came, by its answers, for
 * anyone holding a dump and the order of the receipts. Only when a window's count reaches the
 * threshold — enough ballots that none is singled out — are the answers read, from the stored
 * ballots, which keep no time: the most frequent answer set through that channel.
 */
export async function watchBurst(roundId: string, channelId: string | undefined, targetId: string, now: Date): Promise<void> {
  const window = windowOf(now)
  const key = `${roundId}:${targetId}:${channelId ?? 'direct'}:${window}`
  const n = await bump('signals', key, { kind: 'burst-count', roundId, channelId: channelId ?? null, window })
  if (n !== BURST_THRESHOLD) return
  const same = new Map<string, number>()
  for (const b of await storedBallots(roundId, targetId)) if (b.channelId === channelId) same.set(answerSet(b), (same.get(answerSet(b)) ?? 0) + 1)
  const identical = Math.max(0, ...same.values())
  if (identical >= BURST_THRESHOLD) await raiseFlag(key, { roundId, channelId: channelId ?? null, windowStart: new Date(window * WINDOW_MS), ballots: n, identicalBallots: identical, targetId })
}

async function raiseFlag(key: string, flag: Record<string, unknown>) {
  try {
    await database().collection('signals').add({ _id: `${key}:flag`, kind: 'burst', ...flag })
  } catch (e) {
    if (!isDuplicate(e)) throw e
  }
}

/**
 * Counts of windows that have ended: each says how many ballots came through a channel in that
 * window, which a dump could hold against anything else that dates a voter. Flags stay (they
 * rest on at least BURST_THRESHOLD ballots); the scheduler drops the counts every minute.
 */
export async function dropEndedBurstCounts(now: Date): Promise<void> {
  await database().collection('signals').where({ kind: 'burst-count', window: database().command.lt(windowOf(now)) }).remove()
}
