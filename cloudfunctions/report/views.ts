/** @module The pages' shapes built from a round's figures: headers, target views, legends, badges and the Chinese notices. */
import type { Badge, Legend, RoundHeader, RoundResults, TargetView } from '../../src/api/report'
import { categoryName, type Counters, type Effect, expectedTurnout, inShanghai, lastStretchFrom, LIVE_CATEGORIES, participation, type RankEntry, rankGroup, type Round, roundStatus, STATUS_LABELS, type Target, type TargetResult, toPercent, type Verdict } from '../../src/core'
import type { RoundFigures } from '../common/results'
import type { RoundDoc } from '../common/rounds'

function badgeOf(effect: Effect): Badge | null {
  switch (effect.kind) {
    case 'redo': return { label: '返工补课', kind: 'redo' }
    case 'rectify': return { label: '整改', kind: 'rectify' }
    case 'annual-rating': return { label: effect.rating, kind: effect.rating === '不称职' ? 'unfit' : 'basic' }
    case 'no-awards': return { label: '不得评先评优', kind: 'no-awards' }
    case 'warning-talk': return { label: '诫勉谈话', kind: 'talk' }
    case 'criticism': return { label: '通报批评', kind: 'criticism' }
    case 'extend-round': return null
  }
}

const badgesOf = (effects: readonly Effect[]): Badge[] => effects.map(badgeOf).filter((b): b is Badge => b !== null)

/** A set-aside verdict brings no badge (it carries no consequence); the others say whether they stand yet, 已认定 first. */
export function badges(result: TargetResult): Badge[] {
  const standing = result.verdicts.verdicts.filter((v) => v.standing?.state !== 'set-aside')
  const all = [...standing].sort((a, b) => Number(b.standing?.binding ?? false) - Number(a.standing?.binding ?? false))
    .flatMap((v) => badgesOf(v.effects).map((b) => ({ ...b, standing: v.standing?.label ?? '拟认定' })))
  return all.filter((b, i) => all.findIndex((o) => o.label === b.label) === i)
}

/** A fired rule as a printed table names it: the rule, the verdict words (返工补课, 整改…) it brings, and whether they stand and by whom. */
export function verdictLine(v: Verdict): string {
  const words = badgesOf(v.effects).map((b) => b.label)
  return `${v.ruleName}：${words.length > 0 ? words.join('、') : v.consequence}${v.standing ? `（${v.standing.words}）` : ''}`
}

export function targetNotices(round: Round, result: TargetResult): string[] {
  const notes: string[] = []
  // With no figures, the verdict's reason is why (see `pending`); with figures behind, both are said.
  if (result.ballots === 0) notes.push('暂无评价')
  else if (result.verdicts.undetermined) notes.push(result.verdicts.undetermined)
  if (result.counted > 0 && result.pending) notes.push(result.pending)
  for (const v of result.verdicts.verdicts) if (v.standing?.state === 'set-aside') notes.push(`「${v.ruleName}」${v.standing.words}`)
  if (result.sample.required > 0 && !result.sample.met) notes.push(`样本不足 ${result.sample.required} 份，结果仅供参考`)
  if (result.categories.some((c) => c.suppressed && c.reason !== LIVE_CATEGORIES)) notes.push(`不足 ${round.kSuppression} 份的分类不予显示`)
  for (const c of result.compliance) {
    const name = categoryName(round, c.categoryId)
    if (!c.expectedMet && c.expected !== null) notes.push(`${name}应不少于 ${c.expected} 人，目前 ${c.ballots} 人`)
    if (c.quota && !c.quota.met) notes.push(`${name}比例未达到规定要求`)
  }
  return notes
}

export function roundNotices(figures: RoundFigures, state: Round['state']): string[] {
  const notes: string[] = []
  if (state === 'open') notes.push(`评议进行中，以下为初步结果，仅供参考；为保护参评人员匿名，结果每新增满 ${figures.round.kSuppression} 份评价更新一次，参评人数每分钟更新一次`)
  if (state === 'open' && Date.parse(figures.computedAt) >= lastStretchFrom(figures.round).getTime()) notes.push('临近评议结束，结果暂停更新，评议结束后显示最终结果')
  if (state === 'closed') notes.push(figures.basis === 'stored' ? '评议已结束，结果已封存，待公布' : '评议已结束，正在封存结果')
  if (figures.mismatch) notes.push('计票核对不一致，结果暂不能公布，请联系管理员核查')
  return notes
}

export function header(doc: RoundDoc, figures: RoundFigures, shown: readonly Target[]): RoundHeader {
  const { round } = doc
  const final = figures.basis === 'stored' && shown.every((t) => figures.byTarget.get(t.id)?.result.status === 'final')
  return {
    id: doc._id,
    title: round.title,
    state: round.state,
    // As of the figures (at most seconds old while open): 尚未开始 before the window, as residents are told.
    stateLabel: STATUS_LABELS[roundStatus(round, figures.computedAt)],
    window: round.window,
    ownerUnitId: doc.ownerUnitId,
    procedure: round.procedure,
    basis: figures.basis,
    status: final ? 'final' : 'provisional',
    computedAt: figures.computedAt,
    mismatch: figures.mismatch,
    notices: roundNotices(figures, round.state),
    resultsNotice: null,
  }
}

const unusableOf = (figures: RoundFigures) => new Map([...figures.byTarget].map(([id, f]) => [id, f.unusable]))

/** When a leader of a round without live results will see them, in plain words. */
export function resultsNotice(round: Round): string {
  return `本次评议不公开实时结果，${inShanghai(round.window.closesAt).format('M月D日 HH:mm')}评议结束后可以查看满意率和认定结果；现在显示的是参评进度。`
}

/**
 * A leader's view of a round whose results they may not see yet (see `followsProgress`): the
 * participation of their targets against the expected counts, and when results will be visible.
 */
export function roundProgress(doc: RoundDoc, figures: RoundFigures, followed: readonly Target[]): RoundResults {
  const turnout = new Map(followed.map((t) => [t.id, figures.byTarget.get(t.id)?.turnout]).filter((e): e is [string, Counters] => e[1] !== undefined))
  return {
    round: { ...header(doc, figures, followed), status: 'provisional', notices: [], resultsNotice: resultsNotice(doc.round) },
    legend: legend(figures.round),
    targets: [],
    groups: [],
    ranking: [],
    participation: { ...participation(figures.round, turnout, followed, unusableOf(figures)), groupChats: figures.groupChats, voters: null },
  }
}

export function legend(round: Round): Legend {
  return {
    levels: round.template.scale.levels.map(({ id, label, class: cls, score }) => ({ id, label, class: cls, score })),
    overallLabel: round.template.overall.label,
    sections: round.template.sections.map((s) => ({ id: s.id, title: s.title, items: s.items.map(({ id, label }) => ({ id, label })) })),
    categories: round.categories.map(({ id, name }) => ({ id, name })),
    thresholds: round.rules.flatMap((r) =>
      r.conditions.filter((c) => c.metric !== 'mean-score').map((c) => ({ ruleId: r.id, ruleName: r.name, metric: c.metric, value: c.threshold, percent: toPercent(c.threshold) })),
    ),
  }
}

/** The whole round as one group: the round-wide ranking reuses the core's group ranking. */
function roundRanking(round: Round, counters: Record<string, Counters>): RankEntry[] {
  const unitIds = [...new Set(round.targets.map((t) => t.unitId))]
  if (unitIds.length === 0) return []
  const whole = { ...round, groups: [{ id: '*', name: '全部', leadUnitId: unitIds[0] as string, unitIds }] }
  return rankGroup(whole, '*', counters)
}

export function rankings(figures: RoundFigures) {
  const { round } = figures
  const counters = Object.fromEntries([...figures.byTarget].map(([id, f]) => [id, f.content]))
  return {
    groups: round.groups.map((g) => ({ id: g.id, name: g.name, ranking: rankGroup(round, g.id, counters) })),
    ranking: roundRanking(round, counters),
  }
}

export function targetView(doc: RoundDoc, figures: RoundFigures, target: Target, ranks: ReturnType<typeof rankings>): TargetView {
  const { round } = figures
  const result = figures.byTarget.get(target.id)?.result as TargetResult
  const group = round.groups.find((g) => g.unitIds.includes(target.unitId)) ?? null
  return {
    targetId: target.id,
    name: target.name,
    kind: target.kind,
    unitId: target.unitId,
    unitName: Object.hasOwn(doc.unitNames, target.unitId) ? (doc.unitNames[target.unitId] as string) : target.unitId,
    groupId: group?.id ?? null,
    result,
    badges: badges(result),
    rankInGroup: (group && ranks.groups.find((g) => g.id === group.id)?.ranking.find((e) => e.targetId === target.id)?.rank) ?? null,
    rankInRound: ranks.ranking.find((e) => e.targetId === target.id)?.rank ?? null,
    expected: expectedTurnout(round).of(target.id),
    notices: targetNotices(round, result),
  }
}

/** Rankings keep their ranks but list only the targets the caller may see. */
export function roundResults(doc: RoundDoc, figures: RoundFigures, shown: readonly Target[], voters: number | null = null): RoundResults {
  const ids = new Set(shown.map((t) => t.id))
  const ranks = rankings(figures)
  const only = (entries: RankEntry[]) => entries.filter((e) => ids.has(e.targetId))
  const turnout = new Map([...figures.byTarget].filter(([id]) => ids.has(id)).map(([id, f]) => [id, f.turnout]))
  return {
    round: header(doc, figures, shown),
    legend: legend(figures.round),
    targets: shown.map((t) => targetView(doc, figures, t, ranks)),
    groups: ranks.groups.map((g) => ({ ...g, ranking: only(g.ranking) })).filter((g) => g.ranking.length > 0),
    ranking: only(ranks.ranking),
    participation: { ...participation(figures.round, turnout, shown, unusableOf(figures)), groupChats: figures.groupChats, voters },
  }
}
