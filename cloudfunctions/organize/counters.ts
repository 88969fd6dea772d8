/** @module A round's counters, shards merged: what participation figures are read from. */
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
 * The fields of a shard that participation is counted from (core `turnoutOf`): ballots in all and
 * per category; not the ratings, a shard's bulk. Channels and group chats come from the receipts.
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

async function shardSums(roundId: string, fields: Record<string, true>): Promise<Omit<RoundCounters, 'groupChats'>> {
  const byTarget = new Map<string, Counters>()
  const unusable = new Map<string, Unusable>()
  for (let offset = 0; ; offset += 1000) {
    const { data } = await database().collection('counters').where({ roundId }).field({ targetId: true, x: true, ...fields }).skip(offset).limit(1000).get()
    for (const shard of data as { targetId: string; c: Counters; x?: Partial<Unusable> }[]) {
      byTarget.set(shard.targetId, mergeCounters(byTarget.get(shard.targetId) ?? emptyCounters(), { ...emptyCounters(), ...shard.c }))
      const was = unusable.get(shard.targetId) ?? NO_UNUSABLE
      unusable.set(shard.targetId, { spoiled: was.spoiled + (shard.x?.spoiled ?? 0), blank: was.blank + (shard.x?.blank ?? 0) })
    }
    if (data.length < 1000) return { byTarget, unusable }
  }
}

/** Every shard summed per target, with its channels from the receipts; `fields`: only those of `c` (see `turnoutFields`), else all of it. */
export async function roundCounters(roundId: string, fields: Record<string, true> = { c: true }): Promise<RoundCounters> {
  const [{ byTarget, unusable }, channels, groups] = await Promise.all([shardSums(roundId, fields), channelCounts(roundId), groupChats(roundId)])
  for (const { targetId, channelId, ballots } of channels) {
    const counters = byTarget.get(targetId) ?? emptyCounters()
    byTarget.set(targetId, mergeCounters(counters, { ...emptyCounters(), channels: { [channelId]: ballots } }))
  }
  return { byTarget, groupChats: groups, unusable }
}

export const totalBallots = (c: RoundCounters) => [...c.byTarget.values()].reduce((sum, t) => sum + t.ballots, 0)
