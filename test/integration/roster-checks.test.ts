/**
 * What an office's file and the unit tree must not let through: a phone number that is no phone
 * number (refused, naming the row), two units of one name under one parent (which would make a
 * roster's unit column ambiguous), and a name of spaces only.
 */
import type { Runtime } from '../../local/runtime'
import { gbk } from '../helpers/gbk'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

interface Imported { codes: { name: string | null }[]; skipped: { row: number; reason: string }[] }

let runtime: Runtime
let admin: Session
let roundId: string
const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const invitationCount = () => runtime.cloudbase.store.collection('invitations').size
const unitCount = () => runtime.cloudbase.store.collection('units').size

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  data(await organize(admin, 'createUnit', { id: 'st', name: '街道', parentId: null, kind: 'street' }))
  for (const [id, name] of [['ua', '甲单位'], ['ub', '乙单位']]) data(await organize(admin, 'createUnit', { id, name, parentId: 'st', kind: 'unit' }))
  roundId = data(await organize<{ roundId: string }>(admin, 'createRound', {
    templateId: 'sanping-yilian', ownerUnitId: 'st', title: '三评一联', window: { opensAt: new Date(Date.now() - 3600_000).toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() },
    targets: [{ id: 'ua', name: '甲单位', kind: 'unit', unitId: 'ua' }, { id: 'ub', name: '乙单位', kind: 'unit', unitId: 'ub' }],
    groups: [{ id: 'g', name: '第一组', leadUnitId: 'ua', unitIds: ['ua', 'ub'] }],
  })).roundId
})
afterAll(() => runtime.close())

test('an imported row with an invalid phone is refused with its row and what was written; numbers as people write them pass', async () => {
  const csv = [
    '姓名,单位,类别,手机',
    '张三,甲单位,单位参评人员,+86 138-0000-0001',
    '李四,甲单位,单位参评人员,1380000000',
    '王五,乙单位,单位参评人员,23800000003',
    '赵六,乙单位,单位参评人员,138 0000 0004',
    '钱七,乙单位,单位参评人员,电话待补',
  ].join('\r\n')
  const imported = data(await organize<Imported>(admin, 'importRoster', { roundId, fileName: '名单.csv', base64: gbk(csv).toString('base64') }))
  expect(imported.codes.map((c) => c.name)).toEqual(['张三', '赵六'])
  expect(imported.skipped).toEqual([
    { row: 3, reason: '手机号码“1380000000”不正确，应为 11 位手机号' },
    { row: 4, reason: '手机号码“23800000003”不正确，应为 11 位手机号' },
    { row: 6, reason: '手机号码“电话待补”不正确，应为 11 位手机号' },
  ])
})

test('the same person written with or without +86 and spaces is one person on re-import', async () => {
  const csv = ['姓名,单位,类别,手机', '张三,甲单位,单位参评人员,13800000001'].join('\r\n')
  const again = data(await organize<Imported>(admin, 'importRoster', { roundId, fileName: '名单.csv', base64: gbk(csv).toString('base64') }))
  expect(again).toMatchObject({ codes: [], skipped: [{ row: 2, reason: '已在名单中' }] })
})

test('a person typed in with an invalid phone is refused by name, and no code is issued', async () => {
  const before = invitationCount()
  const answer = await organize(admin, 'addRoster', { roundId, categoryId: 'unit', entries: [{ name: '孙八', unitId: 'ua', phone: '12345' }] })
  expect(answer).toMatchObject({ ok: false, error: { code: 'ROUND_INVALID', message: expect.stringContaining('孙八：手机号码“12345”不正确') } })
  expect(invitationCount()).toBe(before)
})

test('two units of one name under one parent are refused, spaces or not; under another parent the name is free', async () => {
  const before = unitCount()
  for (const name of ['甲单位', ' 甲 单位 ']) {
    expect(await organize(admin, 'createUnit', { name, parentId: 'st', kind: 'unit' })).toEqual({ ok: false, error: { code: 'UNIT_NAME_TAKEN', message: '同一上级单位下已有同名单位，请换一个名称' } })
  }
  expect(unitCount()).toBe(before)
  expect(data(await organize<{ name: string }>(admin, 'createUnit', { name: '甲单位', parentId: 'ua', kind: 'grid' })).name).toBe('甲单位')
})

test('racing creations of one name under one parent make one unit', async () => {
  const answers = await Promise.all(Array.from({ length: 6 }, () => organize(admin, 'createUnit', { name: '丙单位', parentId: 'st', kind: 'unit' })))
  expect(answers.filter((a) => a.ok)).toHaveLength(1)
  expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(Array(5).fill('UNIT_NAME_TAKEN'))
  const names = [...runtime.cloudbase.store.collection('units').values()].map((e) => e.doc as unknown as { name: string; parentId: string }).filter((u) => u.parentId === 'st' && u.name === '丙单位')
  expect(names).toHaveLength(1)
})

test('a unit name of spaces only is refused, not ignored', async () => {
  const before = unitCount()
  expect(await organize(admin, 'createUnit', { name: '   ', parentId: 'st', kind: 'unit' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/[\u4e00-\u9fff]/) } })
  expect(unitCount()).toBe(before)
})
