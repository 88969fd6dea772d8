/**
 * The holder list says, per holder, whether the caller may revoke it, and revokeRole agrees (issue
 * 10): for every caller of the role matrix, each holder listed as revocable is revoked and each one
 * listed as not is refused, changing nothing. No env-named admin here, so the whole-tree admin who
 * claimed the system is the last one.
 */
import type { Runtime } from '../../local/runtime'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

interface Holder { id: string; name: string; revocable: boolean }
let runtime: Runtime
let owner: Session
let personas = 0

const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const holders = async (s: Session) => data(await organize<{ holders: Holder[] }>(s, 'listRoleHolders', {})).holders

beforeAll(async () => {
  runtime = await startTestRuntime()
  // Before any function has read its environment: this deployment names no admin.
  process.env.QUNPING_ADMIN_OPENIDS = ''
  owner = await signIn(runtime, 'voter-400')
  data(await organize(owner, 'claimSetup', { setupCode: runtime.setupCode, displayName: '总管理员' }))
})
afterAll(() => runtime.close())

const GRANTS = [
  ['街道管理员', 'admin', 'street'],
  ['街道组织员', 'organizer', 'street'],
  ['社区组织员', 'organizer', 'a'],
  ['同级组织员', 'organizer', 'a'],
  ['社区领导', 'leader', 'a'],
  ['联系人', 'contact', 'a1'],
  ['外社区领导', 'leader', 'b'],
] as const
type Name = (typeof GRANTS)[number][0]

/** A street of its own per caller (street → communities a, b; a → unit a1), every grant of GRANTS held there. */
async function world(tag: string): Promise<{ as: Record<Name, Session>; ids: Record<Name, string> }> {
  const unit = (u: string) => `${tag}-${u}`
  for (const [id, parentId, kind] of [['street', null, 'street'], ['a', 'street', 'community'], ['b', 'street', 'community'], ['a1', 'a', 'unit']] as const) {
    data(await organize(owner, 'createUnit', { id: unit(id), name: `${tag}${id}`, parentId: parentId && unit(parentId), kind }))
  }
  const as = {} as Record<Name, Session>
  for (const [name, role, at] of GRANTS) {
    const { code } = data(await organize<{ code: string }>(owner, 'inviteRole', { role, unitId: unit(at) }))
    as[name] = await signIn(runtime, `voter-${401 + personas++}`)
    data(await organize(as[name], 'redeemRole', { code, displayName: `${tag}${name}` }))
  }
  const listed = await holders(owner)
  const ids = Object.fromEntries(GRANTS.map(([name]) => [name, listed.find((h) => h.name === `${tag}${name}`)!.id])) as Record<Name, string>
  return { as, ids }
}

/** Revokes every listed holder, the caller's own role last (it takes the caller's rights with it), and checks each answer against the list. */
async function revokeAsListed(caller: Session, listed: Holder[], own: string): Promise<void> {
  for (const h of [...listed.filter((h) => h.id !== own), ...listed.filter((h) => h.id === own)]) {
    const answer = await organize(caller, 'revokeRole', { holderId: h.id })
    if (h.revocable) expect({ name: h.name, answer }).toEqual({ name: h.name, answer: { ok: true, data: { revoked: true } } })
    else {
      expect({ name: h.name, code: !answer.ok && answer.error.code }).toEqual({ name: h.name, code: expect.stringMatching(/^(FORBIDDEN|LAST_ADMIN)$/) })
      expect((await holders(owner)).map((x) => x.id)).toContain(h.id)
    }
  }
}

test.each([
  ['an admin of a street', '街道管理员', ['街道管理员', '街道组织员', '社区组织员', '同级组织员', '社区领导', '联系人', '外社区领导'], []],
  ['an organiser of a community', '社区组织员', ['社区领导', '联系人'], ['社区组织员', '同级组织员']],
] as const)('%s: what the list offers is what revokeRole does', async (_who, caller, revocable, kept) => {
  const tag = caller === '街道管理员' ? 's' : 'o'
  const { as, ids } = await world(tag)
  const listed = await holders(as[caller])
  expect(Object.fromEntries(listed.map((h) => [h.name.slice(tag.length), h.revocable]))).toEqual({
    ...Object.fromEntries(revocable.map((n) => [n, true])),
    ...Object.fromEntries(kept.map((n) => [n, false])),
  })
  await revokeAsListed(as[caller], listed, ids[caller])
})

test('a leader, a contact and someone without a role list nothing and revoke nothing', async () => {
  const { as, ids } = await world('x')
  const outsider = await signIn(runtime, 'voter-499')
  for (const caller of [as['社区领导'], as['联系人'], outsider]) {
    expect(await organize(caller, 'listRoleHolders', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    for (const id of Object.values(ids)) expect(await organize(caller, 'revokeRole', { holderId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  }
  expect((await holders(owner)).filter((h) => h.name.startsWith('x'))).toHaveLength(GRANTS.length)
})

test('the whole-tree admin may revoke anyone but themself, the last one', async () => {
  const listed = await holders(owner)
  const self = listed.find((h) => h.name === '总管理员')!
  expect(self.revocable).toBe(false)
  expect(listed.filter((h) => h !== self).every((h) => h.revocable)).toBe(true)
  await revokeAsListed(owner, listed, self.id)
  expect((await holders(owner)).map((h) => h.name)).toEqual(['总管理员'])
})
