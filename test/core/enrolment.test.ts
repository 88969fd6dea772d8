/** Enrolment in open categories, and the moment ballots are accepted (server time, Shanghai). */
import { acceptsBallots, acceptsEnrolment, enrolInOpenCategory, inShanghaiWindow } from '../../src/core'
import { roundFrom, target, WINDOW } from './fixtures'

const units = [target('u1'), target('u2'), target('u3'), target('u4')]
const groups = [{ id: 'g1', name: '第一组', leadUnitId: 'u1', unitIds: ['u1', 'u2'] }, { id: 'g2', name: '第二组', leadUnitId: 'u3', unitIds: ['u3', 'u4'] }]

describe('enrolInOpenCategory', () => {
  test('a resident of an open, round-wide category may rate every target and needs no unit', () => {
    const round = roundFrom('community-satisfaction', { targets: units })
    expect(enrolInOpenCategory(round, 'residents', undefined)).toEqual({ ok: true, value: { categoryId: 'residents', unitId: null, eligibleTargetIds: ['u1', 'u2', 'u3', 'u4'] } })
  })

  test('a roster-only category (000 unit evaluators) cannot be chosen, only entered by invitation', () => {
    const round = roundFrom('sanping-yilian', { targets: units, groups })
    const result = enrolInOpenCategory(round, round.categories[0].id, 'u1')
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_ON_ROSTER' } })
  })

  test('a group-scoped open category asks for the unit and grants the units of its group', () => {
    const drafted = roundFrom('sanping-yilian', { targets: units, groups })
    const round = { ...drafted, categories: drafted.categories.map((c) => ({ ...c, access: 'open' as const })) }
    const allRound = round.categories.find((c) => c.scope?.kind === 'group')!.id
    expect(enrolInOpenCategory(round, allRound, undefined)).toMatchObject({ ok: false, error: { code: 'UNIT_REQUIRED', message: '请先选择您所在的单位' } })
    expect(enrolInOpenCategory(round, allRound, 'elsewhere')).toMatchObject({ ok: false, error: { code: 'UNIT_NOT_IN_ROUND' } })
    expect(enrolInOpenCategory(round, allRound, 'u3')).toEqual({ ok: true, value: { categoryId: allRound, unitId: 'u3', eligibleTargetIds: ['u3', 'u4'] } })
  })

  test('an unknown category is refused', () => {
    expect(enrolInOpenCategory(roundFrom('community-satisfaction', { targets: units }), 'nobody', undefined)).toMatchObject({ ok: false, error: { code: 'CATEGORY_UNKNOWN' } })
  })
})

describe('acceptsBallots', () => {
  const open = roundFrom('community-satisfaction', { targets: units, overrides: { state: 'open' } })
  test('only an open round, and only inside its half-open window [opensAt, closesAt)', () => {
    expect(acceptsBallots(open, '2014-06-18T07:59:59+08:00')).toMatchObject({ ok: false, error: { code: 'WINDOW_NOT_YET_OPEN' } })
    expect(acceptsBallots(open, WINDOW.opensAt)).toEqual({ ok: true, value: true })
    expect(acceptsBallots(open, '2014-06-18T03:59:59Z')).toEqual({ ok: true, value: true })
    expect(acceptsBallots(open, WINDOW.closesAt)).toMatchObject({ ok: false, error: { code: 'WINDOW_ENDED' } })
    expect(acceptsBallots({ ...open, state: 'draft' }, WINDOW.opensAt)).toMatchObject({ ok: false, error: { code: 'ROUND_NOT_OPEN' } })
    expect(acceptsBallots({ ...open, state: 'closed' }, WINDOW.opensAt)).toMatchObject({ ok: false, error: { code: 'ROUND_NOT_OPEN' } })
  })
})

test('a window written in any offset is kept as Shanghai wall-clock time', () => {
  expect(inShanghaiWindow({ opensAt: '2026-11-22T01:00:00Z', closesAt: '2026-11-22T16:30:00.000Z' })).toEqual({ opensAt: '2026-11-22T09:00:00+08:00', closesAt: '2026-11-23T00:30:00+08:00' })
})

describe('acceptsEnrolment', () => {
  test('residents join only an open round; to them a draft does not exist', () => {
    const round = roundFrom('community-satisfaction', { targets: units })
    const codes = (['draft', 'open', 'closed', 'published', 'archived'] as const).map((state) => {
      const result = acceptsEnrolment({ ...round, state })
      return result.ok ? 'ok' : result.error.code
    })
    expect(codes).toEqual(['ROUND_NOT_FOUND', 'ok', 'ROUND_NOT_OPEN', 'ROUND_NOT_OPEN', 'ROUND_NOT_OPEN'])
  })
})
