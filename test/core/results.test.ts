import { ballot, casts, roundFrom, tally, target, type Cast } from './fixtures'
import { pooledSatisfaction, rankGroup, suppressedBreakdowns, targetResult, type Round, type ValidBallot } from '../../src/core'

describe('minimum sample (002: 30 per unit, everyone when fewer than 30)', () => {
  const round: Round = { ...roundFrom('zhuti-branch', { targets: [target('a')] }), state: 'closed' }
  const withBallots = (n: number) => tally(round, casts(round, 'a', 'sampled', { good: n }))

  it('29 ballots do not meet it and keep the result provisional; 30 do', () => {
    expect(targetResult(round, 'a', withBallots(29)).sample).toEqual({ required: 30, ballots: 29, met: false })
    expect(targetResult(round, 'a', withBallots(29)).status).toBe('provisional')
    expect(targetResult(round, 'a', withBallots(30)).sample.met).toBe(true)
    expect(targetResult(round, 'a', withBallots(30)).status).toBe('final')
  })

  it('a unit of 20 people meets it with all 20', () => {
    expect(targetResult(round, 'a', withBallots(20), { population: 20 }).sample).toEqual({ required: 20, ballots: 20, met: true })
  })

  it('is provisional while the round is open, whatever the sample', () => {
    expect(targetResult({ ...round, state: 'open' }, 'a', withBallots(40)).status).toBe('provisional')
  })
})

describe('quota per category (004: service recipients ≥ 50 % of the social evaluators)', () => {
  const round = roundFrom('liangping-yishu', { targets: [target('a')] })
  const quota = (service: number, deputies: number, internal = 30) => {
    const counters = tally(round, [
      ...casts(round, 'a', 'service', { satisfied: service }),
      ...casts(round, 'a', 'deputies', { satisfied: deputies }),
      ...casts(round, 'a', 'internal', { satisfied: internal }),
    ])
    return targetResult(round, 'a', counters).compliance.find((c) => c.categoryId === 'service')?.quota
  }

  it('10 of 20 is exactly 50 % and complies; internal staff are not in the base', () => {
    expect(quota(10, 10)).toMatchObject({ base: 20, actual: { num: 1, den: 2 }, met: true })
  })
  it('9 of 19 falls short', () => {
    expect(quota(9, 10)?.met).toBe(false)
  })
  it('has nothing to judge before any social evaluator came', () => {
    expect(quota(0, 0)).toMatchObject({ base: 0, actual: null, met: true })
  })
})

describe('expected counts per unit (000: 15 unit evaluators)', () => {
  const round = roundFrom('sanping-yilian', { targets: [target('a')] })
  it('14 fall short of 15; 15 meet it', () => {
    const status = (n: number) => targetResult(round, 'a', tally(round, casts(round, 'a', 'unit', { good: n }))).compliance[0]
    expect(status(14)).toMatchObject({ categoryId: 'unit', expected: 15, expectedMet: false })
    expect(status(15)?.expectedMet).toBe(true)
  })
  it('expects 全面评议 from every unit of the group its scope reaches: 5 × 4 = 20 at each target, not 5', () => {
    const four = ['a', 'b', 'c', 'd']
    const group = roundFrom('sanping-yilian', { targets: four.map((u) => target(u)), groups: [{ id: 'g', name: '第一组', leadUnitId: 'a', unitIds: four }] })
    const allRound = (n: number) => targetResult(group, 'a', tally(group, casts(group, 'a', 'all-round', { good: n }))).compliance.find((c) => c.categoryId === 'all-round')
    expect(allRound(19)).toMatchObject({ expected: 20, expectedMet: false })
    expect(allRound(20)).toMatchObject({ expected: 20, expectedMet: true })
  })
})

describe('k-suppression (default k = 5)', () => {
  it('withholds a breakdown on 4 ballots and shows one on 5', () => {
    expect(suppressedBreakdowns({ a: 4, b: 20, c: 30 }, 5)).toEqual(new Set(['a', 'b']))
    expect(suppressedBreakdowns({ a: 5, b: 20 }, 5)).toEqual(new Set())
  })
  it('also withholds the next smallest, or the total minus the others would reveal it', () => {
    // a (4) alone could be recovered as total − b − c; withholding b too leaves only a + b = 24.
    expect(suppressedBreakdowns({ a: 4, b: 20, c: 30 }, 5).has('b')).toBe(true)
    // a (2) and b (3) together hold 5: their sum reveals no fewer than k ballots.
    expect(suppressedBreakdowns({ a: 2, b: 3, c: 30 }, 5)).toEqual(new Set(['a', 'b']))
  })
  it('never withholds on account of empty breakdowns', () => {
    expect(suppressedBreakdowns({ a: 0, b: 7 }, 5)).toEqual(new Set())
  })
  it('applies to the category breakdowns in results; channel counts carry no ratings', () => {
    const round = roundFrom('sanping-yilian', { targets: [target('a')] })
    const cs: Cast[] = [
      ...casts(round, 'a', 'unit', { good: 15 }).map((c, i) => ({ ...c, channelId: i < 11 ? 'grid-1' : 'grid-2' })),
      ...casts(round, 'a', 'all-round', { poor: 4 }),
    ]
    const r = targetResult(round, 'a', tally(round, cs))
    expect(r.categories.map((c) => c.suppressed)).toEqual([true, true])
    expect(r.channels).toEqual({ 'grid-1': 11, 'grid-2': 4 })
    const bigger = targetResult(round, 'a', tally(round, [...cs, ...casts(round, 'a', 'all-round', { poor: 1 })]))
    expect(bigger.categories.map((c) => c.suppressed)).toEqual([false, false])
  })
})

describe('items and sections', () => {
  const round = roundFrom('sanping-yilian', { targets: [target('a')] })
  it('rate each item, and pool a section over all its items’ answers', () => {
    // Two ballots: one all 好, one all 差 except s1 一般. Section 学习教育 (5 items):
    // 好 ×5 + 一般 ×1 + 差 ×4 → satisfied 6 of 10.
    const mixed = ballot(round, 'a', 'poor', 'poor')
    const b2 = { ...mixed, items: { ...mixed.items, s1: 'fair' } } as ValidBallot
    const r = targetResult(round, 'a', tally(round, [{ categoryId: 'unit', ballot: ballot(round, 'a', 'good') }, { categoryId: 'unit', ballot: b2 }]))
    expect(r.breakdown.items.s1?.satisfaction.exact).toEqual({ num: 1, den: 1 })
    expect(r.breakdown.items.s2?.satisfaction.exact).toEqual({ num: 1, den: 2 })
    expect(r.breakdown.sections.study?.satisfaction.exact).toEqual({ num: 3, den: 5 })
    expect(r.breakdown.sections.study?.good.exact).toEqual({ num: 1, den: 2 })
    // Mean score of the section: (5·100 + 60 + 4·0)/10 = 56.
    expect(r.breakdown.sections.study?.meanScore.value).toBe(56)
  })
})

describe('weighted composite (004 default: 内部评议 40 / 社会评议 60)', () => {
  const round = roundFrom('liangping-yishu', { targets: [target('a')] })
  it('weights the parts’ rates exactly and pools categories inside a part', () => {
    // internal: 8 of 10 satisfied; social: deputies 2 of 5 + service 4 of 5 = 6 of 10.
    // 0.4·8/10 + 0.6·6/10 = 32/100 + 36/100 = 68/100 = 17/25.
    const r = targetResult(round, 'a', tally(round, [
      ...casts(round, 'a', 'internal', { satisfied: 8, dissatisfied: 2 }),
      ...casts(round, 'a', 'deputies', { 'basically-satisfied': 2, dissatisfied: 3 }),
      ...casts(round, 'a', 'service', { satisfied: 4, dissatisfied: 1, unknown: 3 }),
    ]))
    expect(r.headline.basis).toBe('weighted')
    expect(r.headline.satisfaction.exact).toEqual({ num: 17, den: 25 })
    expect(r.headline.satisfaction.percent).toBe(68)
    // Effective n = 1/(0.4²/10 + 0.6²/10) = 1/0.052 ≈ 19.2: narrower than either part alone.
    const interval = r.headline.satisfaction.interval
    expect(interval && interval.high - interval.low).toBeLessThan(0.45)
    // Mean: internal 80, social (2·60 + 4·100)/10 = 52 → 0.4·80 + 0.6·52 = 63.2.
    expect(r.headline.meanScore.value).toBe(63.2)
  })
  it('reports no composite while a part has no valid ballot, and says which part', () => {
    const r = targetResult(round, 'a', tally(round, casts(round, 'a', 'internal', { satisfied: 8 })))
    expect(r.headline.satisfaction.exact).toBeNull()
    // Valid ballots exist (the internal part's): the reason is the empty part, not "all 不了解".
    expect(r.headline.valid).toBe(8)
    expect(r.verdicts.undetermined).toBe('「社会评议」尚无评价，按权重计算的总体结果暂不能得出，不能按规则认定')
    const abstained = targetResult(round, 'a', tally(round, [...casts(round, 'a', 'internal', { satisfied: 8 }), ...casts(round, 'a', 'service', { unknown: 5 })]))
    expect(abstained.verdicts.undetermined).toMatch(/^「社会评议」的评价均为“不了解”，/)
    // A part under k ballots is withheld with the whole headline: said as such, not as "no ballots".
    const thin = targetResult(round, 'a', tally(round, [...casts(round, 'a', 'internal', { satisfied: 8 }), ...casts(round, 'a', 'service', { unknown: 3 })]))
    expect(thin.verdicts.undetermined).toBe('「社会评议」评价不足 5 份，为保护参评人员匿名，各部分及按权重计算的总体结果暂不显示，不能按规则认定')
    const none = targetResult(round, 'a', tally(round, []))
    expect(none.verdicts.undetermined).toBe('暂无评价')
  })
})

describe('ranking within a group', () => {
  const round = roundFrom('sanping-yilian', {
    targets: ['a', 'b', 'c', 'd'].map((u) => target(u)),
    groups: [{ id: 'g', name: '第三组', leadUnitId: 'a', unitIds: ['a', 'b', 'c', 'd'] }],
  })
  const of = (id: string, good: number, poor: number) => tally(round, casts(round, id, 'unit', { good, poor }))
  it('orders by satisfaction, ties share a rank (10/15 = 20/30), targets without ballots last', () => {
    const ranking = rankGroup(round, 'g', { a: of('a', 10, 5), b: of('b', 20, 10), c: of('c', 14, 1) })
    expect(ranking.map((e) => [e.targetId, e.rank])).toEqual([['c', 1], ['a', 2], ['b', 2], ['d', null]])
  })
  it('ranks the 不满意 share lowest-first', () => {
    const ranking = rankGroup(round, 'g', { a: of('a', 10, 5), c: of('c', 14, 1) }, 'dissatisfied')
    expect(ranking.slice(0, 2).map((e) => e.targetId)).toEqual(['c', 'a'])
  })
})

describe('pooled satisfaction over several targets (an area on the dashboard)', () => {
  const round: Round = { ...roundFrom('zhuti-branch', { targets: [target('big'), target('small')] }), state: 'closed' }
  const big = targetResult(round, 'a', tally(round, casts(round, 'big', 'sampled', { good: 100, poor: 100 }))).breakdown.overall
  const small = targetResult(round, 'a', tally(round, casts(round, 'small', 'sampled', { good: 20 }))).breakdown.overall

  it('adds the counts, so a target of 200 ballots weighs ten times one of 20 (120/220, not the 75 % of averaged percentages)', () => {
    expect(pooledSatisfaction([big, small])).toMatchObject({ num: 120, den: 220, percent: 54.5 })
  })

  it('is no rate at all over no targets', () => {
    expect(pooledSatisfaction([]).percent).toBeNull()
  })
})
