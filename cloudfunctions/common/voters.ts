/**
 * @module Distinct voters of a round: one counter, bumped when a voter's first ballot is recorded.
 * The enrolment only gains a `voted` flag, and the counter holds a number and nothing else, so
 * neither can be joined to a ballot; no receipt is ever scanned to count people.
 */
import { bump } from './bump'
import { database } from './cloudbase'

/**
 * Called after a ballot is recorded. The flag flips once per enrolment (a conditional update is
 * atomic), so concurrent first ballots bump once. A crash between the two writes undercounts by
 * one: a participation figure, never a result.
 */
export async function countVoter(roundId: string, enrolmentId: string): Promise<void> {
  const _ = database().command
  const { updated } = (await database().collection('enrolments').where({ _id: enrolmentId, voted: _.neq(true) }).update({ voted: true })) as { updated: number }
  if (updated) await bump('voters', roundId, { roundId })
}

export async function distinctVoters(roundId: string): Promise<number> {
  const { data } = await database().collection('voters').doc(roundId).get()
  return (data[0] as { n: number } | undefined)?.n ?? 0
}
