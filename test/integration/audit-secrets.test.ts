/**
 * The audit log keeps no secret: an invitation or roster code is shown once, to whoever created it,
 * and never again — not in the log an organiser or anyone with database access reads.
 */
import ExcelJS from 'exceljs'
import type { Runtime } from '../../local/runtime'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'
import { openRound, SELF_REPORTS } from '../helpers/rounds'

let runtime: Runtime
let admin: Session
const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
})
afterAll(() => runtime.close())

test('no audit entry contains a code: role invitations, shared and personal roster codes, imports, redemptions, the setup code', async () => {
  const roundId = await openRound(runtime, { templateId: 'sanping-yilian', reports: SELF_REPORTS, groups: [{ id: 'g', name: '第一组', leadUnitId: 't1', unitIds: ['t1', 't2', 't3'] }] }, false)
  const codes: string[] = []
  for (const role of ['organizer', 'leader', 'contact'] as const) codes.push(data(await organize<{ code: string }>(admin, 'inviteRole', { role, unitId: 'test-street', maxUses: 2 })).code)
  codes.push(data(await organize<{ code: string }>(admin, 'sharedCode', { roundId, categoryId: 'all-round', unitId: 't1', maxUses: 5 })).code)
  codes.push(...data(await organize<{ codes: { code: string }[] }>(admin, 'addRoster', { roundId, categoryId: 'unit', entries: [{ name: '张三', unitId: 't1' }, { name: '李四', unitId: 't2' }] })).codes.map((c) => c.code))
  const csv = Buffer.from('姓名,单位,类别\n王五,t3,unit\n').toString('base64')
  codes.push(...data(await organize<{ codes: { code: string }[] }>(admin, 'importRoster', { roundId, fileName: 'a.csv', base64: csv })).codes.map((c) => c.code))
  data(await organize(await signIn(runtime, 'voter-601'), 'redeemRole', { code: codes[0], displayName: '赵组织员' }))
  data(await organize(await signIn(runtime, 'voter-602'), 'claimSetup', { setupCode: runtime.setupCode, displayName: '钱主任' }))
  // Managing codes and people: a voided code, a reissued one (old and new), a revoked role.
  data(await organize(admin, 'voidCode', { roundId, code: codes[4] }))
  codes.push(data(await organize<{ code: string }>(admin, 'reissueCode', { roundId, code: codes[5] })).code)
  const { holders } = data(await organize<{ holders: { id: string; name: string }[] }>(admin, 'listRoleHolders', {}))
  data(await organize(admin, 'revokeRole', { holderId: holders.find((h) => h.name === '赵组织员')!.id }))
  expect(codes).toHaveLength(8)

  const stored = [...runtime.cloudbase.store.collection('audit').values()].map((e) => JSON.stringify(e.doc))
  const actions = new Set([...runtime.cloudbase.store.collection('audit').values()].map((e) => String(e.doc.action)))
  expect([...actions].sort()).toEqual(['addRoster', 'claimSetup', 'createRound', 'createUnit', 'importRoster', 'inviteRole', 'redeemRole', 'reissueCode', 'revokeRole', 'sharedCode', 'voidCode'])
  const shown = JSON.stringify(data(await organize<{ entries: unknown[] }>(admin, 'auditLog', {})).entries)
  const { url } = data(await organize<{ url: string }>(admin, 'auditSheet', {}))
  const exported = await (await fetch(url)).arrayBuffer()
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(exported)
  const cells: string[] = []
  book.worksheets[0].eachRow((r) => cells.push(JSON.stringify(r.values)))
  expect(cells.length).toBeGreaterThanOrEqual(stored.length)
  for (const secret of [...codes, runtime.setupCode]) {
    expect(stored.filter((entry) => entry.includes(secret))).toEqual([])
    expect(shown).not.toContain(secret)
    expect(cells.filter((row) => row.includes(secret))).toEqual([])
  }
})
