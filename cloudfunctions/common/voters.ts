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
