/** @module A voter's category and unit in a round: chosen once, stored under a key that cannot exist twice. */
import { z } from 'zod'
import { domainError, eligibleTargets, enrolInOpenCategory, type Enrolment } from '../../src/core'
import { database } from '../common/cloudbase'
import { orRefuse, refuse } from '../common/refuse'
import type { RoundDoc } from '../common/rounds'
import { isDuplicate } from '../common/transaction'
import { voterKey } from './keys'

const Stored = z.object({ categoryId: z.string(), unitId: z.string().nullable() })

/** Eligibility is recomputed from the round, so an edit of the round's scope is honoured. */
const withTargets = (doc: RoundDoc, e: z.infer<typeof Stored>): Enrolment => ({
  ...e,
  eligibleTargetIds: eligibleTargets(doc.round, e.categoryId, e.unitId ?? '').map((t) => t.id),
})

export async function findEnrolment(doc: RoundDoc, openid: string): Promise<Enrolment | null> {
  const { data } = await database().collection('enrolments').doc(voterKey(doc._id, openid)).get()
  return data[0] ? withTargets(doc, Stored.parse(data[0])) : null
}

export async function enrol(doc: RoundDoc, openid: string, categoryId: string, unitId: string | undefined): Promise<Enrolment> {
  const chosen = orRefuse(enrolInOpenCategory(doc.round, categoryId, unitId))
  try {
    await database().collection('enrolments').add({ _id: voterKey(doc._id, openid), roundId: doc._id, categoryId, unitId: chosen.unitId })
    return chosen
  } catch (e) {
    if (!isDuplicate(e)) throw e
    // Choosing the same again (a retry) is fine; choosing differently is not.
    const existing = await findEnrolment(doc, openid)
    if (existing?.categoryId === categoryId && existing.unitId === chosen.unitId) return existing
    return refuse(domainError('ENROLMENT_MISMATCH'))
  }
}
