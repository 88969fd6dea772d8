import fc from 'fast-check'
import {
  Counters, applyIncrements, counterIncrements, emptyCounters, mergeCounters, targetResult, templateItems,
  type Round, type ValidBallot,
} from '../../src/core'
import { ballot, roundFrom, tally, target } from './fixtures'

const round = roundFrom('liangping-yishu', { targets: [target('a')] })

describe('counterIncrements', () => {
  it('turns one ballot into flat dotted $inc paths', () => {
    const b = { ...ballot(round, 'a', 'satisfied', 'unknown'), items: { ...ballot(round, 'a', 'satisfied', 'unknown').items, w2: 'dissatisfied' } } as ValidBallot
    const incs = counterIncrements(round, 'service', { ...b, opinion: '好' } as ValidBallot, 'grid-1')
    expect(incs).toMatchObject({
      ballots: 1,
      opinions: 1,
      'overall.satisfied': 1,
      'items.w1.unknown': 1,
      'items.w2.dissatisfied': 1,
      'categories.service.ballots': 1,
      'categories.service.overall.satisfied': 1,
      'categories.service.items.w2.dissatisfied': 1,
      'channels.grid-1': 1,
    })
    // 1 + 1 overall + 1 opinion + 1 channel, and per category 1 + 1, plus 8 items twice.
    expect(Object.keys(incs)).toHaveLength(6 + 2 * templateItems(round.template).length)
    expect(Object.keys(incs).every((p) => /^[A-Za-z0-9_.-]+$/.test(p))).toBe(true)
  })

  it('refuses a category or channel outside the round', () => {
    const b = ballot(round, 'a', 'satisfied')
    expect(() => counterIncrements(round, 'strangers', b)).toThrow()
    expect(() => counterIncrements(round, 'internal', b, 'grid-9')).toThrow()
  })

  it('applies increments like $inc, without mutating, into schema-valid counters', () => {
    const start = emptyCounters()
    const c = applyIncrements(start, { ballots: 1, 'overall.satisfied': 1, 'categories.internal.items.w1.unknown': 1 })
    expect(start).toEqual(emptyCounters())
    expect(c.categories.internal?.items.w1).toEqual({ unknown: 1 })
    expect(Counters.safeParse(tally(round, [{ categoryId: 'internal', ballot: ballot(round, 'a', 'satisfied') }])).success).toBe(true)
  })
})

// Random ballots over a template's scale, in random categories of the round.
function arbitraryCasts(r: Round) {
  const levels = r.template.scale.levels.map((l) => l.id)
  const items = templateItems(r.template).map((i) => i.id)
  const level = fc.constantFrom(...levels)
  return fc.array(
    fc.record({
      categoryId: fc.constantFrom(...r.categories.map((c) => c.id)),
      overall: level,
      items: fc.tuple(...items.map(() => level)),
      opinion: fc.boolean(),
    }).map((x) => ({
      categoryId: x.categoryId,
      ballot: ballot(r, 'a', x.overall, undefined, x.opinion ? '意见' : undefined),
      itemLevels: x.items,
    })).map(({ categoryId, ballot: b, itemLevels }) => ({
      categoryId,
      ballot: { ...b, items: Object.fromEntries(items.map((id, i) => [id, itemLevels[i] as string])) } as ValidBallot,
    })),
    { maxLength: 40 },
  )
}

describe('mergeCounters (properties)', () => {
  it('is associative and commutative with emptyCounters() as identity', () => {
    const shard = arbitraryCasts(round).map((cs) => tally(round, cs))
    fc.assert(fc.property(shard, shard, shard, (a, b, c) => {
      expect(mergeCounters(a, b)).toEqual(mergeCounters(b, a))
      expect(mergeCounters(mergeCounters(a, b), c)).toEqual(mergeCounters(a, mergeCounters(b, c)))
      expect(mergeCounters(emptyCounters(), a)).toEqual(a)
    }), { numRuns: 60 })
  })

  it('gives the same result however ballots are split into shards and merged', () => {
    fc.assert(fc.property(arbitraryCasts(round), fc.array(fc.nat(3)), (cs, assignment) => {
      const shards = [0, 1, 2, 3].map((s) => tally(round, cs.filter((_, i) => (assignment[i] ?? 0) === s)))
      const merged = [...shards].reverse().reduce(mergeCounters, emptyCounters())
      expect(targetResult(round, 'a', merged)).toEqual(targetResult(round, 'a', tally(round, cs)))
    }), { numRuns: 60 })
  })
})

/** The recount: figures taken straight from the ballots, with the DOMAIN.md definitions. */
function recount(r: Round, cs: { categoryId: string; ballot: ValidBallot }[]) {
  const classOf = (level: string) => r.template.scale.levels.find((l) => l.id === level)?.class
  const scoreOf = (level: string) => r.template.scale.levels.find((l) => l.id === level)?.score ?? 0
  const nonAbstaining = cs.filter((c) => classOf(c.ballot.overall) !== 'abstain')
  const count = (pred: (cls: string | undefined) => boolean) => nonAbstaining.filter((c) => pred(classOf(c.ballot.overall))).length
  return {
    valid: nonAbstaining.length,
    satisfied: count((k) => k === 'satisfied-full' || k === 'satisfied-basic'),
    full: count((k) => k === 'satisfied-full'),
    dissatisfied: count((k) => k === 'dissatisfied'),
    scoreSum: nonAbstaining.reduce((s, c) => s + scoreOf(c.ballot.overall), 0),
    opinions: cs.filter((c) => c.ballot.opinion).length,
  }
}

describe('results from counters equal a recount from the ballots', () => {
  it.each(['liangping-yishu', 'chuangxian-branch', 'sanping-yilian'])('%s, pooled', (templateId) => {
    const r: Round = { ...roundFrom(templateId, { targets: [target('a')] }), aggregation: { mode: 'pooled' } }
    fc.assert(fc.property(arbitraryCasts(r), (cs) => {
      const h = targetResult(r, 'a', tally(r, cs))
      const expected = recount(r, cs)
      expect(h.headline.valid).toBe(expected.valid)
      expect([h.headline.satisfaction.num, h.headline.satisfaction.den]).toEqual([expected.satisfied, expected.valid])
      expect([h.headline.good.num, h.headline.dissatisfied.num]).toEqual([expected.full, expected.dissatisfied])
      expect(h.headline.meanScore.value).toBe(expected.valid ? Math.round((expected.scoreSum / expected.valid) * 10) / 10 : null)
      expect([h.ballots, h.opinions]).toEqual([cs.length, expected.opinions])
      for (const c of h.categories) {
        const mine = cs.filter((x) => x.categoryId === c.categoryId)
        if (!c.suppressed) expect(c.overall.satisfaction.num).toBe(recount(r, mine).satisfied)
      }
    }), { numRuns: 80 })
  })
})
