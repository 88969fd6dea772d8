/** Every threshold of DOMAIN.md at its exact boundary. */
import { targetResult, type Round } from '../../src/core'
import { casts, roundFrom, tally, target } from './fixtures'

const sanping = roundFrom('sanping-yilian', { targets: [target('a')] })
const branch = roundFrom('chuangxian-branch', { targets: [target('a')] })
const liangping: Round = { ...roundFrom('liangping-yishu', { targets: [target('a')] }), aggregation: { mode: 'pooled' } }

function fired(round: Round, category: string, levels: Record<string, number>): string[] {
  return targetResult(round, 'a', tally(round, casts(round, 'a', category, levels))).verdicts.verdicts.map((v) => v.ruleId)
}

describe('000: satisfaction below 2/3 → 返工补课', () => {
  it('10 of 15 satisfied is exactly 2/3 and is not below', () => {
    expect(fired(sanping, 'unit', { good: 6, fair: 4, poor: 5 })).toEqual([])
  })
  it('9 of 15 is below', () => {
    expect(fired(sanping, 'unit', { good: 6, fair: 3, poor: 6 })).toEqual(['below-two-thirds'])
  })
  it('counts 一般 as satisfied: 0 好 + 10 一般 of 15 is not below', () => {
    expect(fired(sanping, 'unit', { fair: 10, poor: 5 })).toEqual([])
  })
  it('explains which rule fired on which numbers, in Chinese', () => {
    const r = targetResult(sanping, 'a', tally(sanping, casts(sanping, 'a', 'unit', { good: 9, poor: 6 })))
    expect(r.verdicts.verdicts[0]?.explanation).toBe(
      '满意率9/15(60%)低于2/3(66.7%)，触发规则「群众满意率低于2/3」：经督导组综合分析，报区教育实践活动办公室同意，提出返工、补课意见。',
    )
    expect(r.verdicts.verdicts[0]?.observations[0]).toEqual({
      metric: 'satisfaction', comparison: 'below', value: { num: 9, den: 15 }, threshold: { num: 2, den: 3 },
    })
  })
  it('an organiser\'s own consequence text that leaves effects out still has them named before it', () => {
    const own: Round = { ...sanping, rules: sanping.rules.map((r) => ({ ...r, effects: [{ kind: 'redo' as const }, { kind: 'criticism' as const }], consequence: '请街道跟进。' })) }
    const r = targetResult(own, 'a', tally(own, casts(own, 'a', 'unit', { good: 9, poor: 6 })))
    expect(r.verdicts.verdicts[0]?.explanation).toBe('满意率9/15(60%)低于2/3(66.7%)，触发规则「群众满意率低于2/3」：返工补课、通报批评。请街道跟进。')
    const half: Round = { ...own, rules: own.rules.map((r) => ({ ...r, consequence: '限期返工，请街道跟进。' })) }
    const named = targetResult(half, 'a', tally(half, casts(half, 'a', 'unit', { good: 9, poor: 6 })))
    expect(named.verdicts.verdicts[0]?.explanation).toMatch(/：通报批评。限期返工，请街道跟进。$/)
  })
})

describe('003: satisfaction below 60 % → 整改 + 诫勉谈话 + 不得评先评优', () => {
  it('24 of 40 is exactly 60 % and is not below', () => {
    expect(fired(branch, 'members', { satisfied: 20, 'fairly-satisfied': 4, 'not-very-satisfied': 16 })).toEqual([])
  })
  it('23 of 40 is below', () => {
    const r = targetResult(branch, 'a', tally(branch, casts(branch, 'a', 'members', { satisfied: 23, 'not-very-satisfied': 17 })))
    expect(r.verdicts.verdicts.map((v) => v.effects.map((e) => e.kind))).toEqual([['rectify', 'warning-talk', 'no-awards']])
  })
})

describe('003: 不满意 over 1/3 and under 2/3 → 基本称职; over 2/3 → 不称职', () => {
  const secretary = (levels: Record<string, number>) => fired(branch, 'members', levels).filter((id) => id.startsWith('secretary'))
  it('exactly 1/3 (10 of 30) is not over', () => {
    expect(secretary({ satisfied: 20, dissatisfied: 10 })).toEqual([])
  })
  it('11 of 30 is over 1/3 → 基本称职', () => {
    expect(secretary({ satisfied: 19, dissatisfied: 11 })).toEqual(['secretary-basically-competent'])
  })
  it('says the rating once, in the procedure\'s words', () => {
    const r = targetResult(branch, 'a', tally(branch, casts(branch, 'a', 'members', { satisfied: 19, dissatisfied: 11 })))
    const explanation = r.verdicts.verdicts.find((v) => v.ruleId === 'secretary-basically-competent')?.explanation ?? ''
    expect(explanation).toBe('不满意率11/30(36.7%)超过1/3(33.3%)，且不满意率11/30(36.7%)不高于2/3(66.7%)，触发规则「不满意票超过三分之一不足三分之二」：其党组织书记年度考核为基本称职。')
    expect(explanation.split('年度考核为基本称职')).toHaveLength(2)
  })
  it('exactly 2/3 (20 of 30) is not over 2/3 → still 基本称职 (the seed is silent; see template)', () => {
    expect(secretary({ satisfied: 10, dissatisfied: 20 })).toEqual(['secretary-basically-competent'])
  })
  it('21 of 30 is over 2/3 → 不称职 only', () => {
    expect(secretary({ satisfied: 9, dissatisfied: 21 })).toEqual(['secretary-incompetent'])
  })
  it('不太满意 is neutral by default and is no 不满意票', () => {
    expect(secretary({ satisfied: 10, 'not-very-satisfied': 20 })).toEqual([])
  })
})

describe('004: 不了解 abstains; poor → 整改, very poor → 延期2个月', () => {
  it('excludes 不了解 from the denominator: 6 满意 + 4 不满意 + 5 不了解 is 6/10', () => {
    const r = targetResult(liangping, 'a', tally(liangping, casts(liangping, 'a', 'internal', { satisfied: 6, dissatisfied: 4, unknown: 5 })))
    expect(r.headline.satisfaction.exact).toEqual({ num: 3, den: 5 })
    expect(r.headline.dissatisfied.exact).toEqual({ num: 2, den: 5 })
    expect(r.breakdown.overall.abstentions).toBe(5)
    expect(r.verdicts.verdicts).toEqual([]) // exactly 60 % is not poor
  })
  it('5 of 10 valid (plus any 不了解) is poor but not very poor', () => {
    expect(fired(liangping, 'internal', { satisfied: 5, dissatisfied: 5, unknown: 7 })).toEqual(['poor'])
  })
  it('exactly 2/5 is not very poor; 3 of 10 is, and carries the two-month extension', () => {
    expect(fired(liangping, 'internal', { satisfied: 4, dissatisfied: 6 })).toEqual(['poor'])
    const r = targetResult(liangping, 'a', tally(liangping, casts(liangping, 'a', 'internal', { satisfied: 3, dissatisfied: 7 })))
    expect(r.verdicts.verdicts.flatMap((v) => v.effects)).toContainEqual({ kind: 'extend-round', months: 2 })
  })
  it('judges nothing when every ballot abstains', () => {
    const r = targetResult(liangping, 'a', tally(liangping, casts(liangping, 'a', 'internal', { unknown: 8 })))
    expect(r.verdicts).toEqual({ verdicts: [], undetermined: expect.stringContaining('不了解') })
    expect(r.headline.satisfaction.exact).toBeNull()
  })
})

describe('mean-score rules', () => {
  it('compare points exactly: mean 60 is not below 60, 59.9… is', () => {
    const r: Round = {
      ...sanping,
      rules: [{ id: 'low-score', name: '平均分低于60分', conditions: [{ metric: 'mean-score', comparison: 'below', threshold: { num: 60, den: 1 } }], effects: [{ kind: 'rectify' }], consequence: '限期整改。' }],
    }
    // 3 好 (100) + 2 差 (0) = 300/5 = 60.
    expect(fired(r, 'unit', { good: 3, poor: 2 })).toEqual([])
    // 2 好 + 1 一般 (60) + 2 差 = 260/5 = 52.
    const result = targetResult(r, 'a', tally(r, casts(r, 'a', 'unit', { good: 2, fair: 1, poor: 2 })))
    expect(result.verdicts.verdicts[0]?.explanation).toMatch(/^平均分52 分低于60 分/)
  })
})
