/**
 * Seed 004, 两评一树: internal evaluation (all staff) weighted 40, social evaluation
 * (deputies + service recipients, pooled) weighted 60; 不了解 leaves every denominator.
 *
 * Bureau A
 *   internal: 满意 20, 基本满意 8, 不满意 8, 不了解 4 → 28/36 = 7/9
 *   deputies: 3, 1, 2, 不了解 2 → 4/6;  service: 4, 1, 3, 不了解 2 → 5/8
 *   social pooled 9/14; service recipients 10 of 18 social evaluators ≥ 1/2 ✓
 *   composite 0.4·7/9 + 0.6·9/14 = 14/45 + 27/70 = 196/630 + 243/630 = 439/630 ≈ 69.7 %
 *   → not poor (≥ 3/5).
 * Bureau B
 *   internal: 10, 5, 20, 不了解 5 → 15/35 = 3/7
 *   deputies: 1, 1, 4, 不了解 2 → 2/6;  service: 2, 1, 6, 不了解 1 → 3/9; social 5/15 = 1/3
 *   composite 0.4·3/7 + 0.6·1/3 = 6/35 + 7/35 = 13/35 ≈ 37.1 % < 2/5 (65 < 70)
 *   → poor and very poor: 整改 + 通报批评/诫勉谈话, and the round extended 2 months for B:
 *   组织评议 closes 2011-09-10 18:00 → 2011-11-10 18:00.
 */
import { addMonthsShanghai, issuesBeforeOpen, targetResult, type Round } from '../../../src/core'
import { casts, roundFrom, tally, target } from '../fixtures'

const window = { opensAt: '2011-08-01T08:00:00+08:00', closesAt: '2011-09-10T18:00:00+08:00' }
const round: Round = {
  ...roundFrom('liangping-yishu', {
    targets: [target('A', 'a', 'leadership-team'), target('B', 'b', 'leadership-team')],
    groups: [{ id: 'econ', name: '经济部门组', leadUnitId: 'a', unitIds: ['a', 'b'] }],
  }),
  window,
}

describe('seed 004 worked example', () => {
  const a = targetResult(round, 'A', tally(round, [
    ...casts(round, 'A', 'internal', { satisfied: 20, 'basically-satisfied': 8, dissatisfied: 8, unknown: 4 }),
    ...casts(round, 'A', 'deputies', { satisfied: 3, 'basically-satisfied': 1, dissatisfied: 2, unknown: 2 }),
    ...casts(round, 'A', 'service', { satisfied: 4, 'basically-satisfied': 1, dissatisfied: 3, unknown: 2 }),
  ]))
  const b = targetResult(round, 'B', tally(round, [
    ...casts(round, 'B', 'internal', { satisfied: 10, 'basically-satisfied': 5, dissatisfied: 20, unknown: 5 }),
    ...casts(round, 'B', 'deputies', { satisfied: 1, 'basically-satisfied': 1, dissatisfied: 4, unknown: 2 }),
    ...casts(round, 'B', 'service', { satisfied: 2, 'basically-satisfied': 1, dissatisfied: 6, unknown: 1 }),
  ]))

  it('weights internal 7/9 and social 9/14 into 439/630 for A, which is not poor', () => {
    expect(a.headline.parts.map((p) => p.summary.satisfaction.exact)).toEqual([{ num: 7, den: 9 }, { num: 9, den: 14 }])
    expect(a.headline.satisfaction.exact).toEqual({ num: 439, den: 630 })
    expect(a.headline.satisfaction.percent).toBe(69.7)
    expect(a.verdicts.verdicts).toEqual([])
    expect(a.compliance.find((c) => c.categoryId === 'service')?.quota?.met).toBe(true)
  })

  it('finds B at 13/35, poor and very poor, with the round extended two months', () => {
    expect(b.headline.satisfaction.exact).toEqual({ num: 13, den: 35 })
    expect(b.verdicts.verdicts.map((v) => v.ruleId)).toEqual(['poor', 'very-poor'])
    const extension = b.verdicts.verdicts.flatMap((v) => v.effects).find((e) => e.kind === 'extend-round')
    expect(extension && extension.kind === 'extend-round' && addMonthsShanghai(round.window.closesAt, extension.months)).toBe('2011-11-10T18:00:00+08:00')
  })

  it('opens once every roster is in place', () => {
    const now = '2011-07-25T09:00:00+08:00'
    expect(issuesBeforeOpen(round, { now, rosterSizes: { internal: 40, deputies: 8, service: 10 } })).toEqual([])
    expect(issuesBeforeOpen(round, { now, rosterSizes: { internal: 40, deputies: 8 } }).map((x) => x.code)).toEqual(['ROSTER_EMPTY'])
  })
})
