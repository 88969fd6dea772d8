/**
 * Seed 001, 创先争优 群众评议 of a party organisation (五个情况). The seed requires
 * "两代表一委员"、群众代表及服务对象 to be at least 20 % of the attendees, and sets no verdict.
 *
 * Meeting of 25: 5 public + 20 other attendees → 5/25 = 1/5 exactly, quota met.
 * Had one public member stayed away: 4/24 = 1/6 < 1/5, not met.
 * Ratings (all 25): 满意 15, 比较满意 6, 不太满意 3, 不满意 1
 * → satisfaction 21/25 = 84 %, 好评率 15/25 = 60 %, 不满意 1/25 = 4 %,
 *   mean (15·100 + 6·80 + 3·40 + 0)/25 = 2100/25 = 84.
 */
import { targetResult } from '../../../src/core'
import { casts, roundFrom, tally, target } from '../fixtures'

const round = roundFrom('chuangxian-dianping-org', { targets: [target('branch')] })
const meeting = [
  ...casts(round, 'branch', 'public', { satisfied: 3, 'fairly-satisfied': 1, 'not-very-satisfied': 1 }),
  ...casts(round, 'branch', 'attendees', { satisfied: 12, 'fairly-satisfied': 5, 'not-very-satisfied': 2, dissatisfied: 1 }),
]

describe('seed 001 worked example', () => {
  const r = targetResult(round, 'branch', tally(round, meeting))

  it('computes the rates and mean from the tallied meeting', () => {
    expect([r.headline.satisfaction.num, r.headline.satisfaction.den, r.headline.satisfaction.percent]).toEqual([21, 25, 84])
    expect(r.headline.good.percent).toBe(60)
    expect(r.headline.dissatisfied.percent).toBe(4)
    expect(r.headline.meanScore.value).toBe(84)
    expect(r.verdicts).toEqual({ verdicts: [], undetermined: null })
  })

  it('meets the 20 % quota at exactly 5 of 25 and misses it at 4 of 24', () => {
    expect(r.compliance[0]?.quota).toMatchObject({ base: 25, actual: { num: 1, den: 5 }, met: true })
    const short = targetResult(round, 'branch', tally(round, meeting.slice(1)))
    expect(short.compliance[0]?.quota).toMatchObject({ base: 24, actual: { num: 1, den: 6 }, met: false })
  })

  it('rates the member variant on its 四个情况', () => {
    const member = roundFrom('chuangxian-dianping-member', { targets: [target('m1', 'branch', 'party-member')] })
    const m = targetResult(member, 'm1', tally(member, casts(member, 'm1', 'attendees', { satisfied: 4, dissatisfied: 1 })))
    expect(Object.keys(m.breakdown.items)).toEqual(['m1', 'm2', 'm3', 'm4'])
    expect(m.breakdown.sections.four?.satisfaction.exact).toEqual({ num: 4, den: 5 })
  })
})
