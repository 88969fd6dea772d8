/** @module Stored rounds: the domain's Round plus what residents are shown around it. */
import { z } from 'zod'
import { domainError, Id, Round } from '../../src/core'
import { database } from './cloudbase'
import { refuse } from './refuse'

export const RoundDoc = z.object({
  _id: Id,
  round: Round,
  /** Shown before voting: what the round is for, in the organiser's words. */
  intro: z.string().max(5000),
  /** The unit whose organisers own the round. */
  ownerUnitId: Id,
  /** Each target's self-report (seed 000: 情况报告); residents see it once an organiser approved it. */
  reports: z.record(Id, z.object({ text: z.string().max(20000), approved: z.boolean() })),
  /** Counter shards per target; more shards, fewer write conflicts among concurrent voters. */
  shards: z.number().int().min(1).max(256),
  /** Display names of the units evaluators may declare. */
  unitNames: z.record(Id, z.string()),
})
export type RoundDoc = z.infer<typeof RoundDoc>

export async function loadRound(roundId: string): Promise<RoundDoc> {
  const { data } = await database().collection('rounds').doc(roundId).get()
  if (!data[0]) refuse(domainError('ROUND_NOT_FOUND'))
  return RoundDoc.parse(data[0])
}

export async function saveRound(doc: RoundDoc): Promise<void> {
  const { _id, ...rest } = RoundDoc.parse(doc)
  await database().collection('rounds').doc(_id).set(rest)
}
