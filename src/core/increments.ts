/** @module increments — one ballot as flat dotted `$inc` paths for a counter-shard document. */
import type { ValidBallot } from './ballot'
import type { Round } from './round'

/**
 * Paths look like `ballots`, `overall.good`, `items.i3.fair`, `categories.unit.ballots`,
 * `categories.unit.items.i3.fair`, `opinions`, `channels.grid-7`. All segments are ids
 * that the schemas restrict to `[A-Za-z0-9_-]`, so they are safe MongoDB field names.
 * The ballot must have passed `validateBallot`; the category must belong to the round.
 */
export function counterIncrements(
  round: Round,
  categoryId: string,
  ballot: ValidBallot,
  channelId?: string,
): Record<string, number> {
  if (!round.categories.some((c) => c.id === categoryId)) {
    throw new Error(`category ${categoryId} is not part of round ${round.id}`)
  }
  if (channelId !== undefined && !round.channels.some((c) => c.id === channelId)) {
    throw new Error(`channel ${channelId} is not part of round ${round.id}`)
  }
  const category = `categories.${categoryId}`
  const incs: Record<string, number> = {
    ballots: 1,
    [`overall.${ballot.overall}`]: 1,
    [`${category}.ballots`]: 1,
    [`${category}.overall.${ballot.overall}`]: 1,
  }
  for (const [itemId, levelId] of Object.entries(ballot.items)) {
    incs[`items.${itemId}.${levelId}`] = 1
    incs[`${category}.items.${itemId}.${levelId}`] = 1
  }
  if (ballot.opinion) incs.opinions = 1
  if (channelId !== undefined) incs[`channels.${channelId}`] = 1
  return incs
}
