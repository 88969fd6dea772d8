/**
 * Paths only the mini-program has: a vote from a group chat (its CloudID decoded by the platform
 * for the function), exports opened with downloadFile + openDocument, a poster saved to the album
 * when the permission was refused, and a roster picked from a chat with chooseMessageFile.
 */
import { DEMO_BRANCHES, expectClean, rateEveryBranch } from './flows'
import { startWeappWorld, type WeappWorld } from './harness'

let world: WeappWorld
beforeAll(async () => {
  world = await startWeappWorld()
})
afterAll(() => world.close())

test('a vote from a group-chat card (scene 1008) sends the group as a CloudID, and the organiser sees one chat', async () => {
  const mp = await world.open({
    persona: 'voter-101',
    path: 'pages/round/index?roundId=demo-community&channel=grid-1',
    scene: 1008,
    answers: { group: { cloudID: 'cloudid-grid-1-chat', openGId: 'tGgroup-of-grid-1' } },
  })
  const receipt = await rateEveryBranch(mp)
  expect(receipt.match(/已提交回执编号/g)).toHaveLength(DEMO_BRANCHES.length)
  const submit = mp.wx.calls.find((c) => c.api === 'cloud.callFunction' && (c.options.data as { action?: string }).action === 'submit')
  expect(submit?.options.data).toMatchObject({ group: { cloudID: 'cloudid-grid-1-chat' } })
  expect(mp.wx.calls.some((c) => c.api === 'getGroupEnterInfo')).toBe(true)
  expectClean(mp)

  const organiser = await world.open({ persona: 'organizer', path: 'organizer/pages/round/index?roundId=demo-community' })
  await organiser.waitForText('来自 1 个微信群')
})

test('exports open as documents: downloadFile, then openDocument with xlsx for the 统计表 and pdf for the report', async () => {
  const mp = await world.open({ persona: 'organizer', path: 'organizer/pages/round/index?roundId=demo-community' })
  await mp.waitForText('转发渠道')
  mp.tap(/^结果$/)
  const idle = () => mp.find((n) => String(n.attr.class ?? '').includes('nut-button-disabled')).length === 0
  await mp.waitForText('导出 Excel 统计表')
  mp.tap('导出 Excel 统计表')
  await waitForCall(mp, 'openDocument', 1)
  await mp.waitFor(idle, 'the export buttons enabled again')
  mp.tap('导出 PDF 报告')
  await waitForCall(mp, 'openDocument', 2)
  const steps = mp.wx.calls.filter((c) => c.api === 'downloadFile' || c.api === 'openDocument').map((c) => c.api)
  expect(steps).toEqual(['downloadFile', 'openDocument', 'downloadFile', 'openDocument'])
  const opened = mp.wx.calls.filter((c) => c.api === 'openDocument').map((c) => c.options)
  expect(opened.map((o) => o.fileType)).toEqual(['xlsx', 'pdf'])
  // Kept in the user folder under the name a person reads, so a forwarded copy keeps it.
  expect(opened.map((o) => o.filePath)).toEqual([expect.stringMatching(/^wxfile:\/\/usr\/.+-统计表-\d{4}-\d{2}-\d{2}\.xlsx$/), expect.stringMatching(/^wxfile:\/\/usr\/.+-评议报告-\d{4}-\d{2}-\d{2}\.pdf$/)])
  expect(mp.wx.readTemp(opened[0].filePath).subarray(0, 2).toString()).toBe('PK')
  expect(mp.wx.readTemp(opened[1].filePath).subarray(0, 5).toString()).toBe('%PDF-')
  expect(mp.text()).not.toContain('文件下载失败')
  expectClean(mp)
})

test('saving a poster when the album was refused explains it in Chinese and offers the settings page', async () => {
  const mp = await world.open({ persona: 'organizer', path: 'organizer/pages/round/index?roundId=demo-community', answers: { albumAllowed: false } })
  await mp.waitForText('第一网格居民群')
  mp.tap(/^海报$/)
  await mp.waitForText('保存到相册')
  mp.tap(/^保存到相册$/)
  const note = await mp.waitForText('未保存：保存到相册需要您的允许')
  expect(note).toContain('请在设置中打开“添加到相册”后重试')
  const modal = mp.wx.calls.find((c) => c.api === 'showModal')?.options
  expect(modal).toMatchObject({ title: '需要相册权限', confirmText: '去设置' })
  expect(mp.wx.calls.map((c) => c.api)).toContain('openSetting')
  expectClean(mp)
})

test('a roster file picked from a chat with chooseMessageFile is imported', async () => {
  const csv = ['姓名,单位,类别,手机', '孙立新,阳光街道党政办公室,单位参评人员,13800000011', '周秀梅,阳光街道社区服务中心,全评参评人员,'].join('\r\n')
  const mp = await world.open({ persona: 'admin', path: 'organizer/pages/round/index?roundId=demo-sanping', answers: { messageFile: { name: '参评人员名单.csv', bytes: Buffer.from(csv) } } })
  await mp.waitForText('导入名单（CSV / Excel）')
  mp.tap('导入名单（CSV / Excel）')
  await mp.waitForText('新增 2 人，更新 0 人，跳过 0 行')
  expect(mp.wx.calls.find((c) => c.api === 'chooseMessageFile')?.options).toMatchObject({ count: 1, type: 'file', extension: ['csv', 'xlsx'] })
  expect(mp.wx.calls.map((c) => c.api)).toContain('FileSystemManager.readFile')
  expectClean(mp)
})

async function waitForCall(mp: Awaited<ReturnType<WeappWorld['open']>>, api: string, count: number) {
  const until = Date.now() + 20_000
  while (mp.wx.calls.filter((c) => c.api === api).length < count) {
    if (mp.errors.length) throw mp.errors[0]
    if (Date.now() > until) throw new Error(`${api} was called fewer than ${count} times; the page shows:\n${mp.text().slice(0, 800)}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
