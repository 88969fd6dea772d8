/**
 * @module Casting one ballot for one target, in ONE transaction: the receipt (whose id cannot exist
 * twice), the ballot (random id, no identity, only the hour), and `$inc` of one counter shard.
 * Either all three are stored or none.
 */
import { randomInt } from 'node:crypto'
import { applyIncrements, ballotHour, counterIncrements, emptyCounters, type ValidBallot } from '../../src/core'
import type { Receipt } from '../../src/api/evaluate'
import { database } from '../common/cloudbase'
import type { RoundDoc } from '../common/rounds'
import { inTransaction, isDuplicate } from '../common/transaction'
import { receiptCode, receiptId, voterKey } from './keys'

export interface Cast {
  categoryId: string
  channelId?: string
  /** Keyed hash of the group chat it came from (see keys.groupKey). */
  groupKey?: string
  ballot: ValidBallot
}

const toReceipt = (id: string, r: { targetId: string; hour: string }): Receipt => ({ targetId: r.targetId, code: receiptCode(id), hour: r.hour })

/** 'already-voted' when the receipt exists: a second ballot, or the retry of one already stored. */
export async function castBallot(doc: RoundDoc, openid: string, cast: Cast, now: Date): Promise<{ recorded: boolean; receipt: Receipt | null }> {
  const { round } = doc
  const { targetId } = cast.ballot
  const id = receiptId(round.id, targetId, openid)
  const hour = ballotHour(now)
  const increments = counterIncrements(round, cast.categoryId, cast.ballot, cast.channelId)
  const _ = database().command
  try {
    await inTransaction(async (tx) => {
      await tx.collection('receipts').add({ _id: id, roundId: round.id, targetId, voter: voterKey(round.id, openid), hour })
      // The receipt first, so a second ballot fails before it touches a shared shard; the shard
      // next, so the window in which another voter can change it under our snapshot is short.
      // A shard is picked afresh on every attempt, so a retry after a conflict likely lands elsewhere.
      const shardId = `${round.id}:${targetId}:${randomInt(doc.shards)}`
      const inc = Object.fromEntries(Object.entries(increments).map(([path, n]) => [`c.${path}`, _.inc(n)]))
      // Group-chat counts sit beside the domain's counters (`g`), kept in the same $inc.
      if (cast.groupKey) inc[`g.${cast.groupKey}`] = _.inc(1)
      const { updated } = (await tx.collection('counters').doc(shardId).update(inc)) as { updated: number }
      if (!updated) {
        const g = cast.groupKey ? { [cast.groupKey]: 1 } : {}
        await tx.collection('counters').add({ _id: shardId, roundId: round.id, targetId, c: applyIncrements(emptyCounters(), increments), g })
      }
      await tx.collection('ballots').add({
        roundId: round.id,
        targetId,
        categoryId: cast.categoryId,
        ...(cast.channelId ? { channelId: cast.channelId } : {}),
        overall: cast.ballot.overall,
        items: cast.ballot.items,
        ...(cast.ballot.opinion ? { opinion: cast.ballot.opinion } : {}),
        hour,
      })
    })
    return { recorded: true, receipt: toReceipt(id, { targetId, hour }) }
  } catch (e) {
    if (!isDuplicate(e)) throw e
    const { data } = await database().collection('receipts').doc(id).get()
    return { recorded: false, receipt: data[0] ? toReceipt(id, data[0] as { targetId: string; hour: string }) : null }
  }
}
