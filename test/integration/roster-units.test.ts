/**
 * Unit names are unique among siblings only: every 社区 has its 第一网格. A roster file names a unit
 * by name, and that name is looked for among the round's own units first; 上级/单位 tells apart
 * what the bare name cannot, and a name that still fits two units is refused as ambiguous.
 */
import type { Runtime } from '../../local/runtime'
import { gbk } from '../helpers/gbk'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

interface Imported { codes: { name: string | null; unitId: string }[]; skipped: { row: number; reason: string }[] }

let runtime: Runtime
let admin: Session
const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const importCsv = async (roundId: string, rows: string[]) =>
  data(await organize<Imported>(admin, 'importRoster', { roundId, fileName: '参评名单.csv', base64: gbk(['姓名,单位,类别,手机', ...rows].join('\r\n')).toString('base64') }))

/** A round of the given grids, as targets and as the one evaluation group. */
async function roundOf(title: string, grids: [string, string][]) {
  return data(await organize<{ roundId: string }>(admin, 'createRound', {
    templateId: 'sanping-yilian', ownerUnitId: 'st', title, window: { opensAt: new Date(Date.now() - 3600_000).toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() },
    targets: grids.map(([id, name]) => ({ id, name, kind: 'unit', unitId: id })),
    groups: [{ id: 'g', name: '第一组', leadUnitId: grids[0]![0], unitIds: grids.map(([id]) => id) }],
  })).roundId
}

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  data(await organize(admin, 'createUnit', { id: 'st', name: '街道', parentId: null, kind: 'street' }))
  for (const [id, name] of [['east', '东社区'], ['west', '西社区']]) data(await organize(admin, 'createUnit', { id, name, parentId: 'st', kind: 'community' }))
  for (const [id, name, parentId] of [['e1', '第一网格', 'east'], ['e2', '第二网格', 'east'], ['w1', '第一网格', 'west']]) data(await organize(admin, 'createUnit', { id, name, parentId, kind: 'grid' }))
})
afterAll(() => runtime.close())

test('a name two communities share is the round\'s own unit when only one of them is in the round', async () => {
  const roundId = await roundOf('东社区评议', [['e1', '第一网格'], ['e2', '第二网格']])
  const imported = await importCsv(roundId, ['张三,第一网格,单位参评人员,', '李四,第二网格,单位参评人员,', '王五,西社区/第一网格,全评参评人员,'])
  expect(imported.codes.map((c) => [c.name, c.unitId])).toEqual([['张三', 'e1'], ['李四', 'e2'], ['王五', 'w1']])
  expect(imported.skipped).toEqual([])
})

test('when the round has both, the bare name is refused as ambiguous with the paths to write, and a path picks one', async () => {
  const roundId = await roundOf('全街道评议', [['e1', '第一网格'], ['w1', '第一网格']])
  const imported = await importCsv(roundId, [
    '张三,第一网格,单位参评人员,',
    '李四,东社区/第一网格,单位参评人员,',
    '王五,西社区／第一网格,单位参评人员,',
    '赵六,街道/西社区/第一网格,全评参评人员,',
    '钱七,南社区/第一网格,单位参评人员,',
    '孙八,东社区/第二网格/第一网格,单位参评人员,',
    '周九,__proto__/第一网格,单位参评人员,',
  ])
  expect(imported.codes.map((c) => [c.name, c.unitId])).toEqual([['李四', 'e1'], ['王五', 'w1'], ['赵六', 'w1']])
  expect(imported.skipped).toEqual([
    { row: 2, reason: '单位名称不唯一，请写明上级单位，如“东社区/第一网格”或“西社区/第一网格”' },
    { row: 6, reason: '单位不存在' },
    { row: 7, reason: '单位不存在' },
    { row: 8, reason: '单位不存在' },
  ])
})
