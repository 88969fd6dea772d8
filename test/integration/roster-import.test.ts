/**
 * Rosters as offices really have them: Excel's own CSV (GBK), re-imported after corrections. A
 * person is the same person by name, unit and phone; importing one file twice changes nothing.
 */
import { database } from '../../cloudfunctions/common/cloudbase'
import { keyedHash } from '../../cloudfunctions/common/keyed'
import type { Runtime } from '../../local/runtime'
import { dumpDatabase, dumpDifference } from '../helpers/dump'
import { gbk } from '../helpers/gbk'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

interface Code { code: string; name: string | null; unitId: string }
interface Imported { codes: Code[]; updated: Code[]; skipped: { row: number; reason: string }[] }

let runtime: Runtime
let admin: Session
let roundId: string
const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const importCsv = async (csv: string) => data(await organize<Imported>(admin, 'importRoster', { roundId, fileName: '参评名单.csv', base64: gbk(csv).toString('base64') }))
const invitations = () => [...runtime.cloudbase.store.collection('invitations').values()].map((e) => JSON.stringify(e.doc)).sort()

const FILE = [
  '姓名,单位,类别,手机',
  '张三,甲单位,单位参评人员,138 0000 0001',
  '李四,乙单位,全评参评人员,',
  '王五,甲单位,单位参评人员,13800000003',
  '赵六,乙单位,单位参评人员,13800000004',
].join('\r\n')

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  await organize(admin, 'createUnit', { id: 'st', name: '街道', parentId: null, kind: 'street' })
  for (const [id, name] of [['ua', '甲单位'], ['ub', '乙单位']]) await organize(admin, 'createUnit', { id, name, parentId: 'st', kind: 'unit' })
  roundId = data(await organize<{ roundId: string }>(admin, 'createRound', {
    templateId: 'sanping-yilian', ownerUnitId: 'st', title: '三评一联', window: { opensAt: new Date(Date.now() - 3600_000).toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() },
    targets: [{ id: 'ua', name: '甲单位', kind: 'unit', unitId: 'ua' }, { id: 'ub', name: '乙单位', kind: 'unit', unitId: 'ub' }],
    groups: [{ id: 'g', name: '第一组', leadUnitId: 'ua', unitIds: ['ua', 'ub'] }],
    reports: { ua: '甲单位情况报告', ub: '乙单位情况报告' },
  })).roundId
})
afterAll(() => runtime.close())

test('Excel\'s GBK CSV is read: one code per person, units and categories by their Chinese names', async () => {
  const first = await importCsv(FILE)
  expect(first.codes.map((c) => [c.name, c.unitId])).toEqual([['张三', 'ua'], ['李四', 'ub'], ['王五', 'ua'], ['赵六', 'ub']])
  expect(first.updated).toEqual([])
  expect(first.skipped).toEqual([])
})

test('a second import of the same file changes nothing: no new code, no changed code, no audit entry, not one document written', async () => {
  const before = dumpDatabase(runtime)
  const again = await importCsv(FILE)
  expect(again.codes).toEqual([])
  expect(again.updated).toEqual([])
  expect(again.skipped).toEqual([2, 3, 4, 5].map((row) => ({ row, reason: '已在名单中' })))
  expect(dumpDifference(before, dumpDatabase(runtime))).toEqual([])
})

test('a corrected file adds the new person, moves a changed category on the same code, and names duplicate or hostile rows', async () => {
  const before = JSON.parse(invitations().find((d) => d.includes('"李四"'))!) as { _id: string }
  const corrected = [
    '姓名,单位,类别,手机',
    '李四,乙单位,单位参评人员,',
    '孙七,甲单位,全评参评人员,13800000007',
    '孙七,甲单位,全评参评人员,13800000007',
    '张三,甲单位,单位参评人员,13800000009',
    '周八,toString,单位参评人员,',
    '吴九,__proto__,单位参评人员,',
    '郑十,甲单位,constructor,',
  ].join('\r\n')
  const result = await importCsv(corrected)
  expect(result.updated).toEqual([{ code: before._id, name: '李四', unitId: 'ub', usesLeft: 1 }])
  // 张三 with another phone is another person of the same name: the phone is what tells them apart.
  expect(result.codes.map((c) => c.name)).toEqual(['孙七', '张三'])
  expect(result.skipped).toEqual([
    { row: 4, reason: '与第3行重复' },
    { row: 6, reason: '单位不存在' },
    { row: 7, reason: '单位不存在' },
    { row: 8, reason: '类别不存在' },
  ])
})

test('a person imported when phones were hashed as written (+86, 0086) is still found by a re-import, however the number is written now', async () => {
  const first = await importCsv(['姓名,单位,类别,手机', '钱一,甲单位,单位参评人员,+86 138 0000 0021', '钱二,乙单位,单位参评人员,0086-13800000022'].join('\r\n'))
  expect(first.codes.map((c) => c.name)).toEqual(['钱一', '钱二'])
  // As the import before this fix stored them: the hash of every digit written.
  for (const [c, digits] of first.codes.map((c, i) => [c, ['8613800000021', '008613800000022'][i]] as const)) {
    await database().collection('invitations').doc(c.code).update({ phoneHash: keyedHash('phone', digits) })
  }
  const before = dumpDatabase(runtime)
  const again = await importCsv(['姓名,单位,类别,手机', '钱一,甲单位,单位参评人员,13800000021', '钱二,乙单位,单位参评人员,+8613800000022'].join('\r\n'))
  expect(again).toEqual({ codes: [], updated: [], skipped: [{ row: 2, reason: '已在名单中' }, { row: 3, reason: '已在名单中' }] })
  expect(dumpDifference(before, dumpDatabase(runtime))).toEqual([])
})

test('once the round is open a category moves for no one, used code or not: the answer never tells who voted', async () => {
  const list = data(await organize<{ codes: (Code & { categoryId: string })[] }>(admin, 'listCodes', { roundId })).codes
  const [wang, zhao] = ['王五', '赵六'].map((name) => list.find((c) => c.name === name)!)
  expect(data(await organize<{ state: string }>(admin, 'openRound', { roundId })).state).toBe('open')
  const voter = await signIn(runtime, 'voter-401')
  data(await voter.call<Answer>('evaluate', { action: 'redeem', data: { code: wang.code } }))
  const before = dumpDatabase(runtime)
  const result = await importCsv(['姓名,单位,类别,手机', '王五,甲单位,全评参评人员,13800000003', '赵六,乙单位,全评参评人员,13800000004'].join('\r\n'))
  const reason = '评议已开始，类别不再更改（可作废原邀请码后重新添加）'
  expect(result).toEqual({ codes: [], updated: [], skipped: [{ row: 2, reason }, { row: 3, reason }] })
  expect(dumpDifference(before, dumpDatabase(runtime))).toEqual([])
  const after = data(await organize<{ codes: (Code & { categoryId: string })[] }>(admin, 'listCodes', { roundId })).codes
  expect([wang, zhao].map((c) => after.find((a) => a.code === c.code)?.categoryId)).toEqual(['unit', 'unit'])
})
