/**
 * The authorisation matrix of the organise function: every action × every role × inside / outside
 * the role's subtree. Roles are held in community A; "outside" means community B. An allowed call
 * may still be refused for a domain reason (a round already closed), never with FORBIDDEN; a
 * denied call always gets FORBIDDEN.
 */
import type { Runtime } from '../../local/runtime'
import { type Session, signIn, startTestRuntime } from '../helpers/runtime'

type Answer = { ok: true; data: Record<string, unknown> } | { ok: false; error: { code: string; message: string } }
type RoleName = 'admin' | 'organizer' | 'leader' | 'contact' | 'none'
type Place = 'inside' | 'outside'

const ROLES: RoleName[] = ['admin', 'organizer', 'leader', 'contact', 'none']
const ANYONE: RoleName[] = ROLES
const MANAGERS: RoleName[] = ['admin', 'organizer']
const READERS: RoleName[] = ['admin', 'organizer', 'leader']

let runtime: Runtime
const sessions = {} as Record<RoleName, Session>
const rounds = {} as Record<Place, string>
const units: Record<Place, { community: string; target: string }> = {
  inside: { community: 'comm-a', target: 'unit-a1' },
  outside: { community: 'comm-b', target: 'unit-b1' },
}

const call = (who: RoleName, action: string, data: unknown) => sessions[who].call<Answer>('organize', { action, data })
const window = () => ({ opensAt: new Date(Date.now() - 3600_000).toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() })
const csv = (place: Place) => Buffer.from(`姓名,单位,类别\n张三,${units[place].target},unit\n`).toString('base64')

/** Each action, with the input that aims it at a place. Expectations name who may act inside; outside, only the admin (at the root) may. */
const MATRIX: { action: string; allowed: RoleName[]; input: (p: Place) => unknown; scoped?: boolean }[] = [
  { action: 'claimSetup', allowed: ANYONE, scoped: false, input: () => ({ setupCode: 'WRONG-CODE', displayName: '某人' }) },
  { action: 'myUnits', allowed: ANYONE, scoped: false, input: () => ({}) },
  { action: 'redeemRole', allowed: ANYONE, scoped: false, input: () => ({ code: 'NOSUCHCODE', displayName: '某人' }) },
  { action: 'listRounds', allowed: ANYONE, scoped: false, input: () => ({}) },
  { action: 'listTemplates', allowed: ANYONE, scoped: false, input: () => ({}) },
  { action: 'createUnit', allowed: MANAGERS, input: (p) => ({ name: '新网格', parentId: units[p].community, kind: 'grid' }) },
  { action: 'inviteRole', allowed: MANAGERS, input: (p) => ({ role: 'contact', unitId: units[p].community }) },
  { action: 'inviteRole', allowed: ['admin'], input: (p) => ({ role: 'organizer', unitId: units[p].community }) },
  { action: 'getRound', allowed: READERS, input: (p) => ({ roundId: rounds[p] }) },
  { action: 'participation', allowed: READERS, input: (p) => ({ roundId: rounds[p] }) },
  { action: 'createRound', allowed: MANAGERS, input: (p) => ({ templateId: 'community-satisfaction', ownerUnitId: units[p].community, title: '新评议', window: window(), targets: [{ id: 't', name: '对象', kind: 'unit', unitId: units[p].target }] }) },
  { action: 'copyRound', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], title: '复制的评议', window: window() }) },
  { action: 'updateRound', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], patch: { title: '改过的标题' } }) },
  { action: 'addRoster', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], categoryId: 'unit', entries: [{ name: '李四', unitId: units[p].target }] }) },
  { action: 'importRoster', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], fileName: 'roster.csv', base64: csv(p) }) },
  { action: 'sharedCode', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], categoryId: 'all-round', unitId: units[p].target, maxUses: 5 }) },
  { action: 'readPersons', allowed: MANAGERS, input: (p) => ({ ownerUnitId: units[p].community, fileName: 'persons.csv', base64: csv(p) }) },
  { action: 'codeKind', allowed: ANYONE, scoped: false, input: () => ({ code: 'NOSUCHCODE' }) },
  { action: 'listCodes', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p] }) },
  { action: 'codeSheet', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], unitId: units[p].target }) },
  { action: 'addChannel', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], name: '网格群' }) },
  { action: 'sharePoster', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], channelId: 'grid-1' }) },
  { action: 'writeReport', allowed: ['admin', 'organizer', 'contact'], input: (p) => ({ roundId: rounds[p], targetId: 'target-1', text: '本单位工作情况报告' }) },
  { action: 'myReports', allowed: ['admin', 'organizer', 'contact'], input: (p) => ({ roundId: rounds[p] }) },
  { action: 'approveReport', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], targetId: 'target-1' }) },
  { action: 'auditLog', allowed: MANAGERS, input: (p) => ({ unitId: units[p].community }) },
  { action: 'openRound', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p] }) },
  { action: 'closeRound', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p] }) },
  { action: 'publishRound', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p] }) },
  { action: 'archiveRound', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p] }) },
]

beforeAll(async () => {
  runtime = await startTestRuntime()
  sessions.admin = await signIn(runtime, 'admin')
  const admin = (action: string, data: unknown) => sessions.admin.call<Answer>('organize', { action, data })
  await admin('createUnit', { id: 'street', name: '街道', parentId: null, kind: 'street' })
  for (const place of ['inside', 'outside'] as Place[]) {
    await admin('createUnit', { id: units[place].community, name: `社区${place}`, parentId: 'street', kind: 'community' })
    await admin('createUnit', { id: units[place].target, name: `单位${place}`, parentId: units[place].community, kind: 'unit' })
    const created = await admin('createRound', {
      templateId: 'sanping-yilian', ownerUnitId: units[place].community, title: `评议${place}`, window: window(),
      targets: [{ id: 'target-1', name: '被评单位', kind: 'unit', unitId: units[place].target }],
      groups: [{ id: 'g', name: '第一组', leadUnitId: units[place].target, unitIds: [units[place].target] }],
      channels: [{ id: 'grid-1', name: '一网格群' }],
    })
    if (!created.ok) throw new Error(created.error.message)
    rounds[place] = created.data.roundId as string
  }
  for (const [i, role] of (['organizer', 'leader', 'contact'] as const).entries()) {
    const invited = await admin('inviteRole', { role, unitId: units.inside.community })
    if (!invited.ok) throw new Error(invited.error.message)
    sessions[role] = await signIn(runtime, `voter-${900 + i}`)
    const redeemed = await sessions[role].call<Answer>('organize', { action: 'redeemRole', data: { code: invited.data.code, displayName: `${role}某` } })
    if (!redeemed.ok) throw new Error(redeemed.error.message)
  }
  sessions.none = await signIn(runtime, 'voter-999')
})
afterAll(() => runtime.close())

const cells = MATRIX.flatMap((row) =>
  (row.scoped === false ? (['inside'] as Place[]) : (['inside', 'outside'] as Place[])).flatMap((place) =>
    ROLES.map((role) => ({ ...row, place, role, expected: (place === 'inside' || row.scoped === false ? row.allowed.includes(role) : role === 'admin') })),
  ),
)

test.each(cells)('$action by $role $place → allowed: $expected', async ({ action, role, place, input, expected }) => {
  const answer = await call(role, action, input(place))
  const forbidden = !answer.ok && answer.error.code === 'FORBIDDEN'
  expect({ forbidden, answer: forbidden ? undefined : answer.ok ? 'ok' : answer.error.code }).toEqual(expect.objectContaining({ forbidden: !expected }))
  if (forbidden) expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '您没有进行这个操作的权限。' } })
  // An allowed cell must reach the action itself: a malformed input or a crash would prove nothing.
  else expect(['BAD_INPUT', 'INTERNAL', 'UNKNOWN_ACTION']).not.toContain(answer.ok ? 'ok' : answer.error.code)
})

test('listRounds shows each role only the rounds of its subtree', async () => {
  const titles = async (role: RoleName) => {
    const answer = await call(role, 'listRounds', {})
    return answer.ok ? (answer.data.rounds as { id: string }[]).map((r) => r.id) : []
  }
  expect(await titles('admin')).toEqual(expect.arrayContaining([rounds.inside, rounds.outside]))
  for (const role of ['organizer', 'leader'] as RoleName[]) {
    expect(await titles(role)).toContain(rounds.inside)
    expect(await titles(role)).not.toContain(rounds.outside)
  }
  expect(await titles('none')).toEqual([])
})
