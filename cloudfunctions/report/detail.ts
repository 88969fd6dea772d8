/** @module One target up close (distributions, categories, opinions, its history), a unit's trend, and the residents' published results. */
import type { LevelBar, PublishedResults, TargetDetail, TrendPoint } from '../../src/api/report'
import { categoryName, domainError, type LevelTally, type Round, type Target, type TargetResult } from '../../src/core'
import { database } from '../common/cloudbase'
import { opinionsPage } from '../common/opinions'
import { refuse } from '../common/refuse'
import { roundFigures, storedMark } from '../common/results'
import { type Authority, forbidden } from '../common/roles'
import { loadRound, RoundDoc } from '../common/rounds'
import type { HandlerContext } from '../common/router'
import { ANY_ROLE, assertAudience, seesTarget, visibleTarget } from './access'
import { badges, header, legend, rankings, targetNotices, targetView } from './views'

const bars = (round: Round, tally: LevelTally): LevelBar[] =>
  round.template.scale.levels.map((l) => ({ levelId: l.id, label: l.label, class: l.class, count: tally[l.id] ?? 0 }))

async function allRounds(): Promise<RoundDoc[]> {
  const { data } = await database().collection('rounds').limit(1000).get()
  return (data as unknown[]).map((d) => RoundDoc.parse(d))
}

/** Every visible target of `unitId` (of `kind` when given) across rounds, oldest first. */
async function pointsFor(auth: Authority, unitId: string, now: Date, kind?: Target['kind']): Promise<TrendPoint[]> {
  const points: TrendPoint[] = []
  for (const doc of await allRounds()) {
    const targets = doc.round.targets.filter((t) => t.unitId === unitId && (!kind || t.kind === kind) && seesTarget(auth, doc.round, t))
    if (targets.length === 0) continue
    const figures = await roundFigures(doc, now)
    for (const t of targets) {
      const result = figures.byTarget.get(t.id)?.result
      if (!result) continue
      points.push({
        roundId: doc._id, roundTitle: doc.round.title, closesAt: doc.round.window.closesAt, state: doc.round.state,
        targetId: t.id, targetName: t.name, satisfaction: result.headline.satisfaction, badges: badges(result),
      })
    }
  }
  return points.sort((a, b) => a.closesAt.localeCompare(b.closesAt))
}

export async function trend(auth: Authority, unitId: string, now: Date) {
  const unit = auth.units.find((u) => u.id === unitId)
  if (!unit || !auth.covers(['admin', 'organizer', 'leader', 'contact'], unitId)) throw forbidden()
  return { unit: { unitId, name: unit.name }, points: await pointsFor(auth, unitId, now) }
}

export async function targetDetail(auth: Authority, roundId: string, targetId: string, page: number, now: Date): Promise<TargetDetail> {
  const doc = await loadRound(roundId, { auth, allowed: ANY_ROLE })
  const target = visibleTarget(auth, doc, targetId)
  const figures = await roundFigures(doc, now)
  const { round } = figures
  const view = targetView(doc, figures, target, rankings(figures))
  const counters = figures.byTarget.get(targetId)?.content
  const { result } = view
  return {
    round: header(doc, figures, [target]),
    legend: legend(round),
    target: view,
    overall: bars(round, counters?.overall ?? {}),
    items: round.template.sections.flatMap((s) => s.items).map((i) => ({ itemId: i.id, label: i.label, levels: bars(round, counters?.items[i.id] ?? {}) })),
    categories: result.categories.map((c) => {
      const name = categoryName(round, c.categoryId)
      return c.suppressed
        ? { categoryId: c.categoryId, name, suppressed: true as const, reason: c.reason }
        : { categoryId: c.categoryId, name, suppressed: false as const, overall: bars(round, counters?.categories[c.categoryId]?.overall ?? {}) }
    }),
    opinions: await opinionsPage(round, targetId, { basis: figures.basis, counted: result.counted }, page),
    history: (await pointsFor(auth, target.unitId, now, target.kind)).filter((p) => p.roundId !== roundId),
  }
}

/** The published sentence: the rate and the rules applied, or why no figure or verdict can be shown. */
function plainVerdict(result: TargetResult, k: number): string {
  if (result.counted === 0 && result.ballots > 0) return `评价不足 ${k} 份，为保护参评人员匿名不显示结果`
  const { undetermined, verdicts } = result.verdicts
  if (undetermined) return undetermined
  const figure = `满意率 ${result.headline.satisfaction.percent}%`
  return verdicts.length === 0 ? `${figure}，未触发整改等处理规定` : `${figure}，按规定：${verdicts.map((v) => `${v.ruleName}（${v.consequence}）${v.standing ? `【${v.standing.words}】` : ''}`).join('；')}`
}

/** Read from the stored results only: what was published is never recomputed. */
export async function publishedResults(auth: Authority, roundId: string, { caller }: HandlerContext): Promise<PublishedResults> {
  const doc = await loadRound(roundId, { auth, allowed: ANY_ROLE })
  await assertAudience(auth, doc, caller.openid)
  const mark = await storedMark(roundId)
  if (!mark) refuse(domainError('RESULTS_NOT_YET'))
  const figures = await roundFigures(doc, new Date(mark.computedAt))
  return {
    round: { id: doc._id, title: doc.round.title, publishedAt: doc.publishedAt ?? null },
    targets: figures.round.targets.map((t) => {
      const result = figures.byTarget.get(t.id)?.result
      if (!result) refuse(domainError('RESULTS_NOT_YET'))
      return {
        targetId: t.id, name: t.name, ballots: result.ballots, valid: result.headline.valid, satisfaction: result.headline.satisfaction,
        verdict: plainVerdict(result, figures.round.kSuppression), badges: badges(result), notices: targetNotices(figures.round, result),
      }
    }),
    notices: [],
  }
}
