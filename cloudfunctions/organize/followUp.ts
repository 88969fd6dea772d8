/**
 * @module Follow-up rounds of a closed round for some of its targets — 返工补课 (000) and 活动延期 (004):
 * a draft copy with only those targets and their groups, reports empty, inserted once whoever starts it.
 */
import { domainError, inShanghaiWindow, Round, type Target } from '../../src/core'
import { refuse } from '../common/refuse'
import type { RoundDoc } from '../common/rounds'
import { insert } from './rounds'

/** The original's groups keeping only the targets' units (the lead passes to the first left when it is not one). */
function groupsOf(doc: RoundDoc, targets: readonly Target[]): Round['groups'] {
  const units = new Set(targets.map((t) => t.unitId))
  return doc.round.groups.flatMap((g) => {
    const unitIds = g.unitIds.filter((u) => units.has(u))
    return unitIds.length === 0 ? [] : [{ ...g, unitIds, leadUnitId: unitIds.includes(g.leadUnitId) ? g.leadUnitId : (unitIds[0] as string) }]
  })
}

/**
 * Inserts the copy under `id`; false when it is already there (another starter, or a retry after a
 * half-done start, inserted it first).
 */
export async function insertFollowUp(
  doc: RoundDoc,
  copy: { id: string; title: string; window: Round['window']; targets: readonly Target[] },
  link: Pick<RoundDoc, 'redoOf' | 'extensionOf'>,
): Promise<boolean> {
  const round = Round.safeParse({ ...doc.round, id: copy.id, title: copy.title, window: inShanghaiWindow(copy.window), state: 'draft', targets: copy.targets, groups: groupsOf(doc, copy.targets) })
  if (!round.success) refuse(domainError('ROUND_INVALID', round.error.issues[0]?.message))
  const { publishedAt: _p, redoRoundId: _r, version: _v, redoOf: _o, extensionOf: _e, ...source } = doc
  return insert({ ...source, _id: copy.id, round: round.data, reports: {}, ...link }).then(() => true, (e: unknown) => {
    if (e instanceof Error && e.message === 'ROUND_ID_TAKEN') return false
    throw e
  })
}
