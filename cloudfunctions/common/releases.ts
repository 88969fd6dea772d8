/**
 * @module A target's live release (see core `release`): the ballots its live figures rest on, named
 * by their random sort keys, their counters and their opinions, taken together from the stored
 * ballots so figures and opinions always describe the same ballots. A release moves only forward and only by a conditional write on the one it
 * replaces, so two callers refreshing at once cannot leave views one ballot apart.
 */
import { type Counters, emptyCounters, nextRelease, releaseDue, type Round } from '../../src/core'
import { storedBallots } from './ballots'
import { database } from './cloudbase'
import { tallyBallots } from './recount'
import { isDuplicate } from './transaction'

export interface Release {
  counters: Counters
  /** ms epoch when it was taken. */
  at: number
}

/**
 * A release reads every ballot of its target: at most one a minute per target, so a busy round
 * costs a scan a minute, not one per refresh.
 */
const RELEASE_GAP_MS = 60_000

const results = () => database().collection('results')
const releaseId = (roundId: string, targetId: string) => `release:${roundId}:${targetId}`

interface StoredRelease extends Release {
  opinions: string[]
  /** The sort keys of its ballots, sorted: which ballots a next release must keep. */
  released?: string[]
}

async function readRelease(roundId: string, targetId: string): Promise<StoredRelease | null> {
  const { data } = await results().doc(releaseId(roundId, targetId)).get()
  return (data[0] as StoredRelease | undefined) ?? null
}

/** Sorted by text: their order says nothing about when (or by whom, in which order) they were written. */
const opinionsOf = (ballots: readonly { opinion?: string }[]) => ballots.flatMap((b) => (b.opinion ? [b.opinion] : [])).sort()

/**
 * The target's release after this refresh: a new one when `received` (the live counters) shows it
 * is due and the stored ballots confirm it, else `current` (null: none yet, nothing to show).
 */
export async function advanceRelease(round: Round, targetId: string, current: Release | null, received: Counters, now: Date): Promise<Release | null> {
  const base = current?.counters ?? emptyCounters()
  if (now.getTime() - (current?.at ?? 0) < RELEASE_GAP_MS || !releaseDue(round, targetId, base, received, now)) return current
  const ballots = await storedBallots(round.id, targetId)
  const kept = new Set(current === null ? [] : ((await readRelease(round.id, targetId))?.released ?? []))
  const chosen = nextRelease(round, targetId, kept, ballots, now)
  if (chosen === null) return current
  const counters = tallyBallots(round, targetId, chosen)
  const next = { counters, opinions: opinionsOf(chosen), released: chosen.map((b) => b.r).sort(), at: now.getTime() }
  const id = releaseId(round.id, targetId)
  const _ = database().command
  try {
    if (current === null) {
      await results().add({ _id: id, roundId: round.id, basis: 'live', kind: 'release', targetId, ...next })
      return { counters, at: next.at }
    }
    const { updated } = (await results()
      .where({ _id: id, 'counters.ballots': base.ballots })
      .update({ counters: _.set(counters), opinions: _.set(next.opinions), released: _.set(next.released), at: next.at })) as { updated: number }
    if (updated === 1) return { counters, at: next.at }
  } catch (e) {
    if (!isDuplicate(e)) throw e
  }
  // Another caller released first: theirs is the one every view shows.
  const won = await readRelease(round.id, targetId)
  return won && { counters: won.counters, at: won.at }
}

/** A page of the opinions of the target's release: none before its first. */
export async function releasedOpinions(roundId: string, targetId: string, offset: number, limit: number): Promise<{ opinions: string[]; total: number }> {
  const release = await readRelease(roundId, targetId)
  const all = release?.opinions ?? []
  return { opinions: all.slice(offset, offset + limit), total: all.length }
}
