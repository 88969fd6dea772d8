/**
 * @module Stored meeting sessions (会场模式): the core's Session plus its counts of participation —
 * ballots through it, and evaluators per category whose first ballot on its targets came through
 * it. Counts only, no time and no identity: written in each ballot's transaction (evaluate/meeting.ts),
 * so the end (organize/meeting.ts) and a cast in flight write one document and cannot both win.
 */
import { z } from 'zod'
import { Id, Session } from '../../src/core'
import { database } from './cloudbase'

const Count = z.number().int().nonnegative()

export const SessionDoc = Session.omit({ id: true }).extend({
  _id: Id,
  ballots: Count,
  voters: z.record(Id, Count),
})
export type SessionDoc = z.infer<typeof SessionDoc>

export async function loadSession(id: string): Promise<SessionDoc | null> {
  const { data } = await database().collection('sessions').doc(id).get()
  return data[0] ? SessionDoc.parse(data[0]) : null
}
