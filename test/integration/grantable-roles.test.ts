/**
 * The invite page offers only what the inviter may grant: myUnits answers the grantable roles per
 * unit, and they agree with what inviteRole accepts.
 */
import { FUNCTIONS } from '../../local/functions'
import { seedDemo } from '../../local/demo'
import type { Runtime } from '../../local/runtime'
import { type Session, signIn, startTestRuntime } from '../helpers/runtime'

type Answer<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }
type Grantable = { grantable: { unitId: string; roles: string[] }[] }

let runtime: Runtime
const organize = <T>(s: Session, action: string, data: unknown) => s.call<Answer<T>>('organize', { action, data })
const grantable = async (persona: string) => {
  const a = await organize<Grantable>(await signIn(runtime, persona), 'myUnits', {})
  if (!a.ok) throw new Error(a.error.code)
  return new Map(a.data.grantable.map((g) => [g.unitId, g.roles]))
}

beforeAll(async () => {
  runtime = await startTestRuntime()
  await seedDemo(FUNCTIONS.organize, runtime.login.openidOf('admin'), undefined, runtime.login.openidOf)
})
afterAll(() => runtime.close())

test('an admin may grant every role on every unit', async () => {
  const all = await grantable('admin')
  expect(all.get('street-yangguang')).toEqual(expect.arrayContaining(['admin', 'organizer', 'leader', 'contact']))
  expect(all.get('b4')).toHaveLength(4)
})

test('an organiser of 幸福社区 may grant leaders and contacts in its subtree only, and inviteRole agrees', async () => {
  const mine = await grantable('organizer')
  expect(mine.get('community-xingfu')).toEqual(['leader', 'contact'])
  expect(mine.get('b1')).toEqual(['leader', 'contact'])
  expect(mine.has('street-yangguang')).toBe(false)
  expect(mine.has('community-hexie')).toBe(false)
  const organiser = await signIn(runtime, 'organizer')
  expect((await organize(organiser, 'inviteRole', { role: 'contact', unitId: 'b1' })).ok).toBe(true)
  for (const [role, unitId] of [['organizer', 'community-xingfu'], ['admin', 'b1'], ['leader', 'street-yangguang']]) {
    const refused = await organize(organiser, 'inviteRole', { role, unitId })
    expect(refused.ok ? 'granted' : refused.error.code).toBe('FORBIDDEN')
  }
})

test('a leader or a contact may grant nothing', async () => {
  expect((await grantable('leader')).size).toBe(0)
  expect((await grantable('contact')).size).toBe(0)
})
