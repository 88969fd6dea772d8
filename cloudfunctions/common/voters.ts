/**
 * @module Distinct voters of a round, counted when asked: the round's receipts grouped by their
 * voter pseudonym (one per person and round, the same on every target). Nothing is written on the
 * ballot path for it, so casting pays no extra round trip, and the answer is a single number
 * whatever the round's size.
 */
import { database } from './cloudbase'

export async function distinctVoters(roundId: string): Promise<number> {
  const { data } = (await database()
    .collection('receipts')
    .aggregate()
    .match({ roundId })
    .group({ _id: '$voter' })
    .count('n')
    .end()) as { data: { n: number }[] }
  return data[0]?.n ?? 0
}

/**
 * People who cast a ballot, per evaluator category: each voter pseudonym of the round's receipts
 * joined to its enrolment (keyed by the same pseudonym), which names the category.
 */
export async function votersByCategory(roundId: string): Promise<Record<string, number>> {
  const { data } = (await database()
    .collection('receipts')
    .aggregate()
    .match({ roundId })
    .group({ _id: '$voter' })
    .lookup({ from: 'enrolments', localField: '_id', foreignField: '_id', as: 'enrolment' })
    .unwind('$enrolment')
    .group({ _id: '$enrolment.categoryId', n: database().command.aggregate.sum(1) })
    .end()) as { data: { _id: string; n: number }[] }
  return Object.fromEntries(data.map((c) => [c._id, c.n]))
}
