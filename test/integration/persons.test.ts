/**
 * Persons as targets (seeds 002, 003): an office's own Excel list of 党员 (saved as GBK CSV, as
 * Excel in China does) becomes a 创先争优·党员 round; an evaluator of one branch rates exactly
 * the members of that branch, each named with their position.
 */
import { FUNCTIONS } from '../../local/functions'
import { seedDemo } from '../../local/demo'
import type { Runtime } from '../../local/runtime'
import { templateById } from '../../src/core'
import { gbk } from '../helpers/gbk'
import { fullBallot } from '../helpers/rounds'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

interface Person { name: string; unitId: string; position?: string }

let runtime: Runtime
let admin: Session
const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const evaluate = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('evaluate', { action, data: input })
const window = () => ({ opensAt: new Date(Date.now() - 3600_000).toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() })
const gbk64 = (text: string) => gbk(text).toString('base64')

const MEMBERS_CSV = [
  '姓名,单位,职务',
  '王建国,第一党支部,支部书记',
  '李秀英,第一党支部,组织委员',
  '张伟,p-b1,',
  '赵敏,第二党支部,宣传委员',
  '钱多多,不存在的支部,党员',
  '孙悟空,toString,党员',
  ',第一党支部,党员',
].join('\r\n')

beforeAll(async () => {
  runtime = await startTestRuntime()
  await seedDemo(FUNCTIONS.organize, runtime.login.openidOf('admin'))
  admin = await signIn(runtime, 'admin')
  await organize(admin, 'createUnit', { id: 'p-street', name: '人员街道', parentId: null, kind: 'street' })
  await organize(admin, 'createUnit', { id: 'p-b1', name: '第一党支部', parentId: 'p-street', kind: 'branch' })
  await organize(admin, 'createUnit', { id: 'p-b2', name: '第二党支部', parentId: 'p-street', kind: 'branch' })
})
afterAll(() => runtime.close())

test('a GBK CSV of members is read with names, positions and units; unknown or hostile units are skipped with the row', async () => {
  const read = data(await organize<{ persons: Person[]; skipped: { row: number; reason: string }[] }>(admin, 'readPersons', { ownerUnitId: 'p-street', fileName: '党员名单.csv', base64: gbk64(MEMBERS_CSV) }))
  expect(read.persons).toEqual([
    { name: '王建国', unitId: 'p-b1', position: '支部书记' },
    { name: '李秀英', unitId: 'p-b1', position: '组织委员' },
    { name: '张伟', unitId: 'p-b1' },
    { name: '赵敏', unitId: 'p-b2', position: '宣传委员' },
  ])
  expect(read.skipped.map((s) => s.row)).toEqual([6, 7, 8])
  expect(read.skipped[0].reason).toMatch(/不存在的支部/)
  // The same list saved as UTF-8 with Excel's BOM reads the same.
  const utf8 = Buffer.from(`\uFEFF${MEMBERS_CSV}`).toString('base64')
  expect(data(await organize<{ persons: Person[] }>(admin, 'readPersons', { ownerUnitId: 'p-street', fileName: 'members.CSV', base64: utf8 })).persons).toEqual(read.persons)
})

test('a branch name two communities share is read from the community\'s own list, and from the street\'s with its community named', async () => {
  await organize(admin, 'createUnit', { id: 'q-street', name: '重名街道', parentId: null, kind: 'street' })
  for (const id of ['q-east', 'q-west']) await organize(admin, 'createUnit', { id, name: id === 'q-east' ? '东社区' : '西社区', parentId: 'q-street', kind: 'community' })
  for (const id of ['q-east', 'q-west']) await organize(admin, 'createUnit', { id: `${id}-b1`, name: '第一党支部', parentId: id, kind: 'branch' })
  const csv = gbk64(['姓名,单位,职务', '王建国,第一党支部,支部书记', '李秀英,西社区/第一党支部,组织委员'].join('\r\n'))
  const read = (ownerUnitId: string) => organize<{ persons: Person[]; skipped: { row: number; reason: string }[] }>(admin, 'readPersons', { ownerUnitId, fileName: '党员名单.csv', base64: csv })
  expect(data(await read('q-street'))).toEqual({
    persons: [{ name: '李秀英', unitId: 'q-west-b1', position: '组织委员' }],
    skipped: [{ row: 2, reason: '单位名称不唯一，请写明上级单位，如“东社区/第一党支部”或“西社区/第一党支部”' }],
  })
  expect(data(await read('q-east'))).toEqual({
    persons: [{ name: '王建国', unitId: 'q-east-b1', position: '支部书记' }],
    skipped: [{ row: 3, reason: '单位“西社区/第一党支部”不在本单位范围内' }],
  })
})

test('persons are read only within a subtree the caller manages', async () => {
  const outsider = await signIn(runtime, 'voter-301')
  expect(await organize(outsider, 'readPersons', { ownerUnitId: 'p-street', fileName: 'a.csv', base64: gbk64(MEMBERS_CSV) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const { code } = data(await organize<{ code: string }>(admin, 'inviteRole', { role: 'organizer', unitId: 'p-b2' }))
  data(await organize(outsider, 'redeemRole', { code, displayName: '二支部组织员' }))
  const own = data(await organize<{ persons: Person[] }>(outsider, 'readPersons', { ownerUnitId: 'p-b2', fileName: 'a.csv', base64: gbk64(MEMBERS_CSV) }))
  expect(own.persons.map((p) => p.name)).toEqual(['赵敏'])
})

test('a 创先争优·党员 round over imported members: each evaluator rates the members of their own branch, by name and position', async () => {
  const { persons } = data(await organize<{ persons: Person[] }>(admin, 'readPersons', { ownerUnitId: 'p-street', fileName: '党员名单.csv', base64: gbk64(MEMBERS_CSV) }))
  const targets = persons.map((p, i) => ({ id: `p${i + 1}`, kind: 'party-member', ...p }))
  const { roundId } = data(await organize<{ roundId: string }>(admin, 'createRound', { templateId: 'chuangxian-member', ownerUnitId: 'p-street', title: '党员创先争优群众评议', window: window(), targets }))
  const detail = data(await organize<{ targets: Person[] }>(admin, 'getRound', { roundId }))
  expect(detail.targets.map((t) => [t.name, t.position])).toEqual([['王建国', '支部书记'], ['李秀英', '组织委员'], ['张伟', undefined], ['赵敏', '宣传委员']])
  const roster = (categoryId: string) => organize<{ codes: { code: string }[] }>(admin, 'addRoster', { roundId, categoryId, entries: [{ name: '评议人甲', unitId: 'p-b1' }, { name: '评议人乙', unitId: 'p-b2' }] })
  const [peers] = [data(await roster('peers')).codes, data(await roster('masses')).codes]
  expect(data(await organize(admin, 'openRound', { roundId }))).toMatchObject({ state: 'open' })

  const voter = await signIn(runtime, 'voter-302')
  const enrolment = data(await evaluate<{ eligibleTargetIds: string[] }>(voter, 'redeem', { code: peers[0].code }))
  expect(enrolment.eligibleTargetIds).toEqual(['p1', 'p2', 'p3'])
  const shown = data(await evaluate<{ targets: { id: string; name: string; position?: string }[] }>(voter, 'getRound', { roundId }))
  expect(shown.targets.find((t) => t.id === 'p1')).toMatchObject({ name: '王建国', position: '支部书记' })

  const template = templateById('chuangxian-member')!.ballot
  const ballots = ['p1', 'p2', 'p3', 'p4'].map((t) => fullBallot(template, t))
  const { outcomes } = data(await evaluate<{ outcomes: { targetId: string; status: string }[] }>(voter, 'submit', { roundId, ballots }))
  expect(outcomes.map((o) => [o.targetId, o.status])).toEqual([['p1', 'recorded'], ['p2', 'recorded'], ['p3', 'recorded'], ['p4', 'refused']])
  const counted = data(await organize<{ ballots: number }>(admin, 'participation', { roundId }))
  expect(counted.ballots).toBe(3)
})

test('a person outside the owner unit\'s subtree cannot be made a target', async () => {
  const targets = [{ id: 'p1', name: '外人', kind: 'party-member', unitId: 'street-yangguang' }]
  expect(await organize(admin, 'createRound', { templateId: 'chuangxian-member', ownerUnitId: 'p-street', title: '越界', window: window(), targets })).toMatchObject({ ok: false, error: { code: 'TARGET_OUTSIDE_SUBTREE' } })
})

test('an admin at the root may have any unit of the tree host a round, a branch\'s 党员 round included', async () => {
  const { ownerUnitIds } = data(await organize<{ ownerUnitIds: string[] }>(admin, 'myUnits', {}))
  expect(ownerUnitIds).toEqual(expect.arrayContaining(['p-street', 'p-b1', 'p-b2', 'community-xingfu', 'b1']))
})
