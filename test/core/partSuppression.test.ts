/**
 * Review 1: a category under k must not come back through the weighted part it belongs to
 * (社会评议 − 服务对象 = 人大代表). Every figure a result shows rests on a set of ballots; no shown
 * figure, alone or minus other shown figures inside it, may rest on 1..k−1 ballots.
 */
import fc from 'fast-check'
import { type Counters, type Round, shownContent, targetResult } from '../../src/core'
import { casts, roundFrom, tally, target } from './fixtures'

const base: Round = { ...roundFrom('liangping-yishu', { targets: [target('b1')] }), state: 'closed' }
const k = base.kSuppression
const CATEGORIES = base.categories.map((c) => c.id)

function counted(round: Round, counts: Record<string, number>): Counters {
  return tally(round, CATEGORIES.flatMap((id) => casts(round, 'b1', id, { dissatisfied: counts[id] ?? 0 })))
}

/** The shown figures as sets of categories, with their ballots: the whole, each weighted part, each category shown. */
function shownFigures(round: Round, counts: Record<string, number>): { ids: string[]; ballots: number }[] {
  const result = targetResult(round, 'b1', shownContent(counted(round, counts), k))
  const ballotsOf = (ids: string[]) => ids.reduce((n, id) => n + (counts[id] ?? 0), 0)
  const figures = [{ ids: CATEGORIES, ballots: result.counted }]
  if (round.aggregation.mode === 'weighted' && !result.headline.withheld) {
    for (const part of round.aggregation.parts) figures.push({ ids: part.categoryIds, ballots: result.headline.parts.find((p) => p.id === part.id)!.summary.answers })
  }
  for (const c of result.categories) if (!c.suppressed) figures.push({ ids: [c.categoryId], ballots: c.ballots })
  // A figure shown with no ballots behind it reveals nothing (and rests on none).
  return figures.filter((f) => f.ballots > 0).map((f) => ({ ...f, ballots: ballotsOf(f.ids) }))
}

/** Every figure minus any disjoint set of other shown figures inside it: what subtraction can read. */
function differences(figures: { ids: string[]; ballots: number }[]): number[] {
  const out: number[] = []
  for (const whole of figures) {
    const inside = figures.filter((f) => f !== whole && f.ids.every((id) => whole.ids.includes(id)))
    for (let mask = 0; mask < 1 << inside.length; mask++) {
      const chosen = inside.filter((_, i) => mask & (1 << i))
      const used = chosen.flatMap((f) => f.ids)
      if (new Set(used).size !== used.length) continue
      out.push(whole.ballots - chosen.reduce((n, f) => n + f.ballots, 0))
    }
  }
  return out
}

/** Every way to split the three categories into weighted parts, and pooled. */
const aggregations: Round['aggregation'][] = [
  { mode: 'pooled' },
  base.aggregation,
  { mode: 'weighted', parts: [{ id: 'p1', name: '甲', weight: 50, categoryIds: ['internal', 'service'] }, { id: 'p2', name: '乙', weight: 50, categoryIds: ['deputies'] }] },
  { mode: 'weighted', parts: [{ id: 'p1', name: '甲', weight: 50, categoryIds: ['internal', 'deputies'] }, { id: 'p2', name: '乙', weight: 50, categoryIds: ['service'] }] },
  { mode: 'weighted', parts: [{ id: 'p1', name: '甲', weight: 100, categoryIds: CATEGORIES }] },
  { mode: 'weighted', parts: CATEGORIES.map((id, i) => ({ id, name: id, weight: i === 0 ? 34 : 33, categoryIds: [id] })) },
]

test('the review’s case: 8 internal, 3 deputies all 不满意, 10 service — 社会评议 minus 服务对象 gives nothing', () => {
  const counts = { internal: 8, deputies: 3, service: 10 }
  const result = targetResult(base, 'b1', counted(base, counts))
  expect(result.categories.map((c) => [c.categoryId, c.suppressed])).toEqual([['internal', false], ['deputies', true], ['service', true]])
  expect(result.headline.parts.map((p) => p.summary.answers)).toEqual([8, 13])
  expect(differences(shownFigures(base, counts)).filter((n) => n > 0 && n < k)).toEqual([])
})

test('over random category counts and part layouts, no shown figure or difference of them rests on 1..k−1 ballots', () => {
  const count = fc.oneof(fc.integer({ min: 0, max: k + 1 }), fc.integer({ min: 0, max: 40 }))
  fc.assert(fc.property(fc.constantFrom(...aggregations), count, count, count, (aggregation, internal, deputies, service) => {
    const round = { ...base, aggregation }
    const leaks = differences(shownFigures(round, { internal, deputies, service })).filter((n) => n > 0 && n < k)
    expect(leaks).toEqual([])
  }), { numRuns: 400 })
})
