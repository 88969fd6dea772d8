/** When live content may move (issue 16 §1): steps of k ballots in every part a view tells apart, never near the close. */
import fc from 'fast-check'
import { type Counters, emptyCounters, expectedTurnout, heldBack, lastStretchFrom, nextRelease, releaseDue, type Round, shownContent, targetResult, turnoutOf } from '../../src/core'
import { casts, roundFrom, tally, target } from './fixtures'

const open = (r: Round): Round => ({ ...r, state: 'open' })
const MONTH = { opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-12-01T00:00:00+08:00' }
const community = open(roundFrom('community-satisfaction', { targets: [target('a')], overrides: { window: MONTH } }))
const inMonth = new Date('2026-11-10T12:00:00+08:00')
const residents = (n: number) => tally(community, casts(community, 'a', 'residents', { satisfied: n }))

describe('releaseDue', () => {
  it('takes the first release at 2k ballots (k shown, k left out), and each next one when 2k are out again', () => {
    expect(releaseDue(community, 'a', emptyCounters(), residents(9), inMonth)).toBe(false)
    expect(releaseDue(community, 'a', emptyCounters(), residents(10), inMonth)).toBe(true)
    expect(releaseDue(community, 'a', residents(5), residents(14), inMonth)).toBe(false)
    expect(releaseDue(community, 'a', residents(5), residents(15), inMonth)).toBe(true)
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

  it('moves a weighted part (内部评议 / 社会评议) only when 2k of its ballots are out, since the headline shows each part', () => {
    const liangping = open(roundFrom('liangping-yishu', { targets: [target('a')], overrides: { window: MONTH } }))
    const of = (internal: number, service: number) =>
      tally(liangping, [...casts(liangping, 'a', 'internal', { satisfied: internal }), ...casts(liangping, 'a', 'service', { satisfied: service })])
    expect(releaseDue(liangping, 'a', emptyCounters(), of(9, 9), inMonth)).toBe(false)
    expect(releaseDue(liangping, 'a', emptyCounters(), of(10, 1), inMonth)).toBe(true)
    expect(releaseDue(liangping, 'a', of(5, 0), of(14, 9), inMonth)).toBe(false)
    expect(releaseDue(liangping, 'a', of(5, 0), of(14, 10), inMonth)).toBe(true)
  })

  it('skips a release that fewer than k expected ballots could follow, but not the one with everyone in (000: its roster per target)', () => {
    const sanping = open(roundFrom('sanping-yilian', { targets: [target('a')], overrides: { window: MONTH } }))
    const unit = (n: number) => tally(sanping, casts(sanping, 'a', 'unit', { good: n }))
    const expected = expectedTurnout(sanping).of('a')!
    expect(expected).toBe(15)
    expect(releaseDue(sanping, 'a', emptyCounters(), unit(expected - 5), inMonth)).toBe(true)
    expect(releaseDue(sanping, 'a', emptyCounters(), unit(expected - 4), inMonth)).toBe(false)
    expect(releaseDue(sanping, 'a', unit(5), unit(expected), inMonth)).toBe(true)
  })
})

describe('nextRelease', () => {
  const liangping = open(roundFrom('liangping-yishu', { targets: [target('a')], overrides: { window: MONTH } }))
  const ballot = fc.record({ r: fc.string({ minLength: 16, maxLength: 16, unit: fc.constantFrom(...'0123456789abcdef') }), categoryId: fc.constantFrom('internal', 'service') })
  const partOf = (id: string) => liangping.aggregation.mode === 'weighted' ? liangping.aggregation.parts.findIndex((p) => p.categoryIds.includes(id)) : 0

  it('keeps every released ballot, moves each part by 0 or at least k, and leaves at least k of a moved part out, whichever came last', () => {
    fc.assert(
      fc.property(fc.uniqueArray(ballot, { selector: (b) => b.r, maxLength: 60 }), fc.nat(), (ballots, cut) => {
        // Released earlier: some first arrivals, as a release picked them (by key, within what had come).
        const first = nextRelease(liangping, 'a', new Set(), ballots.slice(0, cut % (ballots.length + 1)), inMonth) ?? []
        const kept = new Set(first.map((b) => b.r))
        const next = nextRelease(liangping, 'a', kept, ballots, inMonth)
        if (next === null) return
        const chosen = new Set(next.map((b) => b.r))
        expect([...kept].every((r) => chosen.has(r))).toBe(true)
        for (const part of [0, 1]) {
          const inPart = ballots.filter((b) => partOf(b.categoryId) === part)
          const moved = inPart.filter((b) => chosen.has(b.r) && !kept.has(b.r)).length
          const out = inPart.filter((b) => !chosen.has(b.r)).length
          expect(moved === 0 || moved >= 5).toBe(true)
          if (moved > 0) expect(out).toBeGreaterThanOrEqual(5)
        }
      }),
    )
  })

  it('leaves out the ballots with the highest keys, not the latest: the order of arrival does not matter', () => {
    const ballots = Array.from({ length: 12 }, (_, i) => ({ r: String.fromCharCode(97 + ((i * 5) % 12)), categoryId: 'residents' }))
    const chosen = nextRelease(community, 'a', new Set(), ballots, inMonth)!
    expect(chosen.map((b) => b.r).sort()).toEqual([...'abcdefg'])
    expect(nextRelease(community, 'a', new Set(), [...ballots].reverse(), inMonth)!.map((b) => b.r).sort()).toEqual([...'abcdefg'])
    expect(nextRelease(community, 'a', new Set(), ballots.slice(0, 9), inMonth)).toBeNull()
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
  const { headline, breakdown } = targetResult(liangping, 'a', counters)
  // The pooled figures are the target's own (33 ballots); internal's rate beside them would give social's 3 back.
  expect(breakdown.overall.answers).toBe(33)
  expect(headline.satisfaction.percent).toBeNull()
  expect(headline.parts.map((p) => p.summary.answers)).toEqual([0, 0])
  const full = tally(liangping, casts(liangping, 'a', 'service', { dissatisfied: 2 }), counters)
  expect(targetResult(liangping, 'a', full).headline.parts.map((p) => p.summary.answers)).toEqual([30, 5])
})

describe('ballots received but not shown are said by their true cause (review 4)', () => {
  /** What a page reads of a target: figures from `shown` (a release, or all once closed), counts from `received`. */
  const resultOf = (round: Round, shown: Counters, received: Counters, now = inMonth) => {
    const content = shownContent(shown, round.kSuppression)
    return targetResult(round, 'a', content, { received: turnoutOf(received), hold: heldBack(round, 'a', content, received, now) })
  }

  it('a closed target of 3 ballots: too few to show, not 暂无评价; sample and compliance count the 3', () => {
    const sanping: Round = { ...roundFrom('sanping-yilian', { targets: [target('a')] }), state: 'closed' }
    const three = tally(sanping, casts(sanping, 'a', 'unit', { good: 3 }))
    const r = resultOf(sanping, three, three)
    expect(r.verdicts.undetermined).toBe('只收到 3 份评价，不足 5 份，为保护参评人员匿名不显示结果')
    expect(r.sample.ballots).toBe(3)
    expect(r.compliance.find((c) => c.categoryId === 'unit')).toMatchObject({ ballots: 3, expected: 15, expectedMet: false })
  })

  it('7 ballots and no release yet: the last stretch, the roster nearly in, a part under k, or due — never "满 5 份后显示"', () => {
    const lastDay = new Date('2026-11-30T12:00:00+08:00')
    expect(resultOf(community, emptyCounters(), residents(7), lastDay).verdicts.undetermined).toBe('已收到 7 份评价；临近评议结束，结果暂停更新，评议结束后显示')
    expect(resultOf(community, emptyCounters(), residents(10)).verdicts.undetermined).toBe('已收到 10 份评价，结果即将显示')
    expect(resultOf(community, emptyCounters(), residents(7)).verdicts.undetermined).toBe('已收到 7 份评价，满 10 份后显示结果')

    const sanping = open(roundFrom('sanping-yilian', { targets: [target('a')], overrides: { window: MONTH } }))
    const expected = expectedTurnout(sanping).of('a')!
    const nearly = tally(sanping, casts(sanping, 'a', 'unit', { good: expected - 3 }))
    expect(resultOf(sanping, emptyCounters(), nearly).verdicts.undetermined).toBe(`已收到 ${expected - 3} 份评价；应收评价剩余不足 5 份，为保护参评人员匿名，评议结束后显示结果`)

    const liangping = open(roundFrom('liangping-yishu', { targets: [target('a')], overrides: { window: MONTH } }))
    const parts = tally(liangping, [...casts(liangping, 'a', 'internal', { satisfied: 7 }), ...casts(liangping, 'a', 'service', { satisfied: 5 })])
    const r = resultOf(liangping, emptyCounters(), parts)
    expect(r.verdicts.undetermined).toBe('已收到 12 份评价；为保护参评人员匿名，有一部分满 10 份后显示结果')
    expect(r.compliance.find((c) => c.categoryId === 'internal')?.ballots).toBe(7)
  })

  it('figures behind the ballots received say when the rest come in', () => {
    const behind = resultOf(community, residents(5), residents(12))
    expect(behind.verdicts.undetermined).toBeNull()
    expect(behind.pending).toBe('以上结果含 5 份评价；其余 7 份暂不计入：为保护参评人员匿名，结果始终留出至少 5 份，其余满 10 份时更新')
    const frozen = resultOf(community, residents(10), residents(12), new Date('2026-11-30T12:00:00+08:00'))
    expect(frozen.pending).toBe('以上结果含 10 份评价；其余 2 份，因临近评议结束暂停更新，评议结束后一并计入')
    expect(resultOf(community, residents(7), residents(7)).pending).toBeNull()
  })
})
