/** A resident who opens a round that has not started, or has ended, gets a screen that says so. */
import { browserPool, callAs, pickPersona, productUrl, screenshot } from './browser'

const browsers = browserPool()
afterAll(() => browsers.close())

const asAdmin = (action: string, data: unknown) => callAs('admin', 'organize', action, data)

async function round(window: { opensAt: string; closesAt: string }, then: string[]) {
  const { roundId } = await asAdmin('createRound', {
    templateId: 'community-satisfaction', ownerUnitId: 'community-xingfu', title: `状态测试 ${Date.now().toString(36)}`, window,
    targets: [{ id: 'b1', name: '幸福社区第一网格党支部', kind: 'unit', unitId: 'b1' }],
  })
  for (const action of then) await asAdmin(action, { roundId })
  return roundId as string
}

test('not yet open, and ended: each has its own screen and offers no ballot', async () => {
  const day = 86400_000
  const later = await round({ opensAt: new Date(Date.now() + day).toISOString(), closesAt: new Date(Date.now() + 2 * day).toISOString() }, ['openRound'])
  const ended = await round({ opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + day).toISOString() }, ['openRound', 'closeRound'])
  const page = await browsers.newPage()
  await page.goto(productUrl())
  await pickPersona(page, '张阿姨')
  await page.locator('.home__redeem').waitFor()

  await page.goto(`${productUrl()}/#/pages/round/index?roundId=${later}`)
  await page.getByText('评议尚未开始').waitFor()
  expect(await page.locator('.nut-button', { hasText: '开始评议' }).count()).toBe(0)
  await screenshot(page, 'round-state-01-not-yet-open')

  await page.goto(`${productUrl()}/#/pages/round/index?roundId=${ended}`)
  await page.getByText('评议已经结束').waitFor()
  expect(await page.locator('.nut-button', { hasText: '开始评议' }).count()).toBe(0)
  await screenshot(page, 'round-state-02-ended')
})
