/**
 * The authorisation matrix of the organise function: every action × every role × inside / outside
 * the role's subtree. Roles are held in community A; "outside" means community B. An allowed call
 * may still be refused for a domain reason (a round already closed), never with FORBIDDEN; a
 * denied call always gets FORBIDDEN.
 */
import ExcelJS from 'exceljs'
import type { Runtime } from '../../local/runtime'
import { rawRequest } from '../helpers/http'
import { roleHoldersAt, type Session, signIn, startTestRuntime } from '../helpers/runtime'
import { storedDocs } from '../helpers/store'
import { database } from '../../cloudfunctions/common/cloudbase'

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
/** Per place, a contact's role for revokeRole cells (re-granted before each cell) and spare roster codes to void. */
const holderIds = {} as Record<Place, string>
const spareCodes: Record<Place, string[]> = { inside: [], outside: [] }
/** Per place, a rectification item owned by a contact of the place's target unit, none of this matrix's roles. */
const itemIds = {} as Record<Place, string>
const units: Record<Place, { community: string; target: string }> = {
  inside: { community: 'comm-a', target: 'unit-a1' },
  outside: { community: 'comm-b', target: 'unit-b1' },
}

const call = (who: RoleName, action: string, data: unknown) => sessions[who].call<Answer>('organize', { action, data })
const window = () => ({ opensAt: new Date(Date.now() - 3600_000).toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() })
const csv = (place: Place) => Buffer.from(`姓名,单位,类别\n张三,${units[place].target},unit\n`).toString('base64')

/** Each action, with the input that aims it at a place. Expectations name who may act inside; outside, only the admin (at the root) may. */
const MATRIX: { action: string; allowed: RoleName[]; input: (p: Place) => unknown; scoped?: boolean; owner?: boolean }[] = [
  { action: 'claimSetup', allowed: ANYONE, scoped: false, input: () => ({ setupCode: 'WRONG-CODE', displayName: '某人' }) },
  { action: 'myUnits', allowed: ANYONE, scoped: false, input: () => ({}) },
  { action: 'redeemRole', allowed: ANYONE, scoped: false, input: () => ({ code: 'NOSUCHCODE', displayName: '某人' }) },
  { action: 'listRounds', allowed: ANYONE, scoped: false, input: () => ({}) },
  { action: 'listTemplates', allowed: ANYONE, scoped: false, input: () => ({}) },
  { action: 'createUnit', allowed: MANAGERS, input: (p) => ({ name: '新网格', parentId: units[p].community, kind: 'grid' }) },
  // Issue 8: an existing id is a coded conflict, not a crash.
  { action: 'createUnit', allowed: MANAGERS, input: (p) => ({ id: units[p].target, name: '重名单位', parentId: units[p].community, kind: 'unit' }) },
  { action: 'inviteRole', allowed: MANAGERS, input: (p) => ({ role: 'contact', unitId: units[p].community }) },
  { action: 'inviteRole', allowed: ['admin'], input: (p) => ({ role: 'organizer', unitId: units[p].community }) },
  { action: 'getRound', allowed: READERS, input: (p) => ({ roundId: rounds[p] }) },
  { action: 'participation', allowed: READERS, input: (p) => ({ roundId: rounds[p] }) },
  // The 三评一联 rounds have a roster, so an allowed caller is refused for that reason, never with FORBIDDEN.
  { action: 'setHouseholds', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], households: 1200 }) },
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
  { action: 'approveReport', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], targetId: 'target-1', revision: 1 }) },
  { action: 'auditLog', allowed: MANAGERS, input: (p) => ({ unitId: units[p].community }) },
  { action: 'auditSheet', allowed: MANAGERS, input: (p) => ({ unitId: units[p].community }) },
  { action: 'listRoleHolders', allowed: MANAGERS, scoped: false, input: () => ({}) },
  // A contact of the place, invited by the admin for each cell: leaders and contacts are the organiser's to take back.
  { action: 'revokeRole', allowed: MANAGERS, input: (p) => ({ holderId: holderIds[p] }) },
  { action: 'voidCode', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], code: spareCodes[p].pop() }) },
  { action: 'reissueCode', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], code: spareCodes[p].pop() }) },
  { action: 'codeCounts', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p] }) },
  { action: 'blankForms', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], groupId: 'g' }) },
  { action: 'rosterReview', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p] }) },
  // Paper ballots: printed and entered only by organisers of the round's subtree (a made-up serial is FORBIDDEN outside it, never a probe).
  { action: 'printPaper', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], unitId: units[p].target }) },
  { action: 'readPaper', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], serial: '00000000', check: '000000' }) },
  { action: 'enterPaper', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], serial: '00000000', check: '000000', sheets: [{ mark: 'blank', targetId: 'target-1' }] }) },
  { action: 'settlePaper', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], serial: '00000000', check: '000000', sheets: [{ mark: 'blank', targetId: 'target-1' }] }) },
  { action: 'paperQueue', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p] }) },
  // 名单审定 is the supervisors': organisers of the unit above the owner. The roles here are held at the owner unit itself, so only the whole-tree admin is one.
  { action: 'reviewRoster', allowed: ['admin'], input: (p) => ({ roundId: rounds[p], revision: 0, approve: false, reason: '名单有误' }) },
  // 随机抽取: these 三评一联 rounds do not sample, so an allowed caller is refused SAMPLE_NOT_TAKEN, never FORBIDDEN.
  { action: 'commitSample', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], unitId: units[p].target, categoryId: 'unit' }) },
  { action: 'drawSample', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], unitId: units[p].target, categoryId: 'unit', size: 30, fileName: 'roster.csv', base64: csv(p) }) },
  { action: 'listSamples', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p] }) },
  // 认定确认 (issue 19): readers see a round's verdicts; confirming is the supervisors' (organisers of the unit above the
  // target, here the community) and approving the office's a level further up (the street: only the whole-tree admin).
  // These rounds are not closed, so an allowed caller is refused VERDICT_NOT_FINAL or REDO_NOT_CONFIRMED, never FORBIDDEN.
  { action: 'roundVerdicts', allowed: READERS, input: (p) => ({ roundId: rounds[p] }) },
  { action: 'stepVerdict', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], targetId: 'target-1', ruleId: 'below-two-thirds', action: 'confirm', seen: 0 }) },
  { action: 'stepVerdict', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], targetId: 'target-1', ruleId: 'below-two-thirds', action: 'set-aside', seen: 0, reason: '情况特殊' }) },
  { action: 'stepVerdict', allowed: ['admin'], input: (p) => ({ roundId: rounds[p], targetId: 'target-1', ruleId: 'below-two-thirds', action: 'approve', seen: 1 }) },
  { action: 'stepVerdict', allowed: ['admin'], input: (p) => ({ roundId: rounds[p], targetId: 'target-1', ruleId: 'below-two-thirds', action: 'return', seen: 1, reason: '请再核实' }) },
  { action: 'startRedoRound', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], title: '返工补课评议', window: window() }) },
  // 会场模式: these rounds are not open (their rosters await review), so an allowed caller is refused ROUND_NOT_OPEN; 'grid-1' is no session (SESSION_UNKNOWN).
  { action: 'openSession', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], name: '第一组会场', groupId: 'g', ...window() }) },
  { action: 'listSessions', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p] }) },
  { action: 'sessionBoard', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], sessionId: 'grid-1' }) },
  { action: 'endSession', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], sessionId: 'grid-1' }) },
  { action: 'openRound', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p] }) },
  { action: 'closeRound', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p] }) },
  { action: 'publishRound', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p] }) },
  { action: 'archiveRound', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p] }) },
  // 整改台账. The rounds are drafts, so an allowed registration is refused for that, never FORBIDDEN.
  { action: 'ledgerCandidates', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], targetId: 'target-1' }) },
  { action: 'registerItem', allowed: MANAGERS, input: (p) => ({ roundId: rounds[p], targetId: 'target-1', source: { kind: 'verdict', ruleId: 'below-two-thirds' }, problem: '问题', responsibility: '措施', ownerHolderId: 'f'.repeat(64), urgent: true }) },
  { action: 'myItems', allowed: ANYONE, scoped: false, input: () => ({}) },
  { action: 'reminderTemplates', allowed: ANYONE, scoped: false, input: () => ({}) },
  { action: 'subscribe', allowed: ANYONE, scoped: false, input: () => ({ accepted: ['local-overdue'] }) },
  { action: 'ledger', allowed: READERS, input: (p) => ({ unitId: units[p].community }) },
  { action: 'ledgerSheet', allowed: READERS, input: (p) => ({ unitId: units[p].community }) },
  { action: 'ledgerItem', allowed: READERS, input: (p) => ({ itemId: itemIds[p] }) },
  // The supervisors are the organisers of the unit above the owner unit (the target's unit lies below the community).
  { action: 'superviseItem', allowed: MANAGERS, input: (p) => ({ itemId: itemIds[p], verify: true }) },
  // Only the contact it was registered to works an item: no role of this matrix is that contact, anywhere.
  { action: 'workItem', allowed: [], owner: true, input: (p) => ({ itemId: itemIds[p], step: 'start' }) },
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
      reports: { 'target-1': '情况报告' },
      channels: [{ id: 'grid-1', name: '一网格群' }],
    })
    if (!created.ok) throw new Error(created.error.message)
    rounds[place] = created.data.roundId as string
    const added = await admin('addRoster', { roundId: rounds[place], categoryId: 'unit', entries: Array.from({ length: 12 }, (_, i) => ({ name: `备用${i}`, unitId: units[place].target })) })
    if (!added.ok) throw new Error(added.error.message)
    spareCodes[place] = (added.data.codes as { code: string }[]).map((c) => c.code)
    itemIds[place] = await storedItem(place)
  }
  Object.assign(sessions, await roleHoldersAt(runtime, sessions.admin, units.inside.community, 900))
  sessions.none = await signIn(runtime, 'voter-999')
})
afterAll(() => runtime.close())

const cells = MATRIX.flatMap((row) =>
  (row.scoped === false ? (['inside'] as Place[]) : (['inside', 'outside'] as Place[])).flatMap((place) =>
    ROLES.map((role) => ({ ...row, place, role, expected: (place === 'inside' || row.scoped === false ? row.allowed.includes(role) : role === 'admin' && !row.owner) })),
  ),
)

/**
 * An item as registering stores it (ledger/items.ts), written directly: registering needs an open
 * round with a fired verdict, which these draft rounds are not. Its owner is a contact of the target unit.
 */
async function storedItem(place: Place): Promise<string> {
  const { data: { code } } = (await sessions.admin.call<Answer>('organize', { action: 'inviteRole', data: { role: 'contact', unitId: units[place].target } })) as { ok: true; data: { code: string } }
  const owner = await signIn(runtime, `voter-${place === 'inside' ? 30_001 : 30_002}`)
  await owner.call<Answer>('organize', { action: 'redeemRole', data: { code, displayName: `${place}联络员` } })
  const listed = (await sessions.admin.call<Answer>('organize', { action: 'listRoleHolders', data: {} })) as { ok: true; data: { holders: { id: string; name: string }[] } }
  const now = new Date().toISOString()
  const organizer = { id: 'registrar', name: '管理员', role: 'organizer' }
  const { id } = await database().collection('rectifications').add({
    roundId: rounds[place], targetId: 'target-1', source: { kind: 'verdict', ruleId: 'below-two-thirds' }, problem: '问题', responsibility: '措施',
    ownerUnitId: units[place].target, ownerName: `${place}联络员`, ownerHolderId: listed.data.holders.find((h) => h.name === `${place}联络员`)!.id,
    deadline: new Date(Date.now() + 86400_000 * 30).toISOString(), urgent: false, registeredBy: organizer, registeredAt: now, events: [], version: 0,
  }) as { id: string }
  return id
}

let nextHolder = 20_000
/** A fresh contact at the place's target unit, so every revokeRole cell has a role to take. */
async function grantContact(place: Place) {
  const admin = (action: string, data: unknown) => sessions.admin.call<Answer>('organize', { action, data })
  const invited = await admin('inviteRole', { role: 'contact', unitId: units[place].target })
  if (!invited.ok) throw new Error(invited.error.message)
  const holder = await signIn(runtime, `voter-${nextHolder++}`)
  await holder.call<Answer>('organize', { action: 'redeemRole', data: { code: invited.data.code, displayName: '被撤销者' } })
  const listed = await admin('listRoleHolders', {})
  if (!listed.ok) throw new Error(listed.error.message)
  holderIds[place] = (listed.data.holders as { id: string; name: string; unitId: string }[]).find((h) => h.name === '被撤销者' && h.unitId === units[place].target)!.id
}

test.each(cells)('$action by $role $place → allowed: $expected', async ({ action, role, place, input, expected }) => {
  if (action === 'revokeRole') await grantContact(place)
  const answer = await call(role, action, input(place))
  const forbidden = !answer.ok && answer.error.code === 'FORBIDDEN'
  expect({ forbidden, answer: forbidden ? undefined : answer.ok ? 'ok' : answer.error.code }).toEqual(expect.objectContaining({ forbidden: !expected }))
  if (forbidden) expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '您没有进行这个操作的权限。' } })
  // An allowed cell must reach the action itself: a malformed input or a crash would prove nothing.
  else expect(['BAD_INPUT', 'INTERNAL', 'UNKNOWN_ACTION']).not.toContain(answer.ok ? 'ok' : answer.error.code)
})

/**
 * Permission before existence (issue 10): to a caller who holds no right there, every id the input
 * names (round, unit, target, channel, role holder) made up gets exactly the answer the real one
 * out of their reach gets, so which ids exist cannot be probed.
 */
function madeUp(input: unknown, place: Place): unknown[] {
  const real = [rounds[place], units[place].community, units[place].target, holderIds[place], itemIds[place], 'target-1', 'grid-1']
  const named = real.filter((id) => JSON.stringify(input).includes(`"${id}"`))
  // One id made up at a time, then all of them: a real round with a made-up target is a probe too.
  return [...named.map((id) => [id]), named].map((ids) =>
    JSON.parse(JSON.stringify(input), (_key, v: unknown) => (typeof v === 'string' && ids.includes(v) ? (v === holderIds[place] ? 'f'.repeat(64) : `${v}-madeup`) : v)),
  )
}

// A whole-tree admin may be told an item is missing (roles.ts `missing`), yet works no item of theirs.
test.each(cells.filter((c) => !c.expected && c.scoped !== false && !(c.owner && c.role === 'admin')))('$action by $role $place: a made-up id is answered as the real one', async ({ action, role, place, input }) => {
  if (action === 'revokeRole') await grantContact(place)
  const real = input(place)
  const probes = madeUp(real, place)
  expect(probes.length).toBeGreaterThan(1)
  const answer = await call(role, action, real)
  for (const probe of probes) expect({ probe, answer: await call(role, action, probe) }).toEqual({ probe, answer })
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

/** Issue 8's findings, each a row of its own: what an organiser or resident tried, and what must hold. */
describe('issue 8', () => {
  const resident = (persona: string) => signIn(runtime, persona)
  const evaluate = (s: Session, action: string, data: unknown) => s.call<Answer>('evaluate', { action, data })
  const ok = (answer: Answer) => {
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
    return answer.data
  }
  const stateOf = async (roundId: string) => ok(await call('admin', 'getRound', { roundId })).state

  /** A 三评一联 round in community A with shared codes for both roster categories, opened unless asked not to. */
  async function sanpingRound(open = true) {
    const { roundId } = ok(await call('admin', 'createRound', {
      templateId: 'sanping-yilian', ownerUnitId: units.inside.community, title: '评议', window: window(),
      targets: [{ id: 'target-1', name: '被评单位', kind: 'unit', unitId: units.inside.target }],
      groups: [{ id: 'g', name: '第一组', leadUnitId: units.inside.target, unitIds: [units.inside.target] }],
      reports: { 'target-1': '情况报告' },
    })) as { roundId: string }
    const codes = {} as Record<'unit' | 'all-round', string>
    for (const categoryId of ['unit', 'all-round'] as const) {
      codes[categoryId] = ok(await call('admin', 'sharedCode', { roundId, categoryId, unitId: units.inside.target, maxUses: 3 })).code as string
    }
    if (open) expect(ok(await call('admin', 'openRound', { roundId }))).toEqual({ state: 'open', blockers: [] })
    return { roundId, codes }
  }
  const usesLeft = async (roundId: string) =>
    Object.fromEntries((ok(await call('admin', 'listCodes', { roundId })).codes as { code: string; usesLeft: number }[]).map((c) => [c.code, c.usesLeft]))

  test('1: a unit named root is a unit like any other; a role held there covers only its subtree', async () => {
    expect(ok(await call('organizer', 'createUnit', { id: 'root', name: '伪根', parentId: units.inside.community, kind: 'grid' }))).toMatchObject({ id: 'root' })
    const leader = await resident('voter-801')
    const contact = await resident('voter-802')
    for (const [who, role] of [[leader, 'leader'], [contact, 'contact']] as const) {
      const { code } = ok(await call('organizer', 'inviteRole', { role, unitId: 'root' }))
      expect(ok(await who.call<Answer>('organize', { action: 'redeemRole', data: { code, displayName: '某人' } }))).toEqual({ role, unitId: 'root' })
    }
    const leaderRounds = ok(await leader.call<Answer>('organize', { action: 'listRounds', data: {} })).rounds as { id: string }[]
    expect(leaderRounds).toEqual([])
    expect(await leader.call<Answer>('organize', { action: 'getRound', data: { roundId: rounds.outside } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await contact.call<Answer>('organize', { action: 'writeReport', data: { roundId: rounds.outside, targetId: 'target-1', text: '覆盖' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(ok(await leader.call<Answer>('organize', { action: 'myUnits', data: {} })).roles).toEqual([{ role: 'leader', unitId: 'root', unitName: '伪根' }])
  })

  test.each(['toString', 'valueOf', '__defineGetter__', 'constructor', 'hasOwnProperty', '__proto__'])(
    '1: the id %s is refused at the door with a Chinese message, and changes nothing',
    async (id) => {
      const before = await call('admin', 'myUnits', {})
      for (const [action, data] of [
        ['codeSheet', { roundId: rounds.inside, unitId: id }],
        ['createUnit', { id, name: '怪名', parentId: units.inside.community, kind: 'grid' }],
        ['inviteRole', { role: 'leader', unitId: id }],
        ['sharedCode', { roundId: rounds.inside, categoryId: id, unitId: units.inside.target, maxUses: 2 }],
        ['getRound', { roundId: id }],
      ] as const) {
        const answer = await call('admin', action, data)
        expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
      }
      expect(await evaluate(sessions.none, 'getRound', { roundId: id })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
      expect(await call('admin', 'myUnits', {})).toEqual(before)
    },
  )

  test('1: a roster sheet naming the unit toString skips the row instead of issuing a code', async () => {
    // xlsx, since exceljs's CSV reader itself turns the cell "toString" into a function's text.
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('名单')
    for (const row of [['姓名', '单位', '类别'], ['张三', 'toString', 'unit'], ['王五', units.inside.target, 'unit']]) sheet.addRow(row)
    const base64 = Buffer.from(await book.xlsx.writeBuffer()).toString('base64')
    const imported = ok(await call('admin', 'importRoster', { roundId: rounds.inside, fileName: 'roster.xlsx', base64 }))
    expect(imported.skipped).toEqual([{ row: 2, reason: '单位不存在' }])
    expect((imported.codes as { name: string }[]).map((c) => c.name)).toEqual(['王五'])
  })

  test('2: edits racing a close never reopen the round', async () => {
    const { roundId } = await sanpingRound()
    const edits = Array.from({ length: 24 }, (_, i) =>
      [
        () => call('organizer', 'addChannel', { roundId, name: `群${i}` }),
        () => call('organizer', 'updateRound', { roundId, patch: { title: `标题${i}` } }),
        () => call('contact', 'writeReport', { roundId, targetId: 'target-1', text: `报告${i}` }),
        () => call('organizer', 'approveReport', { roundId, targetId: 'target-1', revision: Math.floor(i / 4) }),
      ][i % 4](),
    )
    const [closed, ...answers] = await Promise.all([call('organizer', 'closeRound', { roundId }), ...edits])
    expect(closed).toEqual({ ok: true, data: { state: 'closed', blockers: [] } })
    expect(await stateOf(roundId)).toBe('closed')
    for (const a of answers) expect(a.ok || ['ACTION_NOT_ALLOWED', 'EDIT_LOCKED', 'TARGET_NOT_IN_ROUND', 'REPORT_CHANGED', 'REPORT_LOCKED', 'REPORT_SUPERVISORS_ONLY'].includes(a.error.code)).toBe(true)
  })

  test('3: a roster code offered as a role invitation is refused and spends nothing', async () => {
    const { roundId, codes } = await sanpingRound()
    const someone = await resident('voter-811')
    expect(await someone.call<Answer>('organize', { action: 'redeemRole', data: { code: codes['all-round'], displayName: '某人' } })).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } })
    expect(await usesLeft(roundId)).toEqual({ [codes.unit]: 3, [codes['all-round']]: 3 })
    expect(ok(await evaluate(someone, 'redeem', { code: codes['all-round'] }))).toMatchObject({ roundId, categoryId: 'all-round' })
    expect((await usesLeft(roundId))[codes['all-round']]).toBe(2)
  })

  test('3: a role invitation offered as a roster code is refused and stays redeemable', async () => {
    const { code } = ok(await call('admin', 'inviteRole', { role: 'leader', unitId: units.inside.target, maxUses: 1 }))
    const someone = await resident('voter-812')
    expect(await evaluate(someone, 'redeem', { code })).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } })
    expect(ok(await someone.call<Answer>('organize', { action: 'redeemRole', data: { code, displayName: '某人' } }))).toEqual({ role: 'leader', unitId: units.inside.target })
  })

  test('3 and 5: a roster code of a draft or a closed round is refused and spends nothing', async () => {
    const draft = await sanpingRound(false)
    const closed = await sanpingRound()
    ok(await call('admin', 'closeRound', { roundId: closed.roundId }))
    const someone = await resident('voter-813')
    expect(await evaluate(someone, 'redeem', { code: draft.codes.unit })).toMatchObject({ ok: false, error: { code: 'ROUND_NOT_FOUND' } })
    expect(await evaluate(someone, 'redeem', { code: closed.codes.unit })).toMatchObject({ ok: false, error: { code: 'ROUND_NOT_OPEN' } })
    expect(Object.values(await usesLeft(draft.roundId))).toEqual([3, 3])
    expect(Object.values(await usesLeft(closed.roundId))).toEqual([3, 3])
  })

  test('5: a draft is the organiser\'s alone: residents cannot read, join, vote in or look it up', async () => {
    const { roundId } = await sanpingRound(false)
    const someone = await resident('voter-814')
    const ballot = { targetId: 'target-1', overall: 'x', items: {} }
    for (const [action, data] of [
      ['getRound', { roundId }],
      ['enrol', { roundId, categoryId: 'unit', unitId: units.inside.target }],
      ['submit', { roundId, ballots: [ballot] }],
      ['myStatus', { roundId }],
    ] as const) {
      expect(await evaluate(someone, action, data)).toEqual({ ok: false, error: { code: 'ROUND_NOT_FOUND', message: '评议活动不存在' } })
    }
    expect(ok(await evaluate(someone, 'listRounds', {})).rounds).not.toContainEqual(expect.objectContaining({ id: roundId }))
  })

  test('8: a unit id that exists is a coded conflict in Chinese', async () => {
    expect(await call('admin', 'createUnit', { id: units.inside.target, name: '重名', parentId: units.inside.community, kind: 'unit' })).toEqual({
      ok: false,
      error: { code: 'UNIT_ID_TAKEN', message: '该单位编号已被使用，请换一个' },
    })
  })
})

/**
 * The HTTP layer's rows (issue 8, finding 7): whatever the role, a call arriving from another
 * site (Origin) or through another host name (DNS rebinding) is refused before any function
 * runs; a code sheet's link serves only as handed out, never stripped of its signature.
 */
const FOREIGN = [
  { how: 'a foreign Origin', tag: 'origin', headers: (port: string) => ({ origin: 'http://evil.example', host: `127.0.0.1:${port}` }) },
  { how: 'a foreign Host', tag: 'host', headers: (port: string) => ({ host: `evil.example:${port}` }) },
]

test.each(ROLES.flatMap((role) => FOREIGN.map((f) => ({ role, ...f }))))('createUnit by $role through $how → FOREIGN_ORIGIN, nothing created', async ({ role, tag, headers }) => {
  const id = `foreign-${role}-${tag}`
  const answer = await rawRequest(runtime.url, '/api/organize', {
    method: 'POST',
    headers: { ...headers(new URL(runtime.url).port), cookie: sessions[role].cookie, 'content-type': 'text/plain' },
    body: JSON.stringify({ action: 'createUnit', data: { id, name: '外来单位', parentId: units.inside.community, kind: 'grid' } }),
  })
  expect(answer.status).toBe(403)
  expect(answer.json).toMatchObject({ ok: false, error: { code: 'FOREIGN_ORIGIN' } })
  expect(storedDocs(runtime, 'units').map((u) => u._id)).not.toContain(id)
})

test('a code sheet link serves as handed out, and not without its signature', async () => {
  const sheet = await call('organizer', 'codeSheet', { roundId: rounds.inside, unitId: units.inside.target })
  if (!sheet.ok) throw new Error(sheet.error.message)
  const url = new URL(sheet.data.url as string)
  expect((await fetch(url)).status).toBe(200)
  const stripped = await fetch(`${url.origin}${url.pathname}`)
  expect(stripped.status).toBe(403)
  expect(await stripped.json()).toMatchObject({ ok: false, error: { code: 'FILE_LINK_INVALID' } })
})
