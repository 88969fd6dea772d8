/**
 * @module What the Excel 统计表 and the PDF report print from: the round's results as the caller may
 * see them, the counters behind the distributions, and the words a printed page needs around them —
 * the host unit, each target's 所属单位, the date printed and a file name a person would give.
 */
import type { RoundResults, TargetView } from '../../src/api/report'
import { channelKind, type Counters, formatShanghai, inShanghai, NO_UNUSABLE, ownEntry, type Round, type Target, type Unusable } from '../../src/core'
import { roundFigures } from '../common/results'
import type { Authority } from '../common/roles'
import { loadRound, type RoundDoc } from '../common/rounds'
import { ANY_ROLE, visibleTarget, visibleTargets } from './access'
import { roundResults } from './views'

export interface Printed {
  doc: RoundDoc
  /** The round as its figures were judged (a closed round's stored template and rules). */
  round: Round
  results: RoundResults
  counters: (targetId: string) => Counters | undefined
  /** The unit holding the round (主办单位), which signs the report. */
  issuer: string
  /** The unit a target belongs to: a unit's parent, a person's or team's own unit. */
  belongsTo: (t: TargetView) => string | null
  /** A person's 职务, which tells two 王伟 of one branch apart; null for units and teams. */
  position: (t: TargetView) => string | null
  /**
   * A target's 废票 and 空白票 (paper sheets that carry no ballot), printed beside its ballots and never in
   * a rate; null when the round takes no paper, so a round without paper prints no column of zeros.
   */
  unusable: ((targetId: string) => Unusable) | null
  printedAt: Date
}

export async function printed(auth: Authority, roundId: string, targetId: string | undefined, now: Date): Promise<Printed> {
  const doc = await loadRound(roundId, { auth, allowed: ANY_ROLE })
  const shown: Target[] = targetId ? [visibleTarget(auth, doc, targetId)] : visibleTargets(auth, doc)
  const figures = await roundFigures(doc, now)
  // The caller's authority already holds the whole unit tree.
  const byId = new Map(auth.units.map((u) => [u.id, u]))
  const nameOf = (id: string | null | undefined) => (id ? (byId.get(id)?.name ?? ownEntry(doc.unitNames, id) ?? null) : null)
  const results = roundResults(doc, figures, shown)
  const takesPaper = figures.round.channels.some((c) => channelKind(c) === 'paper')
  return {
    doc,
    round: figures.round,
    results,
    counters: (id) => figures.byTarget.get(id)?.content,
    issuer: nameOf(doc.ownerUnitId) ?? doc.ownerUnitId,
    belongsTo: (t) => (t.kind === 'unit' ? nameOf(byId.get(t.unitId)?.parentId) : t.unitName),
    position: (t) => doc.round.targets.find((r) => r.id === t.targetId)?.position ?? null,
    unusable: takesPaper ? (id) => results.participation.targets.find((t) => t.id === id) ?? NO_UNUSABLE : null,
    printedAt: now,
  }
}

/** "2026年12月4日", as a 落款 is dated. */
export const printedDate = (at: Date) => inShanghai(at).format('YYYY年M月D日')

/** "2026-12-01 08:00 至 2026-12-08 18:00", Beijing time. */
export const windowText = ({ opensAt, closesAt }: { opensAt: string; closesAt: string }) => `${formatShanghai(opensAt)} 至 ${formatShanghai(closesAt)}`

export const statusText = (status: 'provisional' | 'final') => (status === 'final' ? '最终结果' : '初步结果')

/**
 * 评议名-统计表-2026-12-04.xlsx: what a person would call the file. Characters a file system
 * refuses become spaces, so a round named 上/下半年 still saves.
 */
export function fileName(parts: readonly string[], at: Date, extension: string): string {
  const safe = parts.map((p) => p.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim()).filter((p) => p.length > 0)
  return `${[...safe, inShanghai(at).format('YYYY-MM-DD')].join('-')}.${extension}`
}
