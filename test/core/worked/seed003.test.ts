/**
 * Seed 003, 创先争优 群众评议 of a branch by 40 evaluators: 20 party-member reps,
 * 10 masses, 10 service recipients (no retirees this time).
 *
 * | category | 满意 | 比较满意 | 不太满意 | 不满意 |
 * | members  |  8   |   5     |   0     |   7    |
 * | masses   |  3   |   2     |   1     |   4    |
 * | service  |  3   |   2     |   1     |   4    |
 * | total    | 14   |   9     |   2     |  15    |
 *
 * Satisfaction (14 + 9)/40 = 23/40 = 57.5 % < 60 % (5·23 = 115 < 3·40 = 120)
 *   → 整改 + 诫勉谈话 + 不得评先评优.
 * 不满意 15/40 = 37.5 %: over 1/3 (3·15 = 45 > 40) and not over 2/3 → 书记 基本称职.
 *
 * A member rated by 20 (12 满意, 8 不满意): 12/20 = 60 % is not below; 8/20 不满意 is over
 * 1/3 but the secretary rule belongs to branches only, so no verdict.
 */
import { targetResult } from '../../../src/core'
import { casts, roundFrom, tally, target } from '../fixtures'

describe('seed 003 worked example', () => {
  const round = roundFrom('chuangxian-branch', { targets: [target('branch')] })
  const r = targetResult(round, 'branch', tally(round, [
    ...casts(round, 'branch', 'members', { satisfied: 8, 'fairly-satisfied': 5, dissatisfied: 7 }),
    ...casts(round, 'branch', 'masses', { satisfied: 3, 'fairly-satisfied': 2, 'not-very-satisfied': 1, dissatisfied: 4 }),
    ...casts(round, 'branch', 'service', { satisfied: 3, 'fairly-satisfied': 2, 'not-very-satisfied': 1, dissatisfied: 4 }),
  ]))

  it('tallies 23/40 satisfied and 15/40 不满意', () => {
    expect([r.headline.satisfaction.num, r.headline.satisfaction.den, r.headline.satisfaction.percent]).toEqual([23, 40, 57.5])
    expect(r.headline.dissatisfied.percent).toBe(37.5)
  })

  it('fires 低于60% and 基本称职, each with its numbers', () => {
    expect(r.verdicts.verdicts.map((v) => v.ruleId)).toEqual(['below-sixty-percent', 'secretary-basically-competent'])
    expect(r.verdicts.verdicts[0]?.explanation).toMatch(/^满意率23\/40\(57\.5%\)低于3\/5\(60%\)/)
    expect(r.verdicts.verdicts[1]?.explanation).toMatch(/^不满意率15\/40\(37\.5%\)超过1\/3\(33\.3%\)，且不满意率15\/40\(37\.5%\)不高于2\/3\(66\.7%\)/)
    expect(r.verdicts.verdicts[1]?.effects).toEqual([{ kind: 'annual-rating', rating: '基本称职' }])
  })

  it('meets the counts 20 / 10 / 10', () => {
    expect(r.compliance.map((c) => [c.categoryId, c.ballots, c.expectedMet])).toEqual([
      ['members', 20, true], ['masses', 10, true], ['service', 10, true], ['retirees', 0, true],
    ])
  })

  it('judges a member at exactly 60 % as not below, with no secretary rule', () => {
    const member = roundFrom('chuangxian-member', { targets: [target('m1', 'branch', 'party-member')] })
    const m = targetResult(member, 'm1', tally(member, [
      ...casts(member, 'm1', 'peers', { satisfied: 7, dissatisfied: 5 }),
      ...casts(member, 'm1', 'masses', { satisfied: 5, dissatisfied: 3 }),
    ]))
    expect(m.headline.satisfaction.exact).toEqual({ num: 3, den: 5 })
    expect(m.verdicts.verdicts).toEqual([])
  })
})
