/**
 * @module A leader's landing: the rounds reaching into their scope, what needs attention, and a
 * roll-up per child unit to drill down 区 → 街道 → 社区 → 网格.
 */
import type { AttentionItem, Dashboard, DashboardRound, UnitRollup } from '../../src/api/report'
import { categoryName, expectedTurnout, pooledSatisfaction, rate, roundStatus, STATUS_LABELS, type Target, type TargetResult } from '../../src/core'
import { database } from '../common/cloudbase'
import { roundFigures, type RoundFigures } from '../common/results'
import { type Authority, forbidden, unitNameOf } from '../common/roles'
import { RoundDoc } from '../common/rounds'
import { isWithin, type Unit } from '../common/units'
import { followsProgress, seesTarget, WATCH } from './access'
import { badges, resultsNotice } from './views'

interface Scope {
  unit: Unit | null
  /** null for a whole-tree grant. */
  id: string | null
}

/** Without a unit asked for: the highest unit where the caller watches. */
function defaultScope(auth: Authority): Scope {
  const held = auth.roles.filter((r) => WATCH.includes(r.role))
  const inTree = held.map((r) => ({ id: r.unitId, unit: auth.units.find((u) => u.id === r.unitId) ?? null }))
  const whole = inTree.find((s) => s.unit === null)
  if (whole) return whole
  const depth = (unitId: string | null) => auth.units.filter((u) => unitId !== null && isWithin(auth.units, unitId, u.id)).length
  const top = inTree.sort((a, b) => depth(a.id) - depth(b.id))[0]
  if (!top) throw forbidden()
  return top
}

function scopeOf(auth: Authority, unitId: string | undefined): Scope {
  if (unitId === undefined) return defaultScope(auth)
  const unit = auth.units.find((u) => u.id === unitId)
  if (!unit || !auth.covers(WATCH, unitId)) throw forbidden()
  return { id: unitId, unit }
}

const within = (auth: Authority, scope: Scope, unitId: string) => scope.unit === null || isWithin(auth.units, unitId, scope.unit.id)

const pooled = (results: readonly TargetResult[]) => pooledSatisfaction(results.map((r) => r.breakdown.overall))

function attentionOf(doc: RoundDoc, figures: RoundFigures, targets: readonly Target[]): AttentionItem[] {
  const items: AttentionItem[] = []
  const base = (t: Target) => ({ roundId: doc._id, roundTitle: doc.round.title, targetId: t.id, targetName: t.name, unitId: t.unitId })
  for (const t of targets) {
    const result = figures.byTarget.get(t.id)?.result
    if (!result) continue
    for (const v of result.verdicts.verdicts) items.push({ ...base(t), kind: 'verdict', label: v.ruleName, explanation: `${v.explanation}（${v.standing?.words ?? '拟认定'}）` })
    if (result.sample.required > 0 && !result.sample.met && doc.round.state !== 'open') {
      items.push({ ...base(t), kind: 'sample', label: '样本不足', explanation: `收到 ${result.sample.ballots} 份，少于规定的 ${result.sample.required} 份，结果仅供参考` })
    }
    for (const c of result.compliance.filter((x) => x.quota && !x.quota.met)) {
      const name = categoryName(doc.round, c.categoryId)
      items.push({ ...base(t), kind: 'quota', label: '比例未达标', explanation: `${name}的比例未达到规定要求` })
    }
    for (const b of figures.bursts.filter((x) => x.targetId === t.id)) {
      items.push({ ...base(t), kind: 'burst', label: '集中提交', explanation: `10 分钟内经同一渠道收到 ${b.ballots} 份评价，该渠道的评价中有 ${b.identicalBallots} 份完全相同，请核查` })
    }
    const m = figures.mismatch?.find((x) => x.targetId === t.id)
    if (m) items.push({ ...base(t), kind: 'mismatch', label: '计票核对不一致', explanation: `计数器 ${m.counted} 份，逐票复核 ${m.recounted} 份` })
  }
  return items
}

/** Null when no target has an expected count, so "0 expected" is never shown. */
function sumExpected(rows: readonly { expected: number | null }[]): number | null {
  return rows.some((r) => r.expected !== null) ? rows.reduce((n, r) => n + (r.expected ?? 0), 0) : null
}

/** A round in the leader's scope: its targets there, and whether only their participation may be shown. */
interface Shown {
  doc: RoundDoc
  figures: RoundFigures
  targets: Target[]
  progressOnly: boolean
}

const NO_RATE = rate(0, 0)
const resultOf = (figures: RoundFigures, t: Target) => figures.byTarget.get(t.id)?.result as TargetResult

function roundRow({ doc, figures, targets, progressOnly }: Shown): DashboardRound {
  const expected = expectedTurnout(doc.round)
  const rows = targets.map((t) => {
    const result = resultOf(figures, t)
    const content = progressOnly ? { satisfaction: NO_RATE, badges: [] } : { satisfaction: result.headline.satisfaction, badges: badges(result) }
    return { targetId: t.id, name: t.name, unitId: t.unitId, ballots: result.ballots, expected: expected.of(t.id), ...content }
  })
  return {
    id: doc._id,
    title: doc.round.title,
    state: doc.round.state,
    stateLabel: STATUS_LABELS[roundStatus(doc.round, figures.computedAt)],
    window: doc.round.window,
    status: figures.basis === 'stored' && rows.every((r) => figures.byTarget.get(r.targetId)?.result.status === 'final') ? 'final' : 'provisional',
    basis: figures.basis,
    ballots: rows.reduce((n, r) => n + r.ballots, 0),
    expected: sumExpected(rows),
    satisfaction: progressOnly ? NO_RATE : pooled(targets.map((t) => resultOf(figures, t))),
    resultsNotice: progressOnly ? resultsNotice(doc.round) : null,
    today: figures.today,
    targets: rows,
  }
}

/**
 * A child unit's figures over the rounds shown; null when no target of theirs lies in its subtree
 * (a grid beside its branches is no target: listed, it would read as "did not take part").
 */
function rollup(auth: Authority, child: Unit, shown: readonly Shown[]): UnitRollup | null {
  const inChild = shown.map((s) => ({ ...s, targets: s.targets.filter((t) => isWithin(auth.units, t.unitId, child.id)) })).filter((s) => s.targets.length > 0)
  if (inChild.length === 0) return null
  const results = inChild.filter((s) => !s.progressOnly).flatMap(({ figures, targets }) => targets.map((t) => resultOf(figures, t)))
  const ballots = inChild.reduce((n, { figures, targets }) => n + targets.reduce((m, t) => m + resultOf(figures, t).ballots, 0), 0)
  return {
    unitId: child.id,
    name: child.name,
    kind: child.kind,
    hasChildren: auth.units.some((u) => u.parentId === child.id),
    ballots,
    expected: sumExpected(inChild.flatMap(({ doc, targets }) => targets.map((t) => ({ expected: expectedTurnout(doc.round).of(t.id) })))),
    satisfaction: pooled(results),
    targetsWithVerdict: results.filter((r) => r.verdicts.verdicts.length > 0).length,
    note: results.length === 0 ? '评议结束后可以查看满意率，现在显示参评进度' : null,
  }
}

function totals(rounds: readonly DashboardRound[]): Dashboard['totals'] {
  const everyExpected = rounds.length > 0 && rounds.every((r) => r.expected !== null)
  return {
    today: rounds.reduce((n, r) => n + r.today, 0),
    ballots: rounds.reduce((n, r) => n + r.ballots, 0),
    expected: everyExpected ? rounds.reduce((n, r) => n + (r.expected ?? 0), 0) : null,
  }
}

/** `rounds` newest first; a round whose results are not visible yet has no point. */
const trend = (rounds: readonly DashboardRound[]): Dashboard['trend'] =>
  rounds.filter((r) => r.resultsNotice === null).reverse().map((r) => ({ roundId: r.id, title: r.title, satisfaction: r.satisfaction }))

export async function dashboard(auth: Authority, unitId: string | undefined, now: Date): Promise<Dashboard> {
  const scope = scopeOf(auth, unitId)
  const { data } = await database().collection('rounds').limit(1000).get()
  const shown: Shown[] = []
  for (const doc of (data as unknown[]).map((d) => RoundDoc.parse(d))) {
    if (doc.round.state === 'draft' || doc.round.state === 'archived') continue
    const inScope = doc.round.targets.filter((t) => within(auth, scope, t.unitId))
    const targets = inScope.filter((t) => seesTarget(auth, doc.round, t))
    // A leader who may not see a round's results yet follows its participation instead.
    const progressOnly = targets.length === 0
    const list = progressOnly ? inScope.filter((t) => followsProgress(auth, doc.round, t)) : targets
    if (list.length > 0) shown.push({ doc, targets: list, figures: await roundFigures(doc, now), progressOnly })
  }
  shown.sort((a, b) => b.doc.round.window.opensAt.localeCompare(a.doc.round.window.opensAt))
  const content = shown.filter((s) => !s.progressOnly)
  const childUnits = auth.units.filter((u) => (scope.unit ? u.parentId === scope.unit.id : u.parentId === null))
  const children = childUnits.map((child) => rollup(auth, child, shown)).filter((c): c is UnitRollup => c !== null)
  const trail = scope.unit ? [...auth.units.filter((u) => scope.unit && isWithin(auth.units, scope.unit.id, u.id) && auth.covers(WATCH, u.id))] : []
  trail.sort((a, b) => (isWithin(auth.units, b.id, a.id) ? -1 : 1))
  const rounds = shown.map(roundRow)
  return {
    scope: { unitId: scope.id, name: scope.unit?.name ?? unitNameOf(auth.units, scope.id), kind: scope.unit?.kind ?? null },
    trail: trail.map((u) => ({ unitId: u.id, name: u.name })),
    computedAt: now.toISOString(),
    satisfaction: pooled(content.flatMap(({ figures, targets }) => targets.map((t) => resultOf(figures, t)))),
    totals: totals(rounds),
    trend: trend(rounds),
    rounds,
    attention: content.flatMap(({ doc, figures, targets }) => attentionOf(doc, figures, targets)),
    children,
    notices: shown.length === 0 ? ['您管辖范围内暂无可查看的评议'] : [],
  }
}
