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
import { bump } from '../common/bump'
import { database } from '../common/cloudbase'
import { isDuplicate } from '../common/transaction'
import { rateKey } from './keys'

const WINDOW_MS = 10 * 60 * 1000
export const MAX_SUBMITS_PER_WINDOW = 30
/** Identical answer sets through one channel within one window before a review flag is raised. */
export const BURST_THRESHOLD = 20

const windowOf = (now: Date) => Math.floor(now.getTime() / WINDOW_MS)

export const budgetId = (openid: string, now: Date) => `${rateKey(openid)}:${windowOf(now)}`

/** An identity's budget in the current window, as last seen (`spent` null: no document yet). */
export interface Budget {
  id: string
  spent: number | null
}

export const budgetLeft = (b: Budget) => (b.spent ?? 0) < MAX_SUBMITS_PER_WINDOW

/** Adds to the spent count, creating the window's document when it was not there; answers the new count. */
async function spend(b: Budget, amount: number): Promise<number> {
  const limits = database().collection('limits')
  if (b.spent === null) {
    try {
      await limits.add({ _id: b.id, n: amount, kind: 'submit' })
      return (b.spent = amount)
    } catch (e) {
      if (!isDuplicate(e)) throw e
    }
  }
  const { doc } = (await limits.where({ _id: b.id }).updateAndReturn({ n: database().command.inc(amount) })) as { doc: { n: number } }
  return (b.spent = doc.n)
}

/**
 * Reserves one unit for one ballot's content check; false when the window's budget is spent. The
 * count may pass the limit (a refused reservation is not given back), which only keeps it spent.
 */
export async function reserveBudget(b: Budget): Promise<boolean> {
  return budgetLeft(b) && (await spend(b, 1)) <= MAX_SUBMITS_PER_WINDOW
}

/** Refusals are charged after the fact: they cost no content check, only the request. */
export async function chargeBudget(b: Budget, amount: number): Promise<void> {
  if (amount > 0) await spend(b, amount)
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
