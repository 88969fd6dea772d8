/** When live content may move (issue 16 §1): steps of k ballots in every part a view tells apart, never near the close. */
import { emptyCounters, expectedTurnout, lastStretchFrom, releaseDue, type Round, shownContent, targetResult, turnoutOf } from '../../src/core'
import { casts, roundFrom, tally, target } from './fixtures'

const open = (r: Round): Round => ({ ...r, state: 'open' })
const MONTH = { opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-12-01T00:00:00+08:00' }
const community = open(roundFrom('community-satisfaction', { targets: [target('a')], overrides: { window: MONTH } }))
const inMonth = new Date('2026-11-10T12:00:00+08:00')
const residents = (n: number) => tally(community, casts(community, 'a', 'residents', { satisfied: n }))

describe('releaseDue', () => {
  it('takes the first release at k ballots, and each next one k ballots later', () => {
    expect(releaseDue(community, 'a', emptyCounters(), residents(4), inMonth)).toBe(false)
    expect(releaseDue(community, 'a', emptyCounters(), residents(5), inMonth)).toBe(true)
    expect(releaseDue(community, 'a', residents(5), residents(9), inMonth)).toBe(false)
    expect(releaseDue(community, 'a', residents(5), residents(10), inMonth)).toBe(true)
  })

  it('stops in the last stretch: the final day of a month-long round, the last tenth of a morning meeting', () => {
    expect(lastStretchFrom(community).toISOString()).toBe(new Date('2026-11-30T00:00:00+08:00').toISOString())
    expect(releaseDue(community, 'a', emptyCounters(), residents(50), new Date('2026-11-30T00:00:00+08:00'))).toBe(false)
    const meeting = roundFrom('sanping-yilian', { targets: [target('a')] })
    expect(lastStretchFrom(meeting).toISOString()).toBe(new Date('2014-06-18T11:36:00+08:00').toISOString())
  })

  it('never outside an open round', () => {
    expect(releaseDue({ ...community, state: 'closed' }, 'a', emptyCounters(), residents(50), inMonth)).toBe(false)
    expect(releaseDue({ ...community, state: 'draft' }, 'a', emptyCounters(), residents(50), inMonth)).toBe(false)
  })

  it('waits while a weighted part (内部评议 / 社会评议) moved by 1..k−1, since the headline shows each part', () => {
    const liangping = open(roundFrom('liangping-yishu', { targets: [target('a')], overrides: { window: MONTH } }))
    const of = (internal: number, service: number) =>
      tally(liangping, [...casts(liangping, 'a', 'internal', { satisfied: internal }), ...casts(liangping, 'a', 'service', { satisfied: service })])
    expect(releaseDue(liangping, 'a', emptyCounters(), of(5, 1), inMonth)).toBe(false)
    expect(releaseDue(liangping, 'a', emptyCounters(), of(5, 0), inMonth)).toBe(true)
    expect(releaseDue(liangping, 'a', of(5, 0), of(9, 5), inMonth)).toBe(false)
    expect(releaseDue(liangping, 'a', of(5, 0), of(10, 5), inMonth)).toBe(true)
  })

  it('skips a release that fewer than k expected ballots could follow, but not the one with everyone in (000: its roster per target)', () => {
    const sanping = open(roundFrom('sanping-yilian', { targets: [target('a')], overrides: { window: MONTH } }))
    const unit = (n: number) => tally(sanping, casts(sanping, 'a', 'unit', { good: n }))
    const expected = expectedTurnout(sanping).of('a')!
    expect(expected).toBeGreaterThan(5)
    expect(releaseDue(sanping, 'a', emptyCounters(), unit(expected - 5), inMonth)).toBe(true)
    expect(releaseDue(sanping, 'a', emptyCounters(), unit(expected - 4), inMonth)).toBe(false)
    expect(releaseDue(sanping, 'a', unit(expected - 5), unit(expected), inMonth)).toBe(true)
  })
})

test('no content below k ballots; turnout keeps the counts and drops every rating and opinion', () => {
  expect(shownContent(residents(4), 5)).toEqual(emptyCounters())
  expect(shownContent(residents(5), 5)).toEqual(residents(5))
  const mixed = tally(community, [...casts(community, 'a', 'residents', { satisfied: 2, dissatisfied: 1 })].map((c) => ({ ...c, channelId: 'grid-1' })))
  expect(turnoutOf(mixed)).toEqual({
    ballots: 3, opinions: 0, overall: {}, items: {}, categories: { residents: { ballots: 3, overall: {}, items: {} } }, channels: { 'grid-1': 3 },
  })
})

test('a final 两评一树 result with a weighted part under k ballots shows neither that part, nor the others, nor the composite', () => {
  const liangping = roundFrom('liangping-yishu', { targets: [target('a')] })
  const counters = tally(liangping, [...casts(liangping, 'a', 'internal', { satisfied: 20, dissatisfied: 10 }), ...casts(liangping, 'a', 'service', { dissatisfied: 3 })])
  const { headline, breakdown } = targetResult(liangping, counters)
  // The pooled figures are the target's own (33 ballots); internal's rate beside them would give social's 3 back.
  expect(breakdown.overall.answers).toBe(33)
  expect(headline.satisfaction.percent).toBeNull()
  expect(headline.parts.map((p) => p.summary.answers)).toEqual([0, 0])
  const full = tally(liangping, casts(liangping, 'a', 'service', { dissatisfied: 2 }), counters)
  expect(targetResult(liangping, full).headline.parts.map((p) => p.summary.answers)).toEqual([30, 5])
})
