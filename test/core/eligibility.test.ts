import { eligibleTargets, isEligible, type Round } from '../../src/core'
import { roundFrom, target } from './fixtures'

// Seed 000: group 3 has units a–d led by a; unit e is in another group.
const round = roundFrom('sanping-yilian', {
  targets: ['a', 'b', 'c', 'd', 'e'].map((u) => target(`t-${u}`, u, 'leadership-team')),
  groups: [
    { id: 'g3', name: '第三组', leadUnitId: 'a', unitIds: ['a', 'b', 'c', 'd'] },
    { id: 'g4', name: '第四组', leadUnitId: 'e', unitIds: ['e'] },
  ],
})
const ids = (r: Round, category: string, unit: string) => eligibleTargets(r, category, unit).map((t) => t.id)

describe('eligibleTargets', () => {
  it('lets a unit evaluator rate only their own unit', () => {
    expect(ids(round, 'unit', 'b')).toEqual(['t-b'])
  })

  it('lets an all-round evaluator rate every unit of their group, and nothing outside it', () => {
    expect(ids(round, 'all-round', 'b')).toEqual(['t-a', 't-b', 't-c', 't-d'])
    expect(isEligible(round, 'all-round', 'b', 't-e')).toBe(false)
  })

  it('gives round scope every target and subset scope the chosen ones', () => {
    const r: Round = {
      ...round,
      categories: [
        { id: 'all', name: '全体', scope: { kind: 'round' }, access: 'open' },
        { id: 'some', name: '部分', scope: { kind: 'subset', targetIds: ['t-c', 't-e'] }, access: 'open' },
      ],
    }
    expect(ids(r, 'all', 'x')).toHaveLength(5)
    expect(ids(r, 'some', 'x')).toEqual(['t-c', 't-e'])
  })

  it('grants nothing for an unknown category or an unset scope', () => {
    expect(ids(round, 'nobody', 'a')).toEqual([])
    const draft: Round = { ...round, categories: [{ id: 'x', name: '待定', scope: null, access: 'open' }] }
    expect(ids(draft, 'x', 'a')).toEqual([])
  })
})
