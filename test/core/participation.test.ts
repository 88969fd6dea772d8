/** Participation: ballots per target, category and channel, against what each procedure's scopes expect. */
import { builtinTemplates, expectedTurnout, participation, type Round } from '../../src/core'
import { casts, roundFrom, tally, target } from './fixtures'

test('counts per target, category and channel: 000 expects a unit\'s own 15 and 5 from every unit of its group', () => {
  const units = [target('u1'), target('u2')]
  const round = roundFrom('sanping-yilian', { targets: units, groups: [{ id: 'g', name: '第一组', leadUnitId: 'u1', unitIds: ['u1', 'u2'] }] })
  const [unit, allRound] = round.categories.map((c) => c.id)
  const good = round.template.scale.levels[0].id
  const u1 = tally(round, [...casts(round, 'u1', unit, { [good]: 3 }), ...casts(round, 'u1', allRound, { [good]: 2 }).map((c) => ({ ...c, channelId: 'grid-1' }))])
  const u2 = tally(round, casts(round, 'u2', allRound, { [good]: 1 }))
  const p = participation(round, new Map([['u1', u1], ['u2', u2]]))
  expect(p.ballots).toBe(6)
  expect(p.targets).toEqual([
    { id: 'u1', name: '对象u1', ballots: 5, expected: 15 + 5 * 2, spoiled: 0, blank: 0 },
    { id: 'u2', name: '对象u2', ballots: 1, expected: 15 + 5 * 2, spoiled: 0, blank: 0 },
  ])
  expect(p.categories.map((c) => [c.id, c.ballots, c.expectedPerUnit])).toEqual([[unit, 3, 15], [allRound, 3, 5]])
  expect(p.channels).toEqual([{ id: 'grid-1', name: '一网格', kind: 'share', ballots: 2 }, { id: 'grid-2', name: '二网格', kind: 'share', ballots: 0 }])
  expect(p.subtotals).toEqual([{ kind: 'online', ballots: 6 }, { kind: 'meeting', ballots: 0 }, { kind: 'paper', ballots: 0 }])
  // The roster the rate is read against: 15 + 5 people for each of the two units.
  expect(p.expectedVoters).toBe(40)
})

test('online, meeting and paper subtotals add up to the ballots; spoiled and blank sheets sit beside them, outside every count', () => {
  const units = [target('u1'), target('u2')]
  const base = roundFrom('sanping-yilian', { targets: units, groups: [{ id: 'g', name: '第一组', leadUnitId: 'u1', unitIds: ['u1', 'u2'] }] })
  const round = { ...base, channels: [...base.channels, { id: 'hall', name: '第一组会场', kind: 'meeting' as const }, { id: 'paper', name: '纸质票', kind: 'paper' as const }] }
  const [unit] = round.categories.map((c) => c.id)
  const good = round.template.scale.levels[0].id
  const via = (channelId: string | undefined, n: number) => casts(round, 'u1', unit, { [good]: n }).map((c) => ({ ...c, channelId }))
  const u1 = tally(round, [...via('grid-1', 2), ...via(undefined, 1), ...via('hall', 3), ...via('paper', 4)])
  const p = participation(round, new Map([['u1', u1]]), round.targets, new Map([['u1', { spoiled: 2, blank: 1 }]]))
  expect(p.subtotals).toEqual([{ kind: 'online', ballots: 3 }, { kind: 'meeting', ballots: 3 }, { kind: 'paper', ballots: 4 }])
  expect(p.subtotals.reduce((n, s) => n + s.ballots, 0)).toBe(p.ballots)
  expect(p.targets).toEqual([expect.objectContaining({ id: 'u1', ballots: 10, spoiled: 2, blank: 1 }), expect.objectContaining({ id: 'u2', ballots: 0, spoiled: 0, blank: 0 })])
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

const fourUnits = ['u1', 'u2', 'u3', 'u4'].map((id) => target(id))
const groupOfFour = [{ id: 'g', name: '第一组', leadUnitId: 'u1', unitIds: ['u1', 'u2', 'u3', 'u4'] }]

test('seed 000, a group of four: 35 ballots per unit (15 + 5 × 4), 80 people in all', () => {
  const round = roundFrom('sanping-yilian', { targets: fourUnits, groups: groupOfFour })
  const expected = expectedTurnout(round)
  expect(fourUnits.map((t) => expected.of(t.id))).toEqual([35, 35, 35, 35])
  expect(expected.voters).toBe(80)
  expect(participation(round, new Map()).targets.map((t) => t.expected)).toEqual([35, 35, 35, 35])
  // Two groups of two: each unit hears from its own group only.
  const pairs = roundFrom('sanping-yilian', { targets: fourUnits, groups: [
    { id: 'g1', name: '第一组', leadUnitId: 'u1', unitIds: ['u1', 'u2'] },
    { id: 'g2', name: '第二组', leadUnitId: 'u3', unitIds: ['u3', 'u4'] },
  ] })
  expect(fourUnits.map((t) => expectedTurnout(pairs).of(t.id))).toEqual([25, 25, 25, 25])
  // A leader who sees one unit still reads its 35: the expected count comes from the whole round.
  expect(participation(round, new Map(), [fourUnits[2]!]).targets).toEqual([{ id: 'u3', name: '对象u3', ballots: 0, expected: 35, spoiled: 0, blank: 0 }])
})

/** Per target, what each scope kind contributes for a count of `n` per unit, over the round's units. */
function byHand(round: Round, targetId: string): number | null {
  const target = round.targets.find((t) => t.id === targetId)!
  const units = new Set([...round.targets.map((t) => t.unitId), ...round.groups.flatMap((g) => g.unitIds)])
  const counted = round.categories.filter((c) => c.expectedPerUnit)
  if (counted.length === 0) return null
  const sum = counted.reduce((total, c) => {
    const n = c.expectedPerUnit!
    switch (c.scope?.kind) {
      case 'own-unit': return total + n
      case 'group': return total + n * (round.groups.find((g) => g.unitIds.includes(target.unitId))?.unitIds.length ?? 0)
      case 'round': return total + n * units.size
      case 'subset': return total + (c.scope.targetIds.includes(targetId) ? n * units.size : 0)
      default: return total
    }
  }, 0)
  return sum || null
}

describe.each(builtinTemplates.map((t) => [t.id]))('template %s: expected ballots follow each category\'s scope', (templateId) => {
  // Three units in one group, a person target in u1 beside the units themselves.
  const targets = [target('u1'), target('u2'), target('u3'), target('p1', 'u1', 'party-member')]
  const groups = [{ id: 'g', name: '第一组', leadUnitId: 'u1', unitIds: ['u1', 'u2', 'u3'] }]
  const drafted = roundFrom(templateId, { targets, groups })
  // The template's own counts, and a count of 4 on every category, so every scope kind it uses is exercised.
  const counted = { ...drafted, categories: drafted.categories.map((c) => ({ ...c, expectedPerUnit: 4 })) }
  test.each([['as shipped', drafted], ['every category counted', counted]] as const)('%s', (_, round) => {
    const expected = expectedTurnout(round)
    for (const t of round.targets) expect(expected.of(t.id)).toBe(byHand(round, t.id))
  })
})

test('every scope kind: own unit, group, the whole round and a subset of targets', () => {
  const base = roundFrom('sanping-yilian', { targets: fourUnits, groups: [{ id: 'g', name: '第一组', leadUnitId: 'u1', unitIds: ['u1', 'u2'] }] })
  const only = (scope: Round['categories'][number]['scope']) => ({ ...base, categories: [{ id: 'c', name: '类别', scope, expectedPerUnit: 3, access: 'roster' as const }] })
  const of = (round: Round) => fourUnits.map((t) => expectedTurnout(round).of(t.id))
  expect(of(only({ kind: 'own-unit' }))).toEqual([3, 3, 3, 3])
  // u3 and u4 are in no group: a group scope reaches neither them nor from them.
  expect(of(only({ kind: 'group' }))).toEqual([6, 6, null, null])
  expect(of(only({ kind: 'round' }))).toEqual([12, 12, 12, 12])
  expect(of(only({ kind: 'subset', targetIds: ['u2'] }))).toEqual([null, 12, null, null])
  expect(of(only(null))).toEqual([null, null, null, null])
})
