/** @module A round's counters, its pools' and shards' merged: what participation figures are read from. */
import { type Counters, emptyCounters, mergeCounters, NO_UNUSABLE, type Round, type Unusable } from '../../src/core'
import { database } from '../common/cloudbase'

export interface RoundCounters {
  byTarget: Map<string, Counters>
  /** Distinct group chats that sent ballots. */
  groupChats: number
  /** Spoiled and blank paper sheets per target, kept beside the counters (`x`), never in them. */
  unusable: Map<string, Unusable>
}

/**
 * The fields of a pool's or shard's counters that participation is counted from (core `turnoutOf`):
 * ballots in all and per category; not the ratings, their bulk. Channels and group chats come from
 * the receipts.
 */
export const turnoutFields = (round: Pick<Round, 'categories'>): Record<string, true> => ({
  'c.ballots': true,
  ...Object.fromEntries(round.categories.map((c) => [`c.categories.${c.id}.ballots`, true])),
})

/**
 * Ballots per target and channel, counted from the receipts: a ballot and its shard keep no channel
 * (see evaluate/cast.ts), and a receipt is written with its ballot, in one transaction, or not at
 * all. Receipts of spoiled or blank paper sheets name no channel, so only ballots count here.
 */
async function channelCounts(roundId: string): Promise<{ targetId: string; channelId: string; ballots: number }[]> {
  const _ = database().command
  const { data } = (await database()
    .collection('receipts')
    .aggregate()
    .match({ roundId, channelId: _.exists(true) })
    .group({ _id: { targetId: '$targetId', channelId: '$channelId' }, ballots: _.aggregate.sum(1) })
    .end()) as { data: { _id: { targetId: string; channelId: string }; ballots: number }[] }
  return data.map(({ _id, ballots }) => ({ ..._id, ballots }))
}

/** Distinct group chats that sent ballots, by the keyed hash their receipts keep. */
async function groupChats(roundId: string): Promise<number> {
  const _ = database().command
  const { data } = (await database().collection('receipts').aggregate().match({ roundId, groupKey: _.exists(true) }).group({ _id: '$groupKey' }).count('n').end()) as { data: { n: number }[] }
  return data[0]?.n ?? 0
}

/** Every document of `collection` in the round, `fields` only (CloudBase answers 1 000 at most a query). */
async function everyOf(collection: string, roundId: string, fields: Record<string, boolean>): Promise<unknown[]> {
  const all: unknown[] = []
  for (let offset = 0; ; offset += 1000) {
    const { data } = await database().collection(collection).where({ roundId }).field(fields).skip(offset).limit(1000).get()
    all.push(...data)
    if (data.length < 1000) return all
  }
}

/**
 * The pools' counters (written with their ballots) and the shards' (spoiled and blank paper sheets
 * as `x`, and the counters of rounds cast into before pools kept them), summed per target.
 */
async function shardSums(roundId: string, fields: Record<string, true>): Promise<Omit<RoundCounters, 'groupChats'>> {
  const byTarget = new Map<string, Counters>()
  const unusable = new Map<string, Unusable>()
  const [pools, shards] = await Promise.all([everyOf('ballots', roundId, { targetId: true, ...fields }), everyOf('counters', roundId, { targetId: true, x: true, ...fields })])
  for (const doc of [...pools, ...shards] as { targetId: string; c?: Counters; x?: Partial<Unusable> }[]) {
    byTarget.set(doc.targetId, mergeCounters(byTarget.get(doc.targetId) ?? emptyCounters(), { ...emptyCounters(), ...doc.c }))
    const was = unusable.get(doc.targetId) ?? NO_UNUSABLE
    unusable.set(doc.targetId, { spoiled: was.spoiled + (doc.x?.spoiled ?? 0), blank: was.blank + (doc.x?.blank ?? 0) })
  }
  return { byTarget, unusable }
}

/** Every pool and shard summed per target, with its channels from the receipts; `fields`: only those of `c` (see `turnoutFields`), else all of it. */
export async function roundCounters(roundId: string, fields: Record<string, true> = { c: true }): Promise<RoundCounters> {
  const [{ byTarget, unusable }, channels, groups] = await Promise.all([shardSums(roundId, fields), channelCounts(roundId), groupChats(roundId)])
  for (const { targetId, channelId, ballots } of channels) {
    const counters = byTarget.get(targetId) ?? emptyCounters()
    byTarget.set(targetId, mergeCounters(counters, { ...emptyCounters(), channels: { [channelId]: ballots } }))
  }
  return { byTarget, groupChats: groups, unusable }
}

export const totalBallots = (c: RoundCounters) => [...c.byTarget.values()].reduce((sum, t) => sum + t.ballots, 0)
