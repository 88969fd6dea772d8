/** Participation: ballots per target, category and channel, against what seed 000 expects per unit. */
import { participation } from '../../src/core'
import { casts, roundFrom, tally, target } from './fixtures'

test('counts per target, category and channel, with 000\'s 15 + 5 evaluators expected per unit', () => {
  const units = [target('u1'), target('u2')]
  const round = roundFrom('sanping-yilian', { targets: units, groups: [{ id: 'g', name: '第一组', leadUnitId: 'u1', unitIds: ['u1', 'u2'] }] })
  const [unit, allRound] = round.categories.map((c) => c.id)
  const good = round.template.scale.levels[0].id
  const u1 = tally(round, [...casts(round, 'u1', unit, { [good]: 3 }), ...casts(round, 'u1', allRound, { [good]: 2 }).map((c) => ({ ...c, channelId: 'grid-1' }))])
  const u2 = tally(round, casts(round, 'u2', allRound, { [good]: 1 }))
  const p = participation(round, new Map([['u1', u1], ['u2', u2]]))
  expect(p.ballots).toBe(6)
  expect(p.targets).toEqual([
    { id: 'u1', name: '对象u1', ballots: 5, expected: 20 },
    { id: 'u2', name: '对象u2', ballots: 1, expected: 20 },
  ])
  expect(p.categories.map((c) => [c.id, c.ballots, c.expectedPerUnit])).toEqual([[unit, 3, 15], [allRound, 3, 5]])
  expect(p.channels).toEqual([{ id: 'grid-1', name: '一网格', ballots: 2 }, { id: 'grid-2', name: '二网格', ballots: 0 }])
  // The roster the rate is read against: 15 + 5 people for each of the two units.
  expect(p.expectedVoters).toBe(40)
})

test('a round with no counters yet shows zeros, not gaps', () => {
  const round = roundFrom('community-satisfaction', { targets: [target('b1')] })
  expect(participation(round, new Map())).toMatchObject({ ballots: 0, targets: [{ id: 'b1', ballots: 0, expected: null }], categories: [{ ballots: 0, quota: null }], expectedVoters: null })
})

test('a round open to all is measured against the households entered: in all, and at each target when everyone rates every target', () => {
  const round = { ...roundFrom('community-satisfaction', { targets: [target('b1'), target('b2')] }), households: 1200 }
  expect(participation(round, new Map())).toMatchObject({ takesHouseholds: true, households: 1200, expectedVoters: 1200, targets: [{ expected: 1200 }, { expected: 1200 }] })
  // Residents who rate only their own unit's target are not all expected at each one.
  const ownUnit = { ...round, categories: round.categories.map((c) => ({ ...c, scope: { kind: 'own-unit' as const } })) }
  expect(participation(ownUnit, new Map())).toMatchObject({ expectedVoters: 1200, targets: [{ expected: null }, { expected: null }] })
})

test('a roster round keeps its roster: households neither offered nor counted, even if stored', () => {
  const units = [target('u1')]
  const round = { ...roundFrom('sanping-yilian', { targets: units, groups: [{ id: 'g', name: '第一组', leadUnitId: 'u1', unitIds: ['u1'] }] }), households: 999 }
  expect(participation(round, new Map())).toMatchObject({ takesHouseholds: false, expectedVoters: 20, targets: [{ expected: 20 }] })
  // An open category given a count per unit has its roster too.
  const counted = roundFrom('community-satisfaction', { targets: units })
  const withCount = { ...counted, households: 999, categories: counted.categories.map((c) => ({ ...c, expectedPerUnit: 30 })) }
  expect(participation(withCount, new Map())).toMatchObject({ takesHouseholds: false, expectedVoters: 30 })
})
