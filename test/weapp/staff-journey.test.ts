/**
 * Staff in the weapp bundle, moving between packages by tapping as they would: the organiser from
 * home to the workbench, a round and its 结果 tab; the leader from home to the dashboard's area,
 * round and target pages (ECharts draws into a canvas the harness does not paint; the pages load).
 */
import { expectClean } from './flows'
import { startWeappWorld, type WeappWorld } from './harness'

let world: WeappWorld
beforeAll(async () => {
  world = await startWeappWorld()
})
afterAll(() => world.close())

const ROUND = '2026年幸福社区党组织群众满意度测评'

test('陈组织员 goes from home to the workbench, opens the round and reads its 结果 tab', async () => {
  const mp = await world.open({ persona: 'organizer', path: 'pages/index/index' })
  await mp.waitForText('工作台')
  mp.tap('工作台')
  // Home lists the round too: wait for the workbench's own list.
  await mp.waitForText('组织员 · 幸福社区')
  await mp.waitForText(`评议中（1）${ROUND}`)
  mp.tap(ROUND)
  await mp.waitForText('转发渠道')
  expect(mp.pages().map((p) => p.route)).toEqual(['pages/index/index', 'organizer/pages/workbench/index', 'organizer/pages/round/index'])
  expect(mp.page.options).toEqual({ roundId: 'demo-community' })
  mp.tap(/^结果$/)
  const results = await mp.waitForText('导出 Excel 统计表')
  expect(results).toContain('导出 PDF 报告')
  expect(results).not.toContain('转发渠道')
  expectClean(mp)
})

test('刘书记 goes from home to 数据看板, drills into the round and one branch', async () => {
  const mp = await world.open({ persona: 'leader', path: 'pages/index/index' })
  await mp.waitForText('数据看板')
  mp.tap('数据看板')
  await mp.waitForText('阳光街道群众评议数据看板')
  mp.tap('查看图表与排名 ›')
  await mp.waitForText('各评议对象满意率')
  mp.tap('查看详情 ›')
  await mp.waitForText('历次评议满意率')
  expect(mp.text()).toContain('幸福社区第一网格党支部')
  expect(mp.pages().map((p) => p.route)).toEqual(['pages/index/index', 'dashboard/pages/area/index', 'dashboard/pages/round/index', 'dashboard/pages/target/index'])
  expect(mp.page.options).toEqual({ roundId: 'demo-community', targetId: 'b1' })
  // Back to the round: WeChat shows the page below again.
  mp.back()
  expect(mp.page.route).toBe('dashboard/pages/round/index')
  expectClean(mp)
})
