/**
 * @module 返工补课前后: a redo round's targets beside their result in the round it redoes, shown on
 * either round; an extension round's (活动延期) likewise, on the extension. Only targets the caller sees in both are set side by side, and only once the redo
 * round is open (a draft has no figures).
 */
import type { RedoComparison } from '../../src/api/report'
import type { Target } from '../../src/core'
import { roundFigures, type RoundFigures } from '../common/results'
import type { Authority } from '../common/roles'
import { loadRound, type RoundDoc } from '../common/rounds'
import { seesTarget } from './access'
import { badges } from './views'

async function linked(roundId: string | undefined): Promise<RoundDoc | null> {
  return roundId ? loadRound(roundId).catch(() => null) : null
}

export async function beforeAndAfter(auth: Authority, doc: RoundDoc, figures: RoundFigures, shown: readonly Target[], now: Date): Promise<RedoComparison | null> {
  // An extension round (004) sits beside the round it extends as a redo round beside the one it redoes.
  const [of, redone] = await Promise.all([linked(doc.redoOf ?? doc.extensionOf), linked(doc.redoRoundId)])
  if (!of && !redone) return null
  const original = of ? { doc: of, figures: await roundFigures(of, now) } : { doc, figures }
  const redo = redone ? { doc: redone, figures: redone.round.state === 'draft' ? null : await roundFigures(redone, now) } : { doc, figures }
  const rows = redo.figures === null ? [] : shown.flatMap((t) => {
    const was = original.figures.byTarget.get(t.id)?.result
    const is = redo.figures?.byTarget.get(t.id)?.result
    if (!was || !is || !seesTarget(auth, original.doc.round, t) || !seesTarget(auth, redo.doc.round, t)) return []
    return [{ targetId: t.id, name: t.name, before: was.headline.satisfaction, beforeBadges: badges(was), after: is.headline.satisfaction, afterBadges: badges(is) }]
  })
  return {
    kind: doc.extensionOf ? 'extension' : 'redo',
    of: of && { roundId: of._id, title: of.round.title },
    round: redone && { roundId: redone._id, title: redone.round.title },
    rows,
  }
}
