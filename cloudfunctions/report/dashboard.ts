/**
 * @module A leader's landing: the rounds reaching into their scope, what needs attention, and a
 * roll-up per child unit to drill down 区 → 街道 → 社区 → 网格.
 */
import type { AttentionItem, Dashboard, DashboardRound, UnitRollup } from '../../src/api/report'
import { categoryName, expectedTurnout, pooledSatisfaction, STATE_LABELS, type Target, type TargetResult } from '../../src/core'
import { database } from '../common/cloudbase'
import { roundFigures, type RoundFigures } from '../common/results'
import { type Authority, forbidden, unitNameOf } from '../common/roles'
import { RoundDoc } from '../common/rounds'
import { isWithin, type Unit } from '../common/units'
import { seesTarget, WATCH } from './access'
import { badges } from './views'

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
    for (const v of result.verdicts.verdicts) items.push({ ...base(t), kind: 'verdict', label: v.ruleName, explanation: v.explanation })
    if (result.sample.required > 0 && !result.sample.met && doc.round.state !== 'open') {
      items.push({ ...base(t), kind: 'sample', label: '样本不足', explanation: `收到 ${result.sample.ballots} 份，少于规定的 ${result.sample.required} 份，结果仅供参考` })
    }
    for (const c of result.compliance.filter((x) => x.quota && !x.quota.met)) {
      const name = categoryName(doc.round, c.categoryId)
      items.push({ ...base(t), kind: 'quota', label: '比例未达标', explanation: `${name}的比例未达到规定要求` })
    }
    for (const b of figures.bursts.filter((x) => x.targetId === t.id)) {
      items.push({ ...base(t), kind: 'burst', label: '集中提交', explanation: `短时间内收到 ${b.identicalBallots} 份完全相同的评价，请核查` })
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

function roundRow(doc: RoundDoc, figures: RoundFigures, targets: readonly Target[]): DashboardRound {
  const expected = expectedTurnout(doc.round)
  const rows = targets.map((t) => {
    const result = figures.byTarget.get(t.id)?.result as TargetResult
    return { targetId: t.id, name: t.name, unitId: t.unitId, ballots: result.ballots, expected: expected.of(t.id), satisfaction: result.headline.satisfaction, badges: badges(result) }
  })
  return {
    id: doc._id,
    title: doc.round.title,
    state: doc.round.state,
    stateLabel: STATE_LABELS[doc.round.state],
    window: doc.round.window,
    status: figures.basis === 'stored' && rows.every((r) => figures.byTarget.get(r.targetId)?.result.status === 'final') ? 'final' : 'provisional',
    basis: figures.basis,
    ballots: rows.reduce((n, r) => n + r.ballots, 0),
    expected: sumExpected(rows),
    satisfaction: pooled(targets.map((t) => figures.byTarget.get(t.id)?.result as TargetResult)),
    today: figures.today,
    targets: rows,
  }
}

export async function dashboard(auth: Authority, unitId: string | undefined, now: Date): Promise<Dashboard> {
  const scope = scopeOf(auth, unitId)
  const { data } = await database().collection('rounds').limit(1000).get()
  const shown: { doc: RoundDoc; figures: RoundFigures; targets: Target[] }[] = []
  for (const doc of (data as unknown[]).map((d) => RoundDoc.parse(d))) {
    if (doc.round.state === 'draft' || doc.round.state === 'archived') continue
    const targets = doc.round.targets.filter((t) => within(auth, scope, t.unitId) && seesTarget(auth, doc.round, t))
    if (targets.length > 0) shown.push({ doc, targets, figures: await roundFigures(doc, now) })
  }
  shown.sort((a, b) => b.doc.round.window.opensAt.localeCompare(a.doc.round.window.opensAt))
  const childUnits = auth.units.filter((u) => (scope.unit ? u.parentId === scope.unit.id : u.parentId === null))
  const children: UnitRollup[] = childUnits.map((child) => {
    const results = shown.flatMap(({ figures, targets }) =>
      targets.filter((t) => isWithin(auth.units, t.unitId, child.id)).map((t) => figures.byTarget.get(t.id)?.result as TargetResult),
    )
    const expected = sumExpected(shown.flatMap(({ doc, targets }) => {
      const of = expectedTurnout(doc.round).of
      return targets.filter((t) => isWithin(auth.units, t.unitId, child.id)).map((t) => ({ expected: of(t.id) }))
    }))
    return {
      unitId: child.id,
      name: child.name,
      kind: child.kind,
      hasChildren: auth.units.some((u) => u.parentId === child.id),
      ballots: results.reduce((n, r) => n + r.ballots, 0),
      expected,
      satisfaction: pooled(results),
      targetsWithVerdict: results.filter((r) => r.verdicts.verdicts.length > 0).length,
    }
  })
  const trail = scope.unit ? [...auth.units.filter((u) => scope.unit && isWithin(auth.units, scope.unit.id, u.id) && auth.covers(WATCH, u.id))] : []
  trail.sort((a, b) => (isWithin(auth.units, b.id, a.id) ? -1 : 1))
  return {
    scope: { unitId: scope.id, name: scope.unit?.name ?? unitNameOf(auth.units, scope.id), kind: scope.unit?.kind ?? null },
    trail: trail.map((u) => ({ unitId: u.id, name: u.name })),
    computedAt: now.toISOString(),
    satisfaction: pooled(shown.flatMap(({ figures, targets }) => targets.map((t) => figures.byTarget.get(t.id)?.result as TargetResult))),
    rounds: shown.map(({ doc, figures, targets }) => roundRow(doc, figures, targets)),
    attention: shown.flatMap(({ doc, figures, targets }) => attentionOf(doc, figures, targets)),
    children,
    notices: shown.length === 0 ? ['您管辖范围内暂无可查看的评议'] : [],
  }
}
