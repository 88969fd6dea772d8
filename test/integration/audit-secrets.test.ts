/**
 * The audit log keeps no secret: an invitation or roster code is shown once, to whoever created it,
 * and never again — not in the log an organiser or anyone with database access reads.
 */
import type { Runtime } from '../../local/runtime'
import { type Session, signIn, startTestRuntime } from '../helpers/runtime'
import { openRound } from '../helpers/rounds'

type Answer<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }
let runtime: Runtime
let admin: Session
const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const data = <T>(a: Answer<T>): T => {
  if (!a.ok) throw new Error(`${a.error.code}: ${a.error.message}`)
  return a.data
}

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
})
afterAll(() => runtime.close())

test('no audit entry contains a code: role invitations, shared and personal roster codes, imports, redemptions, the setup code', async () => {
  const roundId = await openRound(runtime, { templateId: 'sanping-yilian', groups: [{ id: 'g', name: '第一组', leadUnitId: 't1', unitIds: ['t1', 't2', 't3'] }] }, false)
  const codes: string[] = []
  for (const role of ['organizer', 'leader', 'contact'] as const) codes.push(data(await organize<{ code: string }>(admin, 'inviteRole', { role, unitId: 'test-street', maxUses: 2 })).code)
  codes.push(data(await organize<{ code: string }>(admin, 'sharedCode', { roundId, categoryId: 'all-round', unitId: 't1', maxUses: 5 })).code)
  codes.push(...data(await organize<{ codes: { code: string }[] }>(admin, 'addRoster', { roundId, categoryId: 'unit', entries: [{ name: '张三', unitId: 't1' }, { name: '李四', unitId: 't2' }] })).codes.map((c) => c.code))
  const csv = Buffer.from('姓名,单位,类别\n王五,t3,unit\n').toString('base64')
  codes.push(...data(await organize<{ codes: { code: string }[] }>(admin, 'importRoster', { roundId, fileName: 'a.csv', base64: csv })).codes.map((c) => c.code))
  data(await organize(await signIn(runtime, 'voter-601'), 'redeemRole', { code: codes[0], displayName: '赵组织员' }))
  data(await organize(await signIn(runtime, 'voter-602'), 'claimSetup', { setupCode: runtime.setupCode, displayName: '钱主任' }))
  expect(codes).toHaveLength(7)

  const stored = [...runtime.cloudbase.store.collection('audit').values()].map((e) => JSON.stringify(e.doc))
  expect(stored.length).toBeGreaterThanOrEqual(8)
  const shown = JSON.stringify(data(await organize<{ entries: unknown[] }>(admin, 'auditLog', {})).entries)
  for (const secret of [...codes, runtime.setupCode]) {
    expect(stored.filter((entry) => entry.includes(secret))).toEqual([])
    expect(shown).not.toContain(secret)
  }
})
