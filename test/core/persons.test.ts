/** Persons as targets: eligibility by the unit they belong to, and results withheld like any breakdown. */
import { eligibleTargets, targetResult } from '../../src/core'
import { casts, roundFrom, tally } from './fixtures'

const member = (id: string, unitId: string, position?: string) => ({ id, name: `党员${id}`, kind: 'party-member' as const, unitId, ...(position ? { position } : {}) })
const round = roundFrom('chuangxian-member', { targets: [member('m1', 'b1', '支部书记'), member('m2', 'b1'), member('m3', 'b2')] })

test('own-unit means the persons of my unit', () => {
  expect(eligibleTargets(round, 'peers', 'b1').map((t) => t.id)).toEqual(['m1', 'm2'])
  expect(eligibleTargets(round, 'masses', 'b2').map((t) => t.id)).toEqual(['m3'])
})

test('a person\'s result withholds a category resting on fewer than k ballots, and its complement', () => {
  const counters = tally(round, [...casts(round, 'm1', 'peers', { satisfied: 3 }), ...casts(round, 'm1', 'masses', { satisfied: 6 })])
  const result = targetResult(round, 'm1', counters)
  expect(result.ballots).toBe(9)
  expect(result.categories.map((c) => [c.categoryId, c.suppressed])).toEqual([['peers', true], ['masses', true]])
})
