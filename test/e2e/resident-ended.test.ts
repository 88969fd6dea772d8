/**
 * A round closed early, as the resident lives it: 已评 on the home page once every target is rated;
 * after the organiser closes it a day before the planned end, the round moves to 已结束 with the
 * resident's receipts, and its page says when it actually ended, not the planned date.
 */
import { showTime } from '../../src/services/time'
import { browserPool, callAs, productUrl } from './browser'
import { settledScreenshot as screenshot } from './organizer-screens'

const browsers = browserPool()
afterAll(() => browsers.close())
const TITLE = `提前结束测试 ${Date.now().toString(36)}`

const asAdmin = (action: string, data: unknown) => callAs('admin', 'organize', action, data)

test('已评, then closed early: 已结束 with receipts, and the actual end on the round page', async () => {
  const day = 86400_000
  const planned = new Date(Date.now() + 2 * day).toISOString()
  const { roundId } = (await asAdmin('createRound', {
    templateId: 'community-satisfaction', ownerUnitId: 'community-xingfu', title: TITLE, window: { opensAt: new Date(Date.now() - day).toISOString(), closesAt: planned },
    targets: [{ id: 'b1', name: '幸福社区第一网格党支部', kind: 'unit', unitId: 'b1' }],
  })) as { roundId: string }
  await asAdmin('openRound', { roundId })

  const page = await browsers.newPage()
  await page.goto(productUrl())
  await page.getByText('本地体验：请选择身份登录').waitFor()
  await page.evaluate((persona) => fetch('/__dev/login', { method: 'POST', body: JSON.stringify({ persona }) }).then(() => undefined), 'voter-9401')
  await page.goto(`${productUrl()}/#/pages/round/index?roundId=${roundId}`)
  await page.locator('.nut-button', { hasText: '开始评议（1 个）' }).click()
  const rows = page.locator('.level-picker')
  await rows.first().waitFor()
  await rows.first().locator('.level-picker__level', { hasText: /^满意$/ }).click()
  await page.locator('.ballot__fill').click()
  await page.locator('.nut-button', { hasText: '检查并提交' }).click()
  await page.locator('.nut-button', { hasText: '确认提交' }).click()
  await page.locator('.receipt__status', { hasText: '已提交' }).waitFor()

  await page.goto(productUrl())
  await page.locator('.home__round--rated', { hasText: TITLE }).getByText('已评').waitFor()
  await screenshot(page, 'resident-ended-01-home-rated')

  await asAdmin('closeRound', { roundId })
  const { window } = (await asAdmin('getRound', { roundId })) as { window: { closesAt: string } }
  expect(Date.parse(window.closesAt)).toBeLessThan(Date.parse(planned) - day)
  await page.reload()
  const ended = page.locator('.home__round--ended', { hasText: TITLE })
  await ended.getByText(`已于 ${showTime(window.closesAt)} 结束 · 您评议了 1 个对象`).waitFor()
  await screenshot(page, 'resident-ended-02-home-ended-section')
  await ended.click()
  await page.getByText(`本次评议已于 ${showTime(window.closesAt)} 结束，感谢您的关注。`).waitFor()
  await page.locator('.round__receipt', { hasText: '幸福社区第一网格党支部' }).getByText(/回执编号 \S+/).waitFor()
  await screenshot(page, 'resident-ended-03-round-actual-end-and-receipt')
})
