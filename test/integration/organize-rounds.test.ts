/**
 * Organising a round the way its procedure says: readiness blockers in Chinese, roster codes that
 * enrol a voter in their category and unit, edits locked once residents vote, every change logged;
 * and the demo a new user meets on first start.
 */
import { FUNCTIONS } from '../../local/functions'
import { DEMO_SANPING_ID, seedDemo } from '../../local/demo'
import type { Runtime } from '../../local/runtime'
import { templateById } from '../../src/core'
import { fullBallot } from '../helpers/rounds'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'


let runtime: Runtime
let admin: Session
const organize = <T = Record<string, unknown>>(s: Session, action: string, data: unknown) => s.call<Answer<T>>('organize', { action, data })
const evaluate = <T = Record<string, unknown>>(s: Session, action: string, data: unknown) => s.call<Answer<T>>('evaluate', { action, data })
const window = () => ({ opensAt: new Date(Date.now() - 3600_000).toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() })
const unitIds = ['o1', 'o2', 'o3', 'o4']

beforeAll(async () => {
  runtime = await startTestRuntime()
  const codes = await seedDemo(FUNCTIONS.organize, runtime.login.openidOf('admin'))
  demoCodes.push(...(codes ?? []))
  admin = await signIn(runtime, 'admin')
  await organize(admin, 'createUnit', { id: 'ostreet', name: '测试街道', parentId: null, kind: 'street' })
  for (const id of unitIds) await organize(admin, 'createUnit', { id, name: `单位${id}`, parentId: 'ostreet', kind: 'unit' })
})
afterAll(() => runtime.close())
const demoCodes: { unit: string; category: string; code: string }[] = []

async function sanpingRound() {
  return data(
    await organize<{ roundId: string }>(admin, 'createRound', {
      templateId: 'sanping-yilian', ownerUnitId: 'ostreet', title: '第二组三评一联', window: window(),
      targets: unitIds.map((id) => ({ id, name: `单位${id}`, kind: 'unit', unitId: id })),
      groups: [{ id: 'g2', name: '第二组', leadUnitId: 'o1', unitIds }],
      reports: Object.fromEntries(unitIds.map((id) => [id, '情况报告'])),
    }),
  ).roundId
}

test('the readiness check blocks opening and explains each blocker in Chinese, then lets the round open', async () => {
  const roundId = await sanpingRound()
  const blocked = data(await organize<{ state: string; blockers: { code: string; message: string }[] }>(admin, 'openRound', { roundId }))
  expect(blocked.state).toBe('draft')
  expect(blocked.blockers.length).toBeGreaterThanOrEqual(2)
  for (const b of blocked.blockers) expect(b.message).toMatch(/[\u4e00-\u9fa5]/)
  expect(blocked.blockers.map((b) => b.message).join()).toMatch(/单位参评人员/)
  for (const categoryId of ['unit', 'all-round']) {
    data(await organize(admin, 'addRoster', { roundId, categoryId, entries: unitIds.map((u) => ({ name: `评议人${u}`, unitId: u, phone: '13800000000' })) }))
  }
  expect(data(await organize(admin, 'getRound', { roundId })).blockers).toEqual([])
  expect(data(await organize(admin, 'openRound', { roundId }))).toEqual({ state: 'open', blockers: [] })
})

test('a roster code enrols its holder in its category and unit: a unit evaluator sees only their own unit', async () => {
  const roundId = await sanpingRound()
  const { codes } = data(await organize<{ codes: { code: string; unitId: string }[] }>(admin, 'addRoster', { roundId, categoryId: 'unit', entries: [{ name: '王小明', unitId: 'o2' }] }))
  const { code } = data(await organize<{ code: string }>(admin, 'sharedCode', { roundId, categoryId: 'all-round', unitId: 'o3', maxUses: 1 }))
  await organize(admin, 'openRound', { roundId })
  const wang = await signIn(runtime, 'resident-wang')
  expect(data(await evaluate(wang, 'redeem', { code: codes[0].code.toLowerCase() }))).toMatchObject({ roundId, categoryId: 'unit', unitId: 'o2', eligibleTargetIds: ['o2'] })
  const li = await signIn(runtime, 'resident-li')
  expect(await evaluate(li, 'redeem', { code: codes[0].code })).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } })
  expect(data(await evaluate(li, 'redeem', { code }))).toMatchObject({ categoryId: 'all-round', eligibleTargetIds: unitIds })
  const template = templateById('sanping-yilian')!.ballot
  const outcome = data(await evaluate<{ outcomes: { targetId: string; status: string }[] }>(wang, 'submit', { roundId, ballots: [fullBallot(template, 'o2'), fullBallot(template, 'o3')] }))
  expect(outcome.outcomes.map((o) => [o.targetId, o.status])).toEqual([['o2', 'recorded'], ['o3', 'refused']])
})

test('once open, only the window end and the texts may change; every change is logged with before and after', async () => {
  const roundId = data(await organize<{ roundId: string }>(admin, 'createRound', {
    templateId: 'community-satisfaction', ownerUnitId: 'ostreet', title: '居民满意度', window: window(),
    targets: [{ id: 'o1', name: '单位o1', kind: 'unit', unitId: 'o1' }],
  })).roundId
  await organize(admin, 'openRound', { roundId })
  const { window: w } = data(await organize<{ window: { opensAt: string; closesAt: string } }>(admin, 'getRound', { roundId }))
  const later = new Date(Date.parse(w.closesAt) + 86400_000).toISOString()
  expect(data(await organize(admin, 'updateRound', { roundId, patch: { title: '居民满意度（延期）', window: { opensAt: w.opensAt, closesAt: later } } }))).toMatchObject({ title: '居民满意度（延期）' })
  expect(await organize(admin, 'updateRound', { roundId, patch: { targets: [] } })).toMatchObject({ ok: false, error: { code: 'EDIT_LOCKED', message: expect.stringMatching(/只能修改结束时间/) } })
  expect(await organize(admin, 'updateRound', { roundId, patch: { window: { opensAt: later, closesAt: later } } })).toMatchObject({ ok: false, error: { code: 'EDIT_LOCKED' } })
  const { entries } = data(await organize<{ entries: { action: string; before: { title?: string }; after: { title?: string } }[] }>(admin, 'auditLog', { roundId }))
  expect(entries.find((e) => e.action === 'updateRound')).toMatchObject({ before: { title: '居民满意度' }, after: { title: '居民满意度（延期）' } })
  expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['createRound', 'openRound', 'updateRound']))
})

test('the demo a new user meets: a street tree and an open 三评一联 round whose printed codes let people vote', async () => {
  const units = data(await organize<{ units: { id: string; kind: string }[] }>(admin, 'myUnits', {})).units
  expect(units.filter((u) => u.kind === 'community').length).toBeGreaterThanOrEqual(2)
  expect(units.filter((u) => u.kind === 'grid').length).toBeGreaterThanOrEqual(3)
  const round = data(await organize<{ state: string; targets: unknown[]; categories: { id: string }[] }>(admin, 'getRound', { roundId: DEMO_SANPING_ID }))
  expect(round).toMatchObject({ state: 'open' })
  expect(round.targets).toHaveLength(4)
  expect(round.categories.map((c) => c.id)).toEqual(['unit', 'all-round'])
  const voter = await signIn(runtime, 'voter-7')
  const enrolment = data(await evaluate<{ eligibleTargetIds: string[] }>(voter, 'redeem', { code: demoCodes.find((c) => c.category === '全评参评人员')!.code }))
  expect(enrolment.eligibleTargetIds).toHaveLength(4)
  const template = templateById('sanping-yilian')!.ballot
  const { outcomes } = data(await evaluate<{ outcomes: { status: string }[] }>(voter, 'submit', { roundId: DEMO_SANPING_ID, ballots: enrolment.eligibleTargetIds.map((t) => fullBallot(template, t)) }))
  expect(outcomes.map((o) => o.status)).toEqual(['recorded', 'recorded', 'recorded', 'recorded'])
  expect(data(await organize<{ ballots: number }>(admin, 'participation', { roundId: DEMO_SANPING_ID })).ballots).toBe(4)
})

test('a new round may be rooted where one manages: the top units for an admin at the root, their own unit for an organiser', async () => {
  expect(data(await organize<{ ownerUnitIds: string[] }>(admin, 'myUnits', {})).ownerUnitIds).toEqual(expect.arrayContaining(['street-yangguang', 'ostreet']))
  const { code } = data(await organize<{ code: string }>(admin, 'inviteRole', { role: 'organizer', unitId: 'o1' }))
  const organiser = await signIn(runtime, 'voter-61')
  data(await organize(organiser, 'redeemRole', { code, displayName: '赵组织员' }))
  expect(data(await organize<{ ownerUnitIds: string[] }>(organiser, 'myUnits', {})).ownerUnitIds).toEqual(['o1'])
})

test('a readable round id already in use is refused with ROUND_ID_TAKEN and the first round is left as it was', async () => {
  const input = { templateId: 'sanping-yilian', ownerUnitId: 'ostreet', title: '编号测试', window: window(), targets: unitIds.map((id) => ({ id, name: `单位${id}`, kind: 'unit', unitId: id })) }
  expect(data(await organize<{ roundId: string }>(admin, 'createRound', { ...input, id: 'ostreet-2026' })).roundId).toBe('ostreet-2026')
  expect(await organize(admin, 'createRound', { ...input, id: 'ostreet-2026', title: '同编号的另一场' })).toEqual({ ok: false, error: { code: 'ROUND_ID_TAKEN', message: '该评议活动编号已被使用，请换一个' } })
  expect(data(await organize<{ title: string }>(admin, 'getRound', { roundId: 'ostreet-2026' })).title).toBe('编号测试')
})
