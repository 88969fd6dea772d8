/**
 * 刘书记 watches the demo's 三评一联 round, which shows no live results (seed 000 tallies after the
 * meeting): the street dashboard and the round page show each unit's ballots against the 35 the
 * procedure expects and say when results will be visible — never 暂无 / 0 份, an error or 重试.
 * Grids, which are no target, are not listed beside the branches.
 */
import type { Page } from 'playwright-core'
import { browserPool, pickPersona, productUrl } from './browser'
import { settledScreenshot as screenshot } from './organizer-screens'

const ROUND = '阳光街道第一组“三评一联”群众评价'
const UNITS = ['阳光街道党政办公室', '阳光街道社区服务中心', '阳光街道综合行政执法队', '阳光街道便民服务大厅']

const browsers = browserPool()
afterAll(() => browsers.close())

async function streetDashboard(): Promise<Page> {
  const page = await browsers.newPage()
  await page.goto(productUrl())
  await pickPersona(page, '刘书记')
  await page.locator('.home__dashboard').click()
  await page.locator('.dash-head__title', { hasText: '阳光街道' }).waitFor()
  return page
}

test('the street dashboard shows the no-live round\'s progress per unit out of 35, and when results come', async () => {
  const page = await streetDashboard()
  const card = page.locator('.dash-round-card', { hasText: ROUND }).filter({ visible: true })
  await card.waitFor()
  await card.locator('.dash-notice', { hasText: /评议结束后可以查看满意率和认定结果/ }).waitFor()
  for (const name of UNITS) {
    const row = card.locator('.dash-unit', { hasText: name })
    await expect(row.locator('.dash-unit__rate').innerText()).resolves.toMatch(/^\d+ \/ 35 份$/)
  }
  await expect(card.innerText()).resolves.not.toMatch(/暂无|初步结果/)
  // The street units, targets of the round, show their turnout and why there is no rate yet.
  const office = page.locator('.dash-unit', { hasText: '阳光街道党政办公室' }).filter({ has: page.locator('.dash-small') }).first()
  await expect(office.innerText()).resolves.toMatch(/参评 \d+ 份[\s\S]*\/ 35 份[\s\S]*评议结束后可以查看满意率/)
  await screenshot(page, 'leader-progress-01-street')
})

test('the round page shows participation and the notice, not an error with 重试; grids are not listed', async () => {
  const page = await streetDashboard()
  await page.locator('.dash-round-card', { hasText: ROUND }).filter({ visible: true }).click()
  await page.locator('.dash-head__title', { hasText: ROUND }).waitFor()
  const progress = page.locator('.dash-progress').filter({ visible: true })
  await progress.waitFor()
  for (const name of UNITS) await expect(progress.locator('.dash-unit', { hasText: name }).innerText()).resolves.toMatch(/\d+ \/ 35 份/)
  await page.locator('.dash-notice', { hasText: /评议结束后可以查看/ }).filter({ visible: true }).waitFor()
  await expect(page.getByText('打不开评议结果').count()).resolves.toBe(0)
  await expect(page.getByText('重试').count()).resolves.toBe(0)
  await screenshot(page, 'leader-progress-02-round')

  await page.goBack()
  await page.locator('.dash-unit', { hasText: '幸福社区' }).filter({ visible: true }).first().click()
  await page.locator('.dash-head__title', { hasText: '幸福社区' }).waitFor()
  await page.locator('.dash-unit__name', { hasText: '幸福社区第一网格党支部' }).filter({ visible: true }).first().waitFor()
  await expect(page.locator('.dash-unit__name').filter({ visible: true }).filter({ hasText: /^幸福社区第[一二三]网格$/ }).count()).resolves.toBe(0)
  await screenshot(page, 'leader-progress-03-community')
})
