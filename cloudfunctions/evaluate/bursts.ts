/**
 * @module Bursts of identical answers through one channel, flagged for the organiser to review
 * (never dropped: a flagged ballot counts like any other). The cast counts each answer set in the
 * counter shard it writes anyway (`f`, by channel and fingerprint), so watching costs the voter no
 * request; the scheduler sums the shards each minute and compares them with the sums it noted as
 * the current 10-minute window began. A shard's sums say nothing its pool of the same number does
 * not (the pool holds each ballot with its channel and answers, and no time); the note dates only
 * what came in the current window, as the per-window counts it replaces did.
 */
import { createHash } from 'node:crypto'
import type { ValidBallot } from '../../src/core'
import { WINDOW_MS, windowOf } from '../common/budget'
import { database } from '../common/cloudbase'
import { isDuplicate } from '../common/transaction'

/** Identical answer sets through one channel within one window before a review flag is raised. */
export const BURST_THRESHOLD = 20

/** Channel → fingerprint → ballots, per target, as stored (plain objects: read them with `own`). */
type Sums = Record<string, Record<string, Record<string, number>>>

/** An own property only: ids such as `__proto__` or `toString` must never reach the prototype. */
const own = <T>(o: Record<string, T> | undefined, key: string): T | undefined => (o && Object.hasOwn(o, key) ? o[key] : undefined)

/** The answers alone (no opinion, no identity): what a script repeating one ballot repeats. */
const fingerprint = (b: ValidBallot) =>
  createHash('sha256').update(JSON.stringify([b.targetId, b.overall, Object.entries(b.items).sort()])).digest('hex').slice(0, 16)

const DIRECT = 'direct'

/** The shard field a cast increments, in the same `$inc` as its counters. */
export const burstPath = (channelId: string | undefined, ballot: ValidBallot) => `f.${channelId ?? DIRECT}.${fingerprint(ballot)}`

/** Every shard's `f` of the round, summed per target, channel and answer set. */
async function shardSums(roundId: string): Promise<Map<string, number>> {
  const sums = new Map<string, number>()
  for (let offset = 0; ; offset += 1000) {
    const { data } = await database().collection('counters').where({ roundId }).field({ targetId: true, f: true }).skip(offset).limit(1000).get()
    for (const { targetId, f } of data as { targetId: string; f?: Sums[string] }[]) {
      for (const [channel, prints] of Object.entries(f ?? {})) {
        for (const [print, n] of Object.entries(prints)) {
          const key = JSON.stringify([targetId, channel, print])
          sums.set(key, (sums.get(key) ?? 0) + n)
        }
      }
    }
    if (data.length < 1000) return sums
  }
}

/** The sums as a document: `Object.fromEntries` defines own properties, whatever the id. */
function stored(sums: Map<string, number>): Sums {
  const byTarget = new Map<string, Map<string, [string, number][]>>()
  for (const [key, n] of sums) {
    const [targetId, channel, print] = JSON.parse(key) as [string, string, string]
    const channels = byTarget.get(targetId) ?? byTarget.set(targetId, new Map()).get(targetId)!
    channels.set(channel, [...(channels.get(channel) ?? []), [print, n]])
  }
  return Object.fromEntries([...byTarget].map(([t, channels]) => [t, Object.fromEntries([...channels].map(([c, prints]) => [c, Object.fromEntries(prints)]))]))
}

interface Note {
  window: number
  sums: Sums
}

const noteId = (roundId: string) => `${roundId}:burst-note`

async function raiseFlag(roundId: string, targetId: string, channel: string, print: string, window: number, n: number) {
  try {
    await database().collection('signals').add({
      _id: `${roundId}:${channel}:${window}:${print}:flag`,
      kind: 'burst',
      roundId,
      channelId: channel === DIRECT ? null : channel,
      windowStart: new Date(window * WINDOW_MS),
      identicalBallots: n,
      targetId,
    })
  } catch (e) {
    if (!isDuplicate(e)) throw e
  }
}

/**
 * One pass of the scheduler over an open round: flags every answer set that came through one
 * channel at least BURST_THRESHOLD times since the note (the window's first pass; no note yet:
 * since the round opened), then, in a new window, notes the sums afresh.
 */
export async function watchBursts(roundId: string, now: Date): Promise<void> {
  const window = windowOf(now)
  const [sums, { data }] = await Promise.all([shardSums(roundId), database().collection('signals').doc(noteId(roundId)).get()])
  const note = data[0] as Note | undefined
  for (const [key, n] of sums) {
    const [targetId, channel, print] = JSON.parse(key) as [string, string, string]
    const since = n - (own(own(own(note?.sums, targetId), channel), print) ?? 0)
    if (since >= BURST_THRESHOLD) await raiseFlag(roundId, targetId, channel, print, note?.window ?? window, since)
  }
  if (note?.window !== window) await database().collection('signals').doc(noteId(roundId)).set({ kind: 'burst-count', roundId, window, sums: stored(sums) })
}

/**
 * Notes of windows that have ended (a closed round's last): each dates what came after it. Flags
 * stay (they rest on at least BURST_THRESHOLD identical ballots).
 */
export async function dropEndedBurstCounts(now: Date): Promise<void> {
  await database().collection('signals').where({ kind: 'burst-count', window: database().command.lt(windowOf(now)) }).remove()
}
