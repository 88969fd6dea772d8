/** Rosters from files, printable code sheets, QR posters that lead back to the round, and self-reports. */
import ExcelJS from 'exceljs'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Runtime } from '../../local/runtime'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

let runtime: Runtime
let admin: Session
let roundId: string
const organize = <T = Record<string, unknown>>(s: Session, action: string, data: unknown) => s.call<Answer<T>>('organize', { action, data })

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  await organize(admin, 'createUnit', { id: 'st', name: '街道', parentId: null, kind: 'street' })
  for (const [id, name] of [['ua', '甲单位'], ['ub', '乙单位']]) await organize(admin, 'createUnit', { id, name, parentId: 'st', kind: 'unit' })
  roundId = data(await organize<{ roundId: string }>(admin, 'createRound', {
    templateId: 'sanping-yilian', ownerUnitId: 'st', title: '三评一联', window: { opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() },
    targets: [{ id: 'ua', name: '甲单位', kind: 'unit', unitId: 'ua' }, { id: 'ub', name: '乙单位', kind: 'unit', unitId: 'ub' }],
    groups: [{ id: 'g', name: '第一组', leadUnitId: 'ua', unitIds: ['ua', 'ub'] }],
    reports: { ua: '甲单位情况报告', ub: '乙单位情况报告' },
  })).roundId
})
afterAll(() => runtime.close())

test('a CSV roster (units and categories by name) becomes one code per person; bad rows are reported, not imported', async () => {
  const csv = '\uFEFF姓名,单位,类别,手机\n张三,甲单位,单位参评人员,13800000001\n李四,ub,all-round,\n,甲单位,单位参评人员,\n王五,丙单位,单位参评人员,\n'
  const result = data(await organize<{ codes: { code: string; name: string }[]; skipped: { row: number; reason: string }[] }>(admin, 'importRoster', { roundId, fileName: '名单.csv', base64: Buffer.from(csv).toString('base64') }))
  expect(result.codes.map((c) => c.name)).toEqual(['张三', '李四'])
  expect(result.codes.every((c) => /^[2-9A-HJ-NP-Z]{8}$/.test(c.code))).toBe(true)
  expect(result.skipped).toEqual([{ row: 4, reason: '姓名为空' }, { row: 5, reason: '单位不存在' }])
  const stored = [...runtime.cloudbase.store.collection('invitations').values()].map((e) => JSON.stringify(e.doc))
  expect(stored.join()).not.toContain('13800000001')
})

test('an xlsx roster imports the same way, and the unit\'s printable sheet lists its codes', async () => {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('名单')
  sheet.addRow(['姓名', '单位', '类别'])
  sheet.addRow(['赵六', '乙单位', '单位参评人员'])
  const base64 = Buffer.from(await book.xlsx.writeBuffer()).toString('base64')
  const { codes } = data(await organize<{ codes: { code: string }[] }>(admin, 'importRoster', { roundId, fileName: '名单.xlsx', base64 }))
  expect(codes).toHaveLength(1)
  const { url } = data(await organize<{ url: string }>(admin, 'codeSheet', { roundId, unitId: 'ub' }))
  const printed = new ExcelJS.Workbook()
  await printed.xlsx.load(await (await fetch(url)).arrayBuffer())
  const rows: string[] = []
  printed.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).join('|')))
  expect(rows[0]).toBe('姓名|类别|邀请码|共用码剩余次数')
  // A person's row says nothing of use: whether they used their code is theirs alone.
  expect(rows).toContain(`赵六|单位参评人员|${codes[0].code}|`)
  expect(rows.some((r) => r.startsWith('张三'))).toBe(false)
})

test('a channel\'s QR poster encodes a short scene that resolves back to the round and channel', async () => {
  const { channel, path } = data(await organize<{ channel: { id: string }; path: string }>(admin, 'addChannel', { roundId, name: '三网格群' }))
  expect(path).toBe(`pages/round/index?roundId=${roundId}&channel=${channel.id}`)
  const poster = data(await organize<{ url: string; scene: string }>(admin, 'sharePoster', { roundId, channelId: channel.id }))
  expect(poster.scene.length).toBeLessThanOrEqual(32)
  const image = PNG.sync.read(Buffer.from(await (await fetch(poster.url)).arrayBuffer()))
  expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(`${runtime.url}/#/pages/index/index?scene=${poster.scene}`)
  const resident = await signIn(runtime, 'resident-zhang')
  // A poster printed while the round is a draft leads residents nowhere until it opens.
  expect(await resident.call('evaluate', { action: 'resolveScene', data: { scene: poster.scene } })).toMatchObject({ ok: false, error: { code: 'ROUND_NOT_FOUND' } })
  expect(data(await organize(admin, 'openRound', { roundId }))).toEqual({ state: 'open', blockers: [] })
  expect(await resident.call('evaluate', { action: 'resolveScene', data: { scene: poster.scene } })).toEqual({ ok: true, data: { roundId, channel: channel.id, code: null } })
})

test('a unit contact\'s self-report reaches residents only after an organiser approves it', async () => {
  const { code } = data(await organize<{ code: string }>(admin, 'inviteRole', { role: 'contact', unitId: 'ua' }))
  const contact = await signIn(runtime, 'voter-31')
  data(await organize(contact, 'redeemRole', { code, displayName: '甲单位联系人' }))
  expect(data(await organize(contact, 'writeReport', { roundId, targetId: 'ua', text: '甲单位情况报告' }))).toEqual({ approved: false })
  expect(await organize(contact, 'writeReport', { roundId, targetId: 'ub', text: '越权' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const resident = await signIn(runtime, 'resident-li')
  const reportOf = async () => data(await resident.call<Answer<{ targets: { id: string; report: string }[] }>>('evaluate', { action: 'getRound', data: { roundId } })).targets.find((t) => t.id === 'ua')?.report
  expect(await reportOf()).toBe('')
  expect(data(await organize(contact, 'myReports', { roundId }))).toEqual({ title: '三评一联', writable: true, reports: [{ targetId: 'ua', name: '甲单位', text: '甲单位情况报告', approved: false }] })
  const read = data(await organize<{ reports: Record<string, { text: string; revision: number }> }>(admin, 'getRound', { roundId })).reports.ua
  expect(read).toEqual({ text: '甲单位情况报告', approved: false, revision: 1 })
  data(await organize(admin, 'approveReport', { roundId, targetId: 'ua', revision: read.revision }))
  expect(await reportOf()).toBe('甲单位情况报告')
})

test('an approval names the text the organiser read: a report rewritten in between is refused, stays pending, and is approved once read', async () => {
  const { code } = data(await organize<{ code: string }>(admin, 'inviteRole', { role: 'contact', unitId: 'ub' }))
  const contact = await signIn(runtime, 'voter-32')
  data(await organize(contact, 'redeemRole', { code, displayName: '乙单位联系人' }))
  const reportsRead = async () => data(await organize<{ reports: Record<string, { text: string; approved: boolean; revision: number }> }>(admin, 'getRound', { roundId })).reports
  data(await organize(contact, 'writeReport', { roundId, targetId: 'ub', text: '乙单位情况报告' }))
  const read = (await reportsRead()).ub
  // The contact rewrites it after the organiser opened the page, before the organiser taps 审核通过.
  data(await organize(contact, 'writeReport', { roundId, targetId: 'ub', text: '乙单位情况报告（改过，未经审阅）' }))
  const audited = (await organize<{ entries: unknown[] }>(admin, 'auditLog', { roundId }))
  expect(await organize(admin, 'approveReport', { roundId, targetId: 'ub', revision: read.revision })).toEqual({
    ok: false, error: { code: 'REPORT_CHANGED', message: '这份情况报告在您阅读后又被修改过，请先阅读最新内容再审核' },
  })
  expect((await reportsRead()).ub).toEqual({ text: '乙单位情况报告（改过，未经审阅）', approved: false, revision: read.revision + 1 })
  expect(await organize(admin, 'auditLog', { roundId })).toEqual(audited)
  // A replay of an approval already given, naming an older text, is refused the same way.
  const reread = (await reportsRead()).ub
  expect(data(await organize(admin, 'approveReport', { roundId, targetId: 'ub', revision: reread.revision }))).toEqual({ approved: true })
  expect(await organize(admin, 'approveReport', { roundId, targetId: 'ub', revision: read.revision })).toMatchObject({ ok: false, error: { code: 'REPORT_CHANGED' } })
  expect((await reportsRead()).ub).toMatchObject({ text: '乙单位情况报告（改过，未经审阅）', approved: true })
})

test('the first admin claims the system once with the setup code; a wrong code or a second claim is refused', async () => {
  const first = await signIn(runtime, 'voter-41')
  const second = await signIn(runtime, 'voter-42')
  expect(await organize(first, 'claimSetup', { setupCode: 'WRONG-CODE', displayName: '王主任' })).toMatchObject({ ok: false, error: { code: 'SETUP_CODE_WRONG', message: '初始化码不正确' } })
  expect(data(await organize(first, 'claimSetup', { setupCode: runtime.setupCode, displayName: '王主任' }))).toEqual({ role: 'admin' })
  expect(await organize(second, 'claimSetup', { setupCode: runtime.setupCode, displayName: '李主任' })).toMatchObject({ ok: false, error: { code: 'SETUP_CLAIMED' } })
  expect(data(await organize<{ roles: { role: string; unitId: string }[] }>(first, 'myUnits', {})).roles).toEqual([{ role: 'admin', unitId: null, unitName: '全部单位' }])
  expect(data(await organize<{ roles: unknown[] }>(second, 'myUnits', {})).roles).toEqual([])
})
