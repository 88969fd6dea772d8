/**
 * @module Abuse limits. Each identity has a budget of costly ballots per ten minutes: a content
 * check is paid for by a unit reserved atomically BEFORE it is made, so concurrent requests cannot
 * overdraw it; refusals are charged after the fact. "Already voted" costs nothing, so a retrying
 * phone is never locked out, and neither does a ballot without opinion, which its receipt lets be
 * recorded only once. A spent budget refuses every new ballot until the window ends. Identical
 * answers arriving in bulk through one channel are flagged for the organiser to review. Nothing is
 * dropped: a flagged ballot counts like any other.
 */
import { createHash } from 'node:crypto'
import { type ValidBallot } from '../../src/core'
import { type Budget, budgetIn, type BudgetKind, budgetLeft as left, chargeBudget as charge, reserveBudget as reserve, WINDOW_MS, windowOf } from '../common/budget'
import { bump } from '../common/bump'
import { database } from '../common/cloudbase'
import { isDuplicate } from '../common/transaction'
import { rateKey } from './keys'

export const MAX_SUBMITS_PER_WINDOW = 30
/** Identical answer sets through one channel within one window before a review flag is raised. */
export const BURST_THRESHOLD = 20

const SUBMITS: BudgetKind = { kind: 'submit', limit: MAX_SUBMITS_PER_WINDOW }

export const submitBudget = (openid: string, now: Date): Budget => budgetIn(rateKey(openid), now)

export const budgetLeft = (b: Budget) => left(b, SUBMITS)

/** Reserves one unit for one ballot's content check; false when the window's budget is spent. */
export const reserveBudget = (b: Budget) => reserve(b, SUBMITS)

/** Refusals are charged after the fact: they cost no content check, only the request. */
export async function chargeBudget(b: Budget, amount: number): Promise<void> {
  if (amount > 0) await charge(b, SUBMITS, amount)
}

/** The answers alone (no opinion, no identity): what a script repeating one ballot repeats. */
const fingerprint = (b: ValidBallot) =>
  createHash('sha256').update(JSON.stringify([b.targetId, b.overall, Object.entries(b.items).sort()])).digest('hex').slice(0, 16)

export async function watchBurst(roundId: string, channelId: string | undefined, ballot: ValidBallot, now: Date): Promise<void> {
  const window = windowOf(now)
  const key = `${roundId}:${channelId ?? 'direct'}:${window}:${fingerprint(ballot)}`
  const n = await bump('signals', key, { kind: 'burst-count', roundId, channelId: channelId ?? null, window })
  if (n === BURST_THRESHOLD) await raiseFlag(key, roundId, channelId, window, n, ballot.targetId)
}

async function raiseFlag(key: string, roundId: string, channelId: string | undefined, window: number, n: number, targetId: string) {
  try {
    await database().collection('signals').add({
      _id: `${key}:flag`,
      kind: 'burst',
      roundId,
      channelId: channelId ?? null,
      windowStart: new Date(window * WINDOW_MS),
      identicalBallots: n,
      targetId,
    })
  } catch (e) {
    if (!isDuplicate(e)) throw e
  }
}

/**
 * Counts of windows that have ended: each says an answer set came through a channel in that
 * window, which a dump could hold against anything else that dates a voter. Flags stay (they
 * rest on at least BURST_THRESHOLD identical ballots); the scheduler drops the counts every minute.
 */
export async function dropEndedBurstCounts(now: Date): Promise<void> {
  await database().collection('signals').where({ kind: 'burst-count', window: database().command.lt(windowOf(now)) }).remove()
}
