/**
 * Seed 002, 主题教育评估 随机测评 on 好/较好/一般/差 (好, 较好 satisfied; 一般 neutral).
 *
 * Leadership team of a municipal unit, 30 sampled evaluators (the minimum):
 *   好 12, 较好 9, 一般 6, 差 3 → satisfaction 21/30 = 70 %, 好评率 12/30 = 40 %,
 *   差 3/30 = 10 %, mean (12·100 + 9·80 + 6·60 + 0)/30 = 2280/30 = 76.
 *   With 29 evaluators the result would not count (minimum 30).
 * Party branch of 18 members (fewer than 30, so everyone rates): 好 10, 较好 4, 一般 4
 *   → 14/18 ≈ 77.8 %, mean (1000 + 320 + 240)/18 = 1560/18 ≈ 86.7; 18 of 18 meets the minimum.
 */
import { targetResult, type Round } from '../../../src/core'
import { casts, roundFrom, tally, target } from '../fixtures'

describe('seed 002 worked example', () => {
  const round: Round = { ...roundFrom('zhuti-leadership', { targets: [target('lt', 'bureau', 'leadership-team')] }), state: 'closed' }
  const ballots = casts(round, 'lt', 'sampled', { good: 12, 'fairly-good': 9, fair: 6, poor: 3 })

  it('scores the leadership team over its 20 items in five sections', () => {
    const r = targetResult(round, 'lt', tally(round, ballots))
    expect([r.headline.satisfaction.percent, r.headline.good.percent, r.headline.dissatisfied.percent]).toEqual([70, 40, 10])
    expect(r.headline.meanScore.value).toBe(76)
    expect(Object.keys(r.breakdown.sections)).toEqual(['study', 'research', 'inspect', 'rectify', 'lead'])
    expect(r.breakdown.sections.research?.answers).toBe(5 * 30)
    expect(r.status).toBe('final')
  })

  it('does not count a result below the minimum of 30', () => {
    const r = targetResult(round, 'lt', tally(round, ballots.slice(1)))
    expect(r.sample).toEqual({ required: 30, ballots: 29, met: false })
    expect(r.status).toBe('provisional')
  })

  it('lets a branch of 18 count with all 18', () => {
    const branch: Round = { ...roundFrom('zhuti-branch', { targets: [target('b')] }), state: 'closed' }
    const r = targetResult(branch, 'b', tally(branch, casts(branch, 'b', 'sampled', { good: 10, 'fairly-good': 4, fair: 4 })), { population: 18 })
    expect(r.headline.satisfaction.exact).toEqual({ num: 7, den: 9 })
    expect(r.headline.meanScore.value).toBe(86.7)
    expect(r.sample.met).toBe(true)
    expect(r.status).toBe('final')
  })
})
