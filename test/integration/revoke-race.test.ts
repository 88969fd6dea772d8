/**
 * Whole-tree admins revoking one another at the same moment (issue 10): the LAST_ADMIN check
 * must hold under the database, not only in one request's read. The API makes a whole-tree admin
 * only by the one-time setup claim, but a deployment may hold several (named, migrated), so the
 * other admins' grants are written here as the store would hold them; no env-named admin stands behind.
 */
import { database } from '../../cloudfunctions/common/cloudbase'
import { keyedHash } from '../../cloudfunctions/common/keyed'
import type { Runtime } from '../../local/runtime'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'
import { storedDocs } from '../helpers/store'

const ROUNDS = 20
let runtime: Runtime
/** The one whole-tree admin between races. */
let survivor: { session: Session; holderId: string }
let personas = 0

const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const treeAdmins = () => storedDocs(runtime, 'roles').filter((r) => r.role === 'admin' && r.unitId === null)

beforeAll(async () => {
  runtime = await startTestRuntime()
  // Before any function has read its environment: this deployment names no admin.
  process.env.QUNPING_ADMIN_OPENIDS = ''
  const owner = await signIn(runtime, `voter-${600 + personas++}`)
  data(await organize(owner, 'claimSetup', { setupCode: runtime.setupCode, displayName: '管理员0' }))
  data(await organize(owner, 'createUnit', { id: 'street', name: '街道', parentId: null, kind: 'street' }))
  survivor = { session: owner, holderId: treeAdmins()[0]._id as string }
})
afterAll(() => runtime.close())

/** A new person made a whole-tree admin: their openid learnt from a role they redeem, then the grant stored. */
async function anotherTreeAdmin(by: Session): Promise<{ session: Session; holderId: string }> {
  const name = `管理员${personas}`
  const session = await signIn(runtime, `voter-${600 + personas++}`)
  const { code } = data(await organize<{ code: string }>(by, 'inviteRole', { role: 'leader', unitId: 'street' }))
  data(await organize(session, 'redeemRole', { code, displayName: name }))
  const openid = storedDocs(runtime, 'roles').find((r) => r.name === name)!.openid as string
  const holderId = keyedHash('role', openid, 'admin', '*')
  await database().collection('roles').add({ _id: holderId, openid, role: 'admin', unitId: null, name, at: new Date(), invitedBy: null })
  return { session, holderId }
}

test.each([2, 3])('%i admins each revoking the next at once never leave the tree without one (20 races); a refused revoke changes nothing', async (size) => {
  for (let race = 0; race < ROUNDS; race++) {
    const ring = [survivor]
    while (ring.length < size) ring.push(await anotherTreeAdmin(survivor.session))
    const next = (i: number) => ring[(i + 1) % size].holderId
    const auditedBefore = storedDocs(runtime, 'audit').filter((e) => e.action === 'revokeRole').length
    const answers = await Promise.all(ring.map((me, i) => organize(me.session, 'revokeRole', { holderId: next(i) })))

    const left = treeAdmins().map((r) => r._id)
    expect(left.length).toBeGreaterThanOrEqual(1)
    answers.forEach((a, i) => {
      if (a.ok) expect(left).not.toContain(next(i))
      else {
        expect(a.error).toEqual({ code: 'LAST_ADMIN', message: expect.stringMatching(/最后一位/) })
        expect(left).toContain(next(i))
      }
    })
    expect(storedDocs(runtime, 'audit').filter((e) => e.action === 'revokeRole')).toHaveLength(auditedBefore + answers.filter((a) => a.ok).length)
    expect(left).toHaveLength(size - answers.filter((a) => a.ok).length)
    survivor = ring.find((p) => left.includes(p.holderId))!
    // Whoever else is left goes before the next race, so each race starts from exactly `size` admins.
    for (const extra of ring.filter((p) => p !== survivor && left.includes(p.holderId))) data(await organize(survivor.session, 'revokeRole', { holderId: extra.holderId }))
  }
})
