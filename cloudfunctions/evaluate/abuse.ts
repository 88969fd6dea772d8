/**
 * @module Abuse limits. Each identity has a budget of costly submits per ten minutes (a ballot
 * recorded, refused, or sent to the content check); answering "already voted" costs nothing, so
 * a retrying phone is never locked out. Identical answers arriving in bulk through one channel
 * are flagged for the organiser to review. Nothing is dropped: a flagged ballot counts like any other.
 */
import { createHash } from 'node:crypto'
import { domainError, type ValidBallot } from '../../src/core'
import { bump } from '../common/bump'
import { database } from '../common/cloudbase'
import { refuse } from '../common/refuse'
import { isDuplicate } from '../common/transaction'
import { rateKey } from './keys'

const WINDOW_MS = 10 * 60 * 1000
export const MAX_SUBMITS_PER_WINDOW = 30
/** Identical answer sets through one channel within one window before a review flag is raised. */
export const BURST_THRESHOLD = 20

const windowOf = (now: Date) => Math.floor(now.getTime() / WINDOW_MS)

const budgetId = (openid: string, now: Date) => `${rateKey(openid)}:${windowOf(now)}`

export async function checkBudget(openid: string, now: Date): Promise<void> {
  const { data } = await database().collection('limits').doc(budgetId(openid, now)).get()
  if (((data[0] as { n?: number } | undefined)?.n ?? 0) >= MAX_SUBMITS_PER_WINDOW) refuse(domainError('TOO_MANY_SUBMISSIONS'))
}

export async function spendBudget(openid: string, now: Date, amount: number): Promise<void> {
  if (amount > 0) await bump('limits', budgetId(openid, now), { kind: 'submit' }, amount)
}

/** The answers alone (no opinion, no identity): what a script repeating one ballot repeats. */
const fingerprint = (b: ValidBallot) =>
  createHash('sha256').update(JSON.stringify([b.targetId, b.overall, Object.entries(b.items).sort()])).digest('hex').slice(0, 16)

export async function watchBurst(roundId: string, channelId: string | undefined, ballot: ValidBallot, now: Date): Promise<void> {
  const window = windowOf(now)
  const key = `${roundId}:${channelId ?? 'direct'}:${window}:${fingerprint(ballot)}`
  const n = await bump('signals', key, { kind: 'burst-count', roundId, channelId: channelId ?? null, window })
  if (n !== BURST_THRESHOLD) return
  try {
    await database().collection('signals').add({
      _id: `${key}:flag`,
      kind: 'burst',
      roundId,
      channelId: channelId ?? null,
      windowStart: new Date(window * WINDOW_MS),
      identicalBallots: n,
      targetId: ballot.targetId,
    })
  } catch (e) {
    if (!isDuplicate(e)) throw e
  }
}
