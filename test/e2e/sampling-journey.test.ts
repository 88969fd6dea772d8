/**
 * 随机抽取 on the organiser's round page (seed 002): the seed's hash shows before any list is in; the
 * unit's list is imported and 30 of 40 drawn; the page then shows the seed, and the seed's SHA-256 is
 * the hash shown first. Screenshots in test-output/screenshots/sampling-*.
 */
import { createHash } from 'node:crypto'
import type { Page } from 'playwright-core'
import { browserPool, button, callAs, pickPersona, productUrl } from './browser'
import { field, settledScreenshot as screenshot } from './organizer-screens'

const browsers = browserPool()
afterAll(() => browsers.close())

const NAMES = Array.from({ length: 40 }, (_, i) => `职工${i + 1}`)
const FILE = Buffer.from(`姓名,手机\n${NAMES.map((n, i) => `${n},1390000${String(i).padStart(4, '0')}`).join('\n')}\n`)
let roundId = ''
let page: Page

beforeAll(async () => {
  roundId = (await callAs<{ roundId: string }>('organizer', 'organize', 'createRound', {
    templateId: 'zhuti-branch', ownerUnitId: 'community-xingfu', title: `主题教育评估 ${Date.now().toString(36)}`,
    window: { opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() },
    targets: [{ id: 'b1', name: '幸福社区第一网格党支部', kind: 'unit', unitId: 'b1' }],
  })).roundId
  page = await browsers.newPage()
  await page.goto(productUrl())
  await pickPersona(page, '陈组织员')
  await page.locator('.home__redeem').waitFor()
  await page.goto(`${productUrl()}/#/organizer/pages/round/index?roundId=${roundId}`)
  await page.locator('.sampling').waitFor()
})

test('the seed\'s hash first, then the list drawn from, then the seed that hashes to it', async () => {
  // A sampling round takes no roster typed in by hand.
  await expect(page.locator('.roster').count()).resolves.toBe(0)
  await button(page, '生成抽取种子').click()
  const hashLine = page.locator('.sampling__hash', { hasText: '种子摘要' })
  await hashLine.waitFor()
  const commitment = (await hashLine.innerText()).split('：')[1].trim()
  expect(commitment).toMatch(/^[0-9a-f]{64}$/)
  await page.locator('.sampling').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(page, 'sampling-01-committed')

  await field(page, '抽取人数').fill('30')
  const chooser = page.waitForEvent('filechooser')
  await button(page, '导入名单并抽取').click()
  await (await chooser).setFiles({ name: '职工名单.csv', mimeType: 'text/csv', buffer: FILE })
  await page.locator('.sampling .org__ok', { hasText: '名单40人，抽取30人' }).waitFor()
  const seed = (await page.locator('.sampling__hash', { hasText: '种子：' }).innerText()).split('：')[1].trim()
  expect(createHash('sha256').update(seed).digest('hex')).toBe(commitment)
  await page.locator('.codes').waitFor()
  await expect(page.locator('.codes__row').count()).resolves.toBe(30)
  await page.locator('.sampling').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(page, 'sampling-02-drawn')
})
