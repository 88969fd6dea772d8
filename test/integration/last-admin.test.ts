/**
 * A deployment without env-named admins (QUNPING_ADMIN_OPENIDS empty) whose only admin claimed the
 * system with the setup code: that admin's role is never revoked, or no one could manage anything.
 */
import type { Runtime } from '../../local/runtime'
import { type Session, signIn, startTestRuntime } from '../helpers/runtime'

type Answer<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }
let runtime: Runtime
let owner: Session

beforeAll(async () => {
  runtime = await startTestRuntime()
  // Before any function has read its environment: this deployment names no admin.
  process.env.QUNPING_ADMIN_OPENIDS = ''
  owner = await signIn(runtime, 'voter-501')
  const claimed = await owner.call<Answer>('organize', { action: 'claimSetup', data: { setupCode: runtime.setupCode, displayName: '孙主任' } })
  if (!claimed.ok) throw new Error(claimed.error.message)
})
afterAll(() => runtime.close())

test('the last whole-tree admin cannot be revoked, and keeps the role', async () => {
  const listed = await owner.call<Answer<{ holders: { id: string; name: string; unitName: string }[] }>>('organize', { action: 'listRoleHolders', data: {} })
  if (!listed.ok) throw new Error(listed.error.message)
  expect(listed.data.holders.map((h) => [h.name, h.unitName])).toEqual([['孙主任', '全部单位']])
  const revoked = await owner.call<Answer>('organize', { action: 'revokeRole', data: { holderId: listed.data.holders[0].id } })
  expect(revoked).toEqual({ ok: false, error: { code: 'LAST_ADMIN', message: expect.stringMatching(/最后一位/) } })
  expect(await owner.call<Answer>('organize', { action: 'myUnits', data: {} })).toMatchObject({ ok: true, data: { roles: [{ role: 'admin', unitId: null }] } })
})
