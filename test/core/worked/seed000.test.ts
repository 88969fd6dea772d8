/**
 * Seed 000, 三评一联 第一环节群众评价, 第三组: four units a–d led by a. Each unit sends 15
 * unit evaluators (rate only their own unit) and 5 all-round evaluators (rate all four),
 * so every unit receives 15 + 4·5 = 35 ballots. 好 and 一般 both count as satisfied.
 *
 * | unit | unit evaluators 好/一般/差 | all-round 好/一般/差 | satisfied | 3·s vs 2·35 = 70 |
 * | a    | 10 / 3 / 2                | 12 / 4 / 4          | 29        | 87 ≥ 70          |
 * | b    |  6 / 4 / 5                |  8 / 6 / 6          | 24        | 72 ≥ 70          |
 * | c    |  5 / 5 / 5                |  6 / 7 / 7          | 23        | 69 < 70 → 返工补课 |
 * | d    |  2 / 3 / 10               |  5 / 5 / 10         | 15        | 45 < 70 → 返工补课 |
 */
import { eligibleTargets, rankGroup, targetResult } from '../../../src/core'
import { ballot, roundFrom, tally, target, type Cast } from '../fixtures'

const units = ['a', 'b', 'c', 'd'] as const
const round = roundFrom('sanping-yilian', {
  targets: units.map((u) => target(`t-${u}`, u, 'leadership-team')),
  groups: [{ id: 'g3', name: '第三组', leadUnitId: 'a', unitIds: [...units] }],
})
const byUnit: Record<string, [number, number, number]> = { a: [10, 3, 2], b: [6, 4, 5], c: [5, 5, 5], d: [2, 3, 10] }
const byAllRound: Record<string, [number, number, number]> = { a: [12, 4, 4], b: [8, 6, 6], c: [6, 7, 7], d: [5, 5, 10] }
const spread = ([good, fair, poor]: [number, number, number]) => [
  ...Array<string>(good).fill('good'), ...Array<string>(fair).fill('fair'), ...Array<string>(poor).fill('poor'),
]

// Every ballot goes through eligibility, as the server would let it.
const cast: Cast[] = []
for (const u of units) {
  for (let i = 0; i < 15; i++) {
    for (const t of eligibleTargets(round, 'unit', u)) cast.push({ categoryId: 'unit', ballot: ballot(round, t.id, spread(byUnit[u]!)[i]!) })
  }
}
units.forEach((u, unitIndex) => {
  for (let i = 0; i < 5; i++) {
    const evaluator = unitIndex * 5 + i // 20 all-round evaluators in all
    for (const t of eligibleTargets(round, 'all-round', u)) {
      cast.push({ categoryId: 'all-round', ballot: ballot(round, t.id, spread(byAllRound[t.unitId]!)[evaluator]!) })
    }
  }
})
const countersOf = Object.fromEntries(units.map((u) => [`t-${u}`, tally(round, cast.filter((c) => c.ballot.targetId === `t-${u}`))]))
const result = (u: string) => targetResult({ ...round, state: 'closed' }, `t-${u}`, countersOf[`t-${u}`]!)

describe('seed 000 worked example', () => {
  it('gives every unit 35 ballots: 15 own + 20 all-round', () => {
    for (const u of units) expect(result(u).categories.map((c) => !c.suppressed && c.ballots)).toEqual([15, 20])
  })

  it('computes each unit’s satisfaction from the table', () => {
    expect(units.map((u) => result(u).headline.satisfaction.num)).toEqual([29, 24, 23, 15])
    expect(units.map((u) => result(u).headline.satisfaction.den)).toEqual([35, 35, 35, 35])
  })

  it('sends back c and d only (b at 24/35 ≈ 68.6 % is not below 2/3)', () => {
    expect(units.map((u) => result(u).verdicts.verdicts.map((v) => v.ruleId))).toEqual([[], [], ['below-two-thirds'], ['below-two-thirds']])
  })

  it('shows c’s own unit at exactly 2/3 (10 of 15) while its total falls below', () => {
    const own = result('c').categories[0]
    expect(own && !own.suppressed && own.overall.satisfaction.exact).toEqual({ num: 2, den: 3 })
  })

  it('computes a’s 好评率 22/35 and mean score (22·100 + 7·60)/35 = 2620/35 ≈ 74.9', () => {
    expect(result('a').headline.good.num).toBe(22)
    expect(result('a').headline.meanScore.value).toBe(74.9)
  })

  it('ranks the group a, b, c, d and meets the expected 15 + 5 counts', () => {
    expect(rankGroup(round, 'g3', countersOf).map((e) => [e.targetId, e.rank])).toEqual([['t-a', 1], ['t-b', 2], ['t-c', 3], ['t-d', 4]])
    expect(result('a').compliance.every((c) => c.expectedMet)).toBe(true)
  })
})
