/**
 * @module 活动延期 (seed 004: 对群众评议结果特别差……的干部，活动延期2个月，深入查摆整改). Once a target's
 * extend-round verdict is 已认定, its evaluation goes on in an extension round for that target alone,
 * linked to the original (`extensionOf`), its window from the confirmation to the extended close (the
 * original's close plus the months). The original stays closed and sealed, so the figures the verdict was
 * confirmed on never move and no ballot lands after its seal; the target takes ballots again only in
 * the extension — a round of its own, with its own one-ballot-per-identity key and its own seal. It is
 * created as a draft, opened by the organisers as any round (roster and codes as the template asks).
 */
import type { RoundVerdicts } from '../../src/api/organize'
import type { Target } from '../../src/core'
import { audit } from '../common/audit'
import { database } from '../common/cloudbase'
import { keyedHash } from '../common/keyed'
import type { RoundFigures } from '../common/results'
import type { RoundDoc } from '../common/rounds'
import { insertFollowUp } from './followUp'

/** One extension per round and target, its id derived from both: two confirmations at once make one round. */
export const extensionId = (roundId: string, targetId: string) => `x${keyedHash('extension', roundId, targetId).slice(0, 12)}`

/** The end of the target's extended window, where an extend-round verdict of it stands confirmed. */
const extendedUntil = (figures: RoundFigures, target: Target) =>
  figures.byTarget.get(target.id)?.result.verdicts.verdicts.map((v) => v.standing?.extendedUntil ?? null).find((u) => u !== null) ?? null

export async function extensionsOf(doc: RoundDoc, figures: RoundFigures, shown: readonly Target[]): Promise<RoundVerdicts['extensions']> {
  const extended = shown.flatMap((t) => {
    const until = extendedUntil(figures, t)
    return until ? [{ target: t, until }] : []
  })
  return Promise.all(extended.map(async ({ target, until }) => {
    const id = extensionId(doc._id, target.id)
    const { data } = await database().collection('rounds').doc(id).get()
    return { targetId: target.id, targetName: target.name, until, roundId: data[0] ? id : null }
  }))
}

/**
 * Makes the extension round of every target whose extension stands and has none yet; run after each
 * verdict step (a replayed step too), so a confirmation whose round creation failed halfway is completed.
 * An extended window already over by now opens nothing.
 */
export async function ensureExtensions(doc: RoundDoc, figures: RoundFigures, openid: string, now: Date): Promise<void> {
  for (const target of doc.round.targets) {
    const until = extendedUntil(figures, target)
    if (!until || Date.parse(until) <= now.getTime()) continue
    const id = extensionId(doc._id, target.id)
    if ((await database().collection('rounds').doc(id).get()).data[0]) continue
    const window = { opensAt: now.toISOString(), closesAt: until }
    if (await insertFollowUp(doc, { id, title: `${doc.round.title}（${target.name}延期评议）`, window, targets: [target] }, { extensionOf: doc._id })) {
      await audit(openid, { action: 'extendRound', subject: id, unitId: doc.ownerUnitId, before: { from: doc._id }, after: { targetId: target.id, closesAt: until } }, now)
    }
  }
}
