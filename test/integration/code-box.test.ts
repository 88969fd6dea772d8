/**
 * One 输入邀请码 box for every kind of code: the server says what a code is before anything is
 * redeemed, and asking spends nothing, so a code typed by the wrong person is still there for the right one.
 */
import type { Runtime } from '../../local/runtime'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'
import { openRound, SELF_REPORTS } from '../helpers/rounds'

let runtime: Runtime
let admin: Session
let resident: Session
const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const usesLeft = (code: string) => (runtime.cloudbase.store.collection('invitations').get(code)?.doc as { usesLeft: number } | undefined)?.usesLeft

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  resident = await signIn(runtime, 'voter-501')
})
afterAll(() => runtime.close())

test('a role code, a roster code and the setup code are told apart, and asking spends none of them', async () => {
  const roundId = await openRound(runtime, { templateId: 'sanping-yilian', reports: SELF_REPORTS, groups: [{ id: 'g', name: '第一组', leadUnitId: 't1', unitIds: ['t1', 't2', 't3'] }] }, false)
  const role = data(await organize<{ code: string }>(admin, 'inviteRole', { role: 'leader', unitId: 'test-street' })).code
  const roster = data(await organize<{ code: string }>(admin, 'sharedCode', { roundId, categoryId: 'all-round', unitId: 't1', maxUses: 1 })).code
  expect(data(await organize(resident, 'codeKind', { code: role.toLowerCase() }))).toEqual({ kind: 'role' })
  expect(data(await organize(resident, 'codeKind', { code: ` ${roster.slice(0, 4)}-${roster.slice(4)} ` }))).toEqual({ kind: 'roster' })
  expect(data(await organize(resident, 'codeKind', { code: runtime.setupCode }))).toEqual({ kind: 'setup' })
  expect([usesLeft(role), usesLeft(roster)]).toEqual([1, 1])
})

test('an unknown, hostile or used-up code is invalid, in words a resident understands', async () => {
  const role = data(await organize<{ code: string }>(admin, 'inviteRole', { role: 'contact', unitId: 'test-street' })).code
  data(await organize(await signIn(runtime, 'voter-502'), 'redeemRole', { code: role, displayName: '联系人' }))
  for (const code of ['NOSUCHCODE', 'toString', '__proto__', '$gt1', role]) {
    expect(await organize(resident, 'codeKind', { code })).toEqual({ ok: false, error: { code: 'CODE_INVALID', message: '邀请码不正确或已用完，请核对后再输入' } })
  }
})

test('a named roster code is named as such used or not, so the box is no free "did they vote?" probe; the used one is refused unspent', async () => {
  const roundId = await openRound(runtime, { templateId: 'sanping-yilian', reports: SELF_REPORTS, groups: [{ id: 'g', name: '第一组', leadUnitId: 't1', unitIds: ['t1', 't2', 't3'] }] }, false)
  const { codes } = data(await organize<{ codes: { code: string }[] }>(admin, 'addRoster', { roundId, categoryId: 'unit', entries: [{ name: '张三', unitId: 't1' }, { name: '李四', unitId: 't1' }] }))
  data(await organize(admin, 'sharedCode', { roundId, categoryId: 'all-round', unitId: 't2', maxUses: 5 }))
  expect(data(await organize(admin, 'openRound', { roundId }))).toMatchObject({ state: 'open' })
  const [used, unused] = codes.map((c) => c.code)
  data(await (await signIn(runtime, 'voter-503')).call<Answer>('evaluate', { action: 'redeem', data: { code: used } }))
  expect(await organize(admin, 'codeKind', { code: used })).toEqual(await organize(admin, 'codeKind', { code: unused }))
  const prober = await signIn(runtime, 'voter-504')
  expect(await prober.call<Answer>('evaluate', { action: 'redeem', data: { code: used } })).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } })
  expect([usesLeft(used), usesLeft(unused)]).toEqual([0, 1])
})
