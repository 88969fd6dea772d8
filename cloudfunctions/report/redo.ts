/**
 * @module 返工补课前后: a redo round's targets beside their result in the round it redoes, and the
 * original's link to its redo round. Only targets the caller sees in both rounds are set side by side.
 */
import type { RedoComparison } from '../../src/api/report'
import type { Target } from '../../src/core'
import { roundFigures, type RoundFigures } from '../common/results'
import type { Authority } from '../common/roles'
import { loadRound, type RoundDoc } from '../common/rounds'
import { seesTarget } from './access'
import { badges } from './views'

async function titled(roundId: string | undefined): Promise<RoundDoc | null> {
  return roundId ? loadRound(roundId).catch(() => null) : null
}

export async function beforeAndAfter(auth: Authority, doc: RoundDoc, figures: RoundFigures, shown: readonly Target[], now: Date): Promise<RedoComparison | null> {
  const [original, redo] = await Promise.all([titled(doc.redoOf), titled(doc.redoRoundId)])
  if (!original && !redo) return null
  const before = original ? await roundFigures(original, now) : null
  const rows = shown.flatMap((t) => {
    const was = before?.byTarget.get(t.id)?.result
    const is = figures.byTarget.get(t.id)?.result
    if (!original || !was || !is || !seesTarget(auth, original.round, t)) return []
    return [{ targetId: t.id, name: t.name, before: was.headline.satisfaction, beforeBadges: badges(was), after: is.headline.satisfaction, afterBadges: badges(is) }]
  })
  return {
    of: original && { roundId: original._id, title: original.round.title },
    round: redo && { roundId: redo._id, title: redo.round.title },
    rows,
  }
}
