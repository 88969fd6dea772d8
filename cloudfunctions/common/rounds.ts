/** @module Stored rounds: the domain's Round plus what residents are shown around it. */
import { z } from 'zod'
import { domainError, Id, IsoDateTime, Round } from '../../src/core'
import { apiError } from '../../src/api'
import type { RoleName } from '../../src/api/organize'
import { database } from './cloudbase'
import { refuse } from './refuse'
import { type Authority, missing } from './roles'
import { Refusal } from './router'

export const RoundDoc = z.object({
  _id: Id,
  round: Round,
  /** Shown before voting: what the round is for, in the organiser's words. */
  intro: z.string().max(5000),
  /** The unit whose organisers own the round. */
  ownerUnitId: Id,
  /**
   * Each target's self-report (seed 000: 情况报告); residents see it once an organiser approved it.
   * `revision` counts its writes (absent: never rewritten), so an approval names the text it read.
   */
  /** `writtenBy`: a keyed hash of who wrote the text (`reportWriter`), who may not approve it. */
  reports: z.record(Id, z.object({ text: z.string().max(20000), approved: z.boolean(), revision: z.number().int().nonnegative().optional(), writtenBy: z.string().optional() })),
  /** Counter shards per target; more shards, fewer write conflicts among concurrent voters. */
  shards: z.number().int().min(1).max(256),
  /** Display names of the units evaluators may declare. */
  unitNames: z.record(Id, z.string()),
  /** When the results were published (Shanghai time), shown to residents beside them; absent until then. */
  publishedAt: IsoDateTime.optional(),
  /**
   * Bumped by every write, which is conditional on the version it read: an edit computed on a
   * stale read is redone, never written over a newer round (a close, another edit). Absent on
   * rounds stored before versions.
   */
  version: z.number().int().nonnegative().optional(),
  /** 返工补课评议: the round this one redoes for its failing targets. */
  redoOf: Id.optional(),
  /** The redo round started from this one (one per round). */
  redoRoundId: Id.optional(),
  /** 活动延期: the round whose confirmed extend-round verdict this one continues, for that target alone. */
  extensionOf: Id.optional(),
})
export type RoundDoc = z.infer<typeof RoundDoc>

/** Who asks for a round, and which of their roles would reach it: what an unknown id is answered with depends on it. */
export interface Asker {
  auth: Authority
  allowed: readonly RoleName[]
}

/**
 * The stored round. An id naming none is ROUND_NOT_FOUND to residents (no `asker`); to a role
 * holder only if their role would reach a round anywhere, FORBIDDEN otherwise (see `missing`).
 */
export async function loadRound(roundId: string, asker?: Asker): Promise<RoundDoc> {
  const { data } = await database().collection('rounds').doc(roundId).get()
  if (!data[0]) asker ? missing(asker.auth, asker.allowed, domainError('ROUND_NOT_FOUND')) : refuse(domainError('ROUND_NOT_FOUND'))
  return RoundDoc.parse(data[0])
}

/** A change of a round computed from the round as it is now; it may refuse. */
export type RoundChange = (doc: RoundDoc) => RoundDoc | Promise<RoundDoc>

/** Organisers' edits are few; a burst of them still settles within a few seconds of doubling, jittered pauses. */
const ATTEMPTS = 12
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 5 * 2 ** attempt)))

/**
 * Reads the round, applies `change` and writes the result only if no other write came between;
 * otherwise reads again and recomputes, so the change's checks (state, targets) judge what is
 * stored. Answers the round as read by the attempt that was written, and as written.
 */
export async function changeRound(roundId: string, change: RoundChange, asker?: Asker): Promise<{ before: RoundDoc; after: RoundDoc }> {
  const _ = database().command
  for (let attempt = 1; ; attempt++) {
    const before = await loadRound(roundId, asker)
    const { _id, version, ...rest } = RoundDoc.parse({ ...(await change(before)), _id: before._id, version: before.version })
    // Each field replaced whole: a plain object would be merged into the stored one.
    const fields = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, _.set(v)]))
    const { updated } = (await database()
      .collection('rounds')
      .where({ _id, version: version ?? _.exists(false) })
      .update({ ...fields, version: (version ?? 0) + 1 })) as { updated: number }
    if (updated) return { before, after: { ...rest, _id, version: (version ?? 0) + 1 } }
    if (attempt >= ATTEMPTS) throw new Refusal(apiError('BUSY'))
    await pause(attempt)
  }
}
