/**
 * The authorisation matrix of the report function: every action × every role × inside / outside
 * the role's subtree, on a published round (whose results every role of its subtree may read).
 * Roles are held in community A; "outside" means community B. A denied call always gets
 * FORBIDDEN; an allowed one reaches the action (any other answer but BAD_INPUT or INTERNAL).
 */
import { database } from '../../cloudfunctions/common/cloudbase'
import type { Runtime } from '../../local/runtime'
import { roleHoldersAt, type Session, signIn, startTestRuntime } from '../helpers/runtime'

type Answer = { ok: true; data: Record<string, unknown> } | { ok: false; error: { code: string; message: string } }
type RoleName = 'admin' | 'organizer' | 'leader' | 'contact' | 'none'
type Place = 'inside' | 'outside'

const ROLES: RoleName[] = ['admin', 'organizer', 'leader', 'contact', 'none']
const HOLDERS: RoleName[] = ['admin', 'organizer', 'leader', 'contact']
const WATCHERS: RoleName[] = ['admin', 'organizer', 'leader']

let runtime: Runtime
const sessions = {} as Record<RoleName, Session>
const rounds = {} as Record<Place, string>
const units: Record<Place, { community: string; target: string }> = {
  inside: { community: 'comm-a', target: 'unit-a1' },
  outside: { community: 'comm-b', target: 'unit-b1' },
}

const call = (who: RoleName, action: string, data: unknown) => sessions[who].call<Answer>('report', { action, data })

const MATRIX: { action: string; allowed: RoleName[]; input: (p: Place) => unknown }[] = [
  { action: 'dashboard', allowed: WATCHERS, input: (p) => ({ unitId: units[p].community }) },
  { action: 'roundResults', allowed: HOLDERS, input: (p) => ({ roundId: rounds[p] }) },
  { action: 'targetDetail', allowed: HOLDERS, input: (p) => ({ roundId: rounds[p], targetId: 'target-1' }) },
  { action: 'trend', allowed: HOLDERS, input: (p) => ({ unitId: units[p].target }) },
  { action: 'exportRound', allowed: HOLDERS, input: (p) => ({ roundId: rounds[p] }) },
  { action: 'reportPdf', allowed: HOLDERS, input: (p) => ({ roundId: rounds[p], targetId: 'target-1' }) },
  // unit-and-evaluators: the unit's members (any role reaching it) and its evaluators; 'none' is neither.
  { action: 'publishedResults', allowed: HOLDERS, input: (p) => ({ roundId: rounds[p] }) },
]

beforeAll(async () => {
  runtime = await startTestRuntime()
  sessions.admin = await signIn(runtime, 'admin')
  const admin = (action: string, data: unknown) => sessions.admin.call<Answer>('organize', { action, data })
  await admin('createUnit', { id: 'street', name: '街道', parentId: null, kind: 'street' })
  const now = Date.now()
  for (const place of ['inside', 'outside'] as Place[]) {
    await admin('createUnit', { id: units[place].community, name: `社区${place}`, parentId: 'street', kind: 'community' })
    await admin('createUnit', { id: units[place].target, name: `单位${place}`, parentId: units[place].community, kind: 'unit' })
    const created = await admin('createRound', {
      templateId: 'community-satisfaction', ownerUnitId: units[place].community, title: `评议${place}`,
      window: { opensAt: new Date(now - 3600_000).toISOString(), closesAt: new Date(now + 86400_000).toISOString() },
      targets: [{ id: 'target-1', name: '被评单位', kind: 'unit', unitId: units[place].target }],
    })
    if (!created.ok) throw new Error(created.error.message)
    rounds[place] = created.data.roundId as string
    for (const action of ['openRound', 'closeRound', 'publishRound']) {
      const moved = await admin(action, { roundId: rounds[place] })
      if (!moved.ok) throw new Error(moved.error.message)
    }
    await database().collection('rounds').doc(rounds[place]).update({ 'round.visibility.audience': 'unit-and-evaluators' })
  }
  Object.assign(sessions, await roleHoldersAt(runtime, sessions.admin, units.inside.community, 900))
  sessions.none = await signIn(runtime, 'voter-999')
})
afterAll(() => runtime.close())

const cells = MATRIX.flatMap((row) =>
  (['inside', 'outside'] as Place[]).flatMap((place) => ROLES.map((role) => ({ ...row, place, role, expected: place === 'inside' ? row.allowed.includes(role) : role === 'admin' }))),
)

test.each(cells)('$action by $role $place → allowed: $expected', async ({ action, role, place, input, expected }) => {
  const answer = await call(role, action, input(place))
  const forbidden = !answer.ok && answer.error.code === 'FORBIDDEN'
  expect({ forbidden, answer: forbidden ? undefined : answer.ok ? 'ok' : answer.error.code }).toEqual(expect.objectContaining({ forbidden: !expected }))
  if (forbidden) expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '您没有进行这个操作的权限。' } })
  else expect(answer.ok ? 'ok' : answer.error.code).toBe('ok')
})

/**
 * Permission before existence (issue 10): to a caller who holds no right there, each id the input
 * names (round, unit, target) made up, alone and all together, gets exactly the real one's answer.
 */
function madeUp(input: unknown, place: Place): unknown[] {
  const named = [rounds[place], units[place].community, units[place].target, 'target-1'].filter((id) => JSON.stringify(input).includes(`"${id}"`))
  return [...named.map((id) => [id]), named].map((ids) => JSON.parse(JSON.stringify(input), (_key, v: unknown) => (typeof v === 'string' && ids.includes(v) ? `${v}-madeup` : v)))
}

test.each(cells.filter((c) => !c.expected))('$action by $role $place: a made-up id is answered as the real one', async ({ action, role, place, input }) => {
  const real = input(place)
  const answer = await call(role, action, real)
  for (const probe of madeUp(real, place)) expect({ probe, answer: await call(role, action, probe) }).toEqual({ probe, answer })
})

test('a draft\'s published results are answered to a resident as an unknown round\'s', async () => {
  const admin = (action: string, data: unknown) => sessions.admin.call<Answer>('organize', { action, data })
  const now = Date.now()
  const created = await admin('createRound', {
    templateId: 'community-satisfaction', ownerUnitId: units.outside.community, title: '草稿', window: { opensAt: new Date(now + 86400_000).toISOString(), closesAt: new Date(now + 2 * 86400_000).toISOString() },
    targets: [{ id: 'target-1', name: '被评单位', kind: 'unit', unitId: units.outside.target }],
  })
  if (!created.ok) throw new Error(created.error.message)
  const draft = await call('none', 'publishedResults', { roundId: created.data.roundId })
  expect(draft).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '您没有进行这个操作的权限。' } })
  expect(await call('none', 'publishedResults', { roundId: 'no-such-round' })).toEqual(draft)
})

test('a contact reads only their own unit\'s targets, and a leader\'s dashboard rolls up only their subtree', async () => {
  const results = await call('contact', 'roundResults', { roundId: rounds.inside })
  expect(results.ok && (results.data.targets as { unitId: string }[]).map((t) => t.unitId)).toEqual([units.inside.target])
  const board = await call('leader', 'dashboard', {})
  expect(board.ok && (board.data.rounds as { id: string }[]).map((r) => r.id)).toEqual([rounds.inside])
  expect(board.ok && (board.data.children as { unitId: string }[]).map((c) => c.unitId)).toEqual([units.inside.target])
})
