/**
 * The organiser's forms as a person meets them: one-line fields are one-line inputs in the page's
 * font, a disabled 下一步 or 提交 says what it waits for, a name of spaces is answered rather
 * than ignored, and a round opened ahead of its window reads 尚未开始 as it does for residents.
 */
import type { Page } from 'playwright-core'
import { browserPool, button, callAs, pickPersona, productUrl } from './browser'
import { chip, field, settledScreenshot } from './organizer-screens'

const browsers = browserPool()
afterAll(() => browsers.close())

async function signedIn(persona: string, path: string): Promise<Page> {
  const page = await browsers.newPage()
  await page.goto(productUrl())
  // Signed in once the session cookie is back, not after a fixed half second.
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/__dev/login') && r.ok()), pickPersona(page, persona)])
  await page.goto(`${productUrl()}/#${path}`)
  return page
}

const hint = (page: Page) => page.locator('.org__missing')

test('the create wizard’s fields are one-line inputs, and its disabled 下一步 says what is missing, down to the 主办单位 chip', async () => {
  const page = await signedIn('陈组织员', '/organizer/pages/create/index')
  await hint(page).getByText('请先选择评议模板').waitFor()
  await page.locator('.template-option', { hasText: '社区满意度测评' }).click()
  const title = field(page, '评议名称')
  const looks = await title.evaluate((el) => ({ tag: el.tagName, font: getComputedStyle(el).fontFamily, resize: getComputedStyle(el).resize }))
  expect(looks.tag).toBe('INPUT')
  expect(looks.font).not.toMatch(/monospace/)
  expect(await page.locator('.org__field textarea').count()).toBe(0)
  await title.fill('   ')
  await hint(page).getByText('评议名称不能只有空格').waitFor()
  await title.fill('幸福社区2026年满意度测评')
  await hint(page).getByText('请点选一个主办单位').waitFor()
  expect(await button(page, '下一步').getAttribute('class')).toMatch(/disabled/)
  await settledScreenshot(page, 'form-hints-01-wizard-needs-owner')
  await chip(page, '幸福社区').first().click()
  expect(await hint(page).count()).toBe(0)
  expect(await button(page, '下一步').getAttribute('class')).not.toMatch(/disabled/)
})

test('a unit name of spaces only is answered, not silently ignored', async () => {
  const page = await signedIn('系统管理员', '/organizer/pages/units/index')
  await page.locator('.unit-picker__unit', { hasText: '幸福社区' }).first().click()
  await field(page, '单位名称').fill('   ')
  await hint(page).getByText('单位名称不能只有空格').waitFor()
  await hint(page).scrollIntoViewIfNeeded()
  await settledScreenshot(page, 'form-hints-02-unit-name-spaces')
})

test('an empty self-report’s 提交报告 says a report is needed', async () => {
  const { roundId } = await callAs<{ roundId: string }>('admin', 'organize', 'createRound', {
    templateId: 'community-satisfaction', ownerUnitId: 'community-xingfu', title: '报告提示测试', window: { opensAt: new Date(Date.now() + 86400_000).toISOString(), closesAt: new Date(Date.now() + 3 * 86400_000).toISOString() },
    targets: [{ id: 'b4', name: '幸福社区离退休党支部', kind: 'unit', unitId: 'b4' }],
  })
  const page = await signedIn('周联络员', `/organizer/pages/report/index?roundId=${roundId}`)
  const form = page.locator('.report-form', { hasText: '幸福社区离退休党支部' })
  await form.locator('.org__missing', { hasText: '请填写报告内容' }).waitFor()
  await form.locator('textarea').fill('   ')
  await form.locator('.org__missing', { hasText: '报告内容不能只有空格' }).waitFor()
  await settledScreenshot(page, 'form-hints-03-empty-report')
  await form.locator('textarea').fill('本季度走访居民 100 户。')
  expect(await form.locator('.org__missing').count()).toBe(0)
})

test('a round opened ahead of its window is 尚未开始 on the organiser’s workbench and round page', async () => {
  const day = 86400_000
  const { roundId } = await callAs<{ roundId: string }>('admin', 'organize', 'createRound', {
    templateId: 'community-satisfaction', ownerUnitId: 'community-xingfu', title: '明天开始的评议', window: { opensAt: new Date(Date.now() + day).toISOString(), closesAt: new Date(Date.now() + 3 * day).toISOString() },
    targets: [{ id: 'b1', name: '幸福社区第一网格党支部', kind: 'unit', unitId: 'b1' }],
  })
  await callAs('admin', 'organize', 'openRound', { roundId })
  const page = await signedIn('陈组织员', '/organizer/pages/workbench/index')
  const row = page.locator('.workbench__round', { hasText: '明天开始的评议' })
  await row.locator('.state-tag', { hasText: '尚未开始' }).waitFor()
  await page.getByText(/^尚未开始（\d+）$/).waitFor()
  await settledScreenshot(page, 'form-hints-04-workbench-not-yet-open')
  await page.goto(`${productUrl()}/#/organizer/pages/round/index?roundId=${roundId}`)
  // The round page's own 状态 row (the workbench stays in Taro's page stack, with its tags).
  const status = page.locator('.org__row', { hasText: '状态' }).locator('.state-tag')
  await status.waitFor()
  expect(await status.innerText()).toBe('尚未开始')
  await settledScreenshot(page, 'form-hints-05-round-not-yet-open')
})
