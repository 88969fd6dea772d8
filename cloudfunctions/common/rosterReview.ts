/**
 * @module The supervisors' review of a round's roster (seed 000: 人员名单确定后，报督导组审定), one
 * document per round. `revision` counts the roster's changes; a review names the revision it read,
 * so a list changed since is never approved unseen. Read by the organise function and, inside the
 * redemption transaction, by the evaluate function.
 */
import { z } from 'zod'
import { database } from './cloudbase'
import { keyedHash } from './keyed'
import type { Transaction } from './transaction'
import { isDuplicate } from './transaction'

const RosterReviewDoc = z.object({
  _id: z.string(),
  state: z.enum(['pending', 'approved', 'returned']),
  revision: z.number().int().nonnegative(),
  /** Why the supervisors returned it; null otherwise. */
  reason: z.string().nullable(),
  /** Who changed it since the last verdict (keyed hashes, see `changerKey`): none of them may give the next one. */
  changedBy: z.array(z.string()).default([]),
})
type RosterReviewDoc = z.infer<typeof RosterReviewDoc>

const fresh = (roundId: string): RosterReviewDoc => ({ _id: roundId, state: 'pending', revision: 0, reason: null, changedBy: [] })

/** A changer as the review keeps them: per round, so the same person is not one id across rounds. */
export const changerKey = (roundId: string, openid: string) => keyedHash('roster-changer', roundId, openid)
const reviews = () => database().collection('rosterReviews')

export async function rosterReview(roundId: string): Promise<RosterReviewDoc> {
  const { data } = await reviews().doc(roundId).get()
  return data[0] ? RosterReviewDoc.parse(data[0]) : fresh(roundId)
}

/** Inside a transaction, so a redemption and a change of the roster cannot pass each other. */
export async function rosterApprovedIn(tx: Transaction, roundId: string): Promise<boolean> {
  const { data } = (await tx.collection('rosterReviews').doc(roundId).get()) as { data: unknown }
  const parsed = RosterReviewDoc.safeParse(data)
  return parsed.success && parsed.data.state === 'approved'
}

/**
 * A change to the roster: a new revision, approved when a supervisor made it (they saw what they
 * wrote, as an organiser's own report needs no second look), otherwise back to pending, its changer
 * noted. Returns the state the roster was in before.
 */
export async function rosterChanged(roundId: string, bySupervisor: boolean, openid: string): Promise<RosterReviewDoc['state']> {
  const state = bySupervisor ? 'approved' : 'pending'
  for (;;) {
    const before = await rosterReview(roundId)
    const since = before.state === 'approved' ? [] : before.changedBy
    const changedBy = bySupervisor ? [] : [...new Set([...since, changerKey(roundId, openid)])]
    if (before.revision === 0) {
      try {
        await reviews().add({ ...fresh(roundId), state, revision: 1, changedBy })
        return before.state
      } catch (e) {
        if (!isDuplicate(e)) throw e
        continue
      }
    }
    const { updated } = (await reviews().where({ _id: roundId, revision: before.revision }).update({ state, revision: before.revision + 1, reason: null, changedBy })) as { updated: number }
    if (updated) return before.state
  }
}

/** The supervisors' verdict on the revision they read; false when the roster changed since. */
export async function settleRoster(roundId: string, revision: number, verdict: { state: 'approved' | 'returned'; reason: string | null }): Promise<boolean> {
  const { updated } = (await reviews().where({ _id: roundId, revision }).update({ ...verdict, revision: revision + 1, changedBy: [] })) as { updated: number }
  return updated > 0
}
