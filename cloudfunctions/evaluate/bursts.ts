/**
 * @module Bursts of ballots through one channel whose answers are alike, flagged for the organiser
 * to review (never dropped: a flagged ballot counts like any other). Watching costs the voter no
 * request: the receipts already count ballots per channel (organize/counters.ts), and the scheduler
 * sums them each minute against the sums it noted as the current 10-minute window began. The note
 * holds counts, never answers: answers counted per window would date them, and in a quiet window the
 * one ballot that came, by its answers, for anyone holding a dump and a voter's budget of that
 * window. Only when a window brings a channel enough ballots that none is singled out are the
 * answers read, from the stored ballots, which keep no time and no channel: so what is flagged is a
 * channel's burst together with as many of the target's ballots sharing one answer set, the burst's
 * ballots among them or not, for the organiser to weigh.
 */
import { WINDOW_MS, windowOf } from '../common/budget'
import { type StoredBallot, storedBallots } from '../common/ballots'
import { database } from '../common/cloudbase'
import { isDuplicate } from '../common/transaction'
import type { RoundCounters } from '../organize/counters'

/** Ballots through one channel within one window before their answers are looked at; a flag needs as many alike. */
export const BURST_THRESHOLD = 20

const DIRECT = 'direct'

/** A target's ballots per channel (`direct`: through none), as a key `[target, channel]` → count. */
type Sums = Map<string, number>
const keyOf = (targetId: string, channel: string) => JSON.stringify([targetId, channel])

/** Every target's ballots per channel, and the rest as `direct`. */
function channelSums(counters: RoundCounters): Sums {
  const sums: Sums = new Map()
  for (const [targetId, c] of counters.byTarget) {
    const channels = Object.entries(c.channels)
    const direct = c.ballots - channels.reduce((s, [, n]) => s + n, 0)
    // Only what came: a note of zeros would say nothing.
    for (const [channel, n] of [...channels, [DIRECT, direct] as const]) if (n > 0) sums.set(keyOf(targetId, channel), n)
  }
  return sums
}

interface Note {
  window: number
  /** `[key, count]` pairs: keys are ids, so never object keys (`__proto__`). */
  sums: [string, number][]
}

const noteId = (roundId: string) => `${roundId}:burst-note`

/** The answers alone (no opinion, no identity): what a script repeating one ballot repeats. */
const answerSet = (b: Pick<StoredBallot, 'overall' | 'items'>) => JSON.stringify([b.overall, Object.entries(b.items).sort()])

/** The most of the target's stored ballots that share one answer set (a ballot keeps no channel). */
async function mostAlike(roundId: string, targetId: string): Promise<number> {
  const same = new Map<string, number>()
  for (const b of await storedBallots(roundId, targetId)) same.set(answerSet(b), (same.get(answerSet(b)) ?? 0) + 1)
  return Math.max(0, ...same.values())
}

async function raiseFlag(roundId: string, targetId: string, channel: string, window: number, ballots: number, identicalBallots: number) {
  try {
    await database().collection('signals').add({
      _id: `${roundId}:${targetId}:${channel}:${window}:flag`,
      kind: 'burst',
      roundId,
      channelId: channel === DIRECT ? null : channel,
      windowStart: new Date(window * WINDOW_MS),
      ballots,
      identicalBallots,
      targetId,
    })
  } catch (e) {
    if (!isDuplicate(e)) throw e
  }
}

/**
 * One pass of the scheduler over an open round: for every target and channel that brought at least
 * BURST_THRESHOLD ballots since the note (the window's first pass; no note yet: since the round
 * opened), flags it when as many of the target's ballots are alike; then, in a new window, notes
 * the sums afresh. `counters`: the round's, as the scheduler read them for this pass. A target's ballots are read once a pass, however many of its channels burst.
 */
export async function watchBursts(roundId: string, now: Date, counters: RoundCounters): Promise<void> {
  const window = windowOf(now)
  const sums = channelSums(counters)
  const { data } = await database().collection('signals').doc(noteId(roundId)).get()
  const note = data[0] as Note | undefined
  const noted = new Map(note?.sums ?? [])
  const alikeIn = new Map<string, number>()
  for (const [key, n] of sums) {
    const since = n - (noted.get(key) ?? 0)
    if (since < BURST_THRESHOLD) continue
    const [targetId, channel] = JSON.parse(key) as [string, string]
    const alike = alikeIn.get(targetId) ?? alikeIn.set(targetId, await mostAlike(roundId, targetId)).get(targetId)!
    if (alike >= BURST_THRESHOLD) await raiseFlag(roundId, targetId, channel, note?.window ?? window, since, alike)
  }
  if (note?.window !== window) await database().collection('signals').doc(noteId(roundId)).set({ kind: 'burst-count', roundId, window, sums: [...sums] })
}

/**
 * Notes of windows that have ended (a closed round's last): each dates what came after it. Flags
 * stay (they rest on at least BURST_THRESHOLD identical ballots).
 */
export async function dropEndedBurstCounts(now: Date): Promise<void> {
  await database().collection('signals').where({ kind: 'burst-count', window: database().command.lt(windowOf(now)) }).remove()
}
