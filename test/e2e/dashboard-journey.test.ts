/**
 * The leaders' journey: 刘书记, a leader of 阳光街道, opens 数据看板 from the home page, sees the demo
 * area with live figures, drills 阳光街道 → 幸福社区 → a round → a branch and reads its verdict with the
 * explanation; the organiser closes and publishes that round and finds the 结果 tab with its exports;
 * 张阿姨 opens the round and reads the published 评议结果.
 *
 * The round closed here is this file's own (cast through the real submit path by unnamed voters), so
 * the demo rounds other journeys vote in stay open.
 */
import type { Page } from 'playwright-core'
import { builtinTemplates, inShanghai, templateItems, type LevelClass } from '../../src/core'
import { browserPool, button, callAs, pickPersona, productUrl } from './browser'
import { settledScreenshot as screenshot } from './organizer-screens'

const TITLE = `看板测试评议 ${Date.now().toString(36)}`
const GOOD = { id: 'b1', name: '幸福社区第一网格党支部' }
const POOR = { id: 'b3', name: '幸福社区第三网格党支部' }
/**
 * 25 voters. Live figures leave 5 out at random, so the 20 they rest on vary; POOR's 12 不满意 keep
 * its share between a third and two thirds (its secretary rated 基本称职) whichever 5, and GOOD's 2
 * keep it clear. Final: POOR 13 of 25 satisfied (52 %), GOOD 23 (92 %).
 */
const VOTERS = 25
const levelOf = (n: number, full: number, basic: number): LevelClass => (n < full ? 'satisfied-full' : n < full + basic ? 'satisfied-basic' : 'dissatisfied')
const LEVELS: Record<string, (n: number) => LevelClass> = {
  [GOOD.id]: (n) => levelOf(n, 18, 5),
  [POOR.id]: (n) => levelOf(n, 6, 7),
}

const browsers = browserPool()
afterAll(() => browsers.close())

const api = callAs

const template = builtinTemplates.find((t) => t.id === 'community-satisfaction')!
function ballot(targetId: string, level: LevelClass) {
  const overall = template.ballot.scale.levels.find((l) => l.class === level)!.id
  return { targetId, overall, items: Object.fromEntries(templateItems(template.ballot).map((i) => [i.id, overall])) }
}

let roundId = ''

async function signedIn(name: string): Promise<Page> {
  const page = await browsers.newPage()
  await page.goto(productUrl())
  await pickPersona(page, name)
  await page.locator('.home__redeem').waitFor()
  return page
}

type LiveResults = { targets: { targetId: string; result: { ballots: number; headline: { satisfaction: { percent: number } } } }[] }

/**
 * The live figures once they rest on `released` ballots of each target. The scheduler folds them
 * once a minute (`npm start` fires it): a fold that fell while the voters above were casting holds
 * fewer until the next one, as a leader would see it, so the pages are read only once it has come.
 */
async function liveFigures(released: number): Promise<LiveResults> {
  for (const deadline = Date.now() + 90_000; ; ) {
    const live = await api<LiveResults>('admin', 'report', 'roundResults', { roundId })
    if (live.targets.every((t) => t.result.ballots >= released)) return live
    if (Date.now() > deadline) throw new Error(`live figures still rest on ${live.targets.map((t) => t.result.ballots).join('/')} ballots`)
    await new Promise((r) => setTimeout(r, 1000))
  }
}

beforeAll(async () => {
  // The secretary's annual rating by the 不满意 share (003) and 返工补课 below 2/3 (000): verdicts to read, a line to draw.
  const rules = [
    ...builtinTemplates.find((t) => t.id === 'chuangxian-branch')!.rules.filter((r) => r.effects.some((e) => e.kind === 'annual-rating')),
    ...builtinTemplates.find((t) => t.id === 'sanping-yilian')!.rules.filter((r) => r.effects.some((e) => e.kind === 'redo')),
  ]
  const day = 86_400_000
  ;({ roundId } = (await api('admin', 'organize', 'createRound', {
    templateId: 'community-satisfaction', ownerUnitId: 'community-xingfu', title: TITLE,
    window: { opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + day).toISOString() },
    targets: [GOOD, POOR].map((t) => ({ ...t, kind: 'unit', unitId: t.id })),
  })) as { roundId: string })
  await api('admin', 'organize', 'updateRound', { roundId, patch: { rules } })
  await api('admin', 'organize', 'openRound', { roundId })
  const base = 7_100_000 + Math.floor(Math.random() * 100_000)
  for (let n = 0; n < VOTERS; n++) {
    const voter = `voter-${base + n}`
    await api(voter, 'evaluate', 'enrol', { roundId, categoryId: 'residents' })
    await api(voter, 'evaluate', 'submit', { roundId, ballots: [GOOD, POOR].map((t) => ballot(t.id, LEVELS[t.id]!(n))) })
  }
  await liveFigures(VOTERS - 5)
  // 刘书记 is a leader of the street from the first start: the demo grants it.
}, 210_000)

test('刘书记 opens 数据看板 from home and sees the street with live figures and who needs attention', async () => {
  const page = await signedIn('刘书记')
  const entry = page.locator('.home__dashboard')
  await entry.waitFor()
  // Without scrolling: the entry lies inside the first screen.
  const box = (await entry.boundingBox())!
  expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height)
  await screenshot(page, 'dashboard-01-home-entry')

  await entry.click()
  await page.locator('.dash-head__title', { hasText: '阳光街道' }).waitFor()
  await page.getByText(/更新于 \d{2}:\d{2}:\d{2}/).waitFor()
  // The demo's ballots and this file's: the street's total is live and not zero.
  const total = await page.locator('.dash-kpi__value').nth(1).innerText()
  expect(Number(total.split('/')[0])).toBeGreaterThanOrEqual(VOTERS)
  await page.locator('.dash-unit', { hasText: '幸福社区' }).first().waitFor()
  await page.locator('.dash-attention', { hasText: POOR.name }).getByText('基本称职').first().waitFor()
  await screenshot(page, 'dashboard-02-street')
})

test('he drills into 幸福社区, then the round, then the branch, and reads its verdict with the explanation', async () => {
  const page = await signedIn('刘书记')
  await page.locator('.home__dashboard').click()
  await page.locator('.dash-unit', { hasText: '幸福社区' }).filter({ hasText: '份' }).filter({ visible: true }).first().click()
  await page.locator('.dash-head__title', { hasText: '幸福社区' }).waitFor()
  await page.locator('.dash-trail__step', { hasText: '阳光街道' }).waitFor()
  await screenshot(page, 'dashboard-03-community')

  // Taro H5 keeps the pages under this one in the DOM, hidden: only the visible one counts.
  await page.locator('.dash-round-card', { hasText: TITLE }).filter({ visible: true }).click()
  await page.locator('.dash-head__title', { hasText: TITLE }).waitFor()
  await page.locator('.dash-chart canvas').filter({ visible: true }).first().waitFor()
  // The live figures, whichever 20 ballots the release holds, as the report function answers them.
  const live = await liveFigures(VOTERS - 5)
  const percent = (id: string) => live.targets.find((t) => t.targetId === id)!.result.headline.satisfaction.percent
  const card = page.locator('.dash-target', { hasText: POOR.name }).filter({ visible: true })
  await card.getByText(`${percent(POOR.id)}%`, { exact: true }).waitFor()
  await card.getByText('基本称职').waitFor()
  await page.locator('.dash-target', { hasText: GOOD.name }).filter({ visible: true }).getByText(`${percent(GOOD.id)}%`, { exact: true }).waitFor()
  await page.getByText('评议进行中').first().waitFor()
  await page.waitForTimeout(800) // the charts draw on the next frames
  await screenshot(page, 'dashboard-04-round')

  await card.click()
  await page.locator('.dash-head__title', { hasText: POOR.name }).waitFor()
  const verdict = page.locator('.dash-verdict').first()
  await verdict.waitFor()
  // The core's explanation: the numbers, the rule, the consequence.
  await expect(verdict.innerText()).resolves.toMatch(/不满意率(7|8|9|10|11|12)\/20\(\d+(\.\d)?%\)/)
  await expect(verdict.innerText()).resolves.toContain('基本称职')
  await page.locator('.dash-verdict', { hasText: '提出返工、补课意见' }).waitFor()
  await page.waitForTimeout(800)
  await screenshot(page, 'dashboard-05-target')
  // Taro's page scrolls inside itself: bring the lower cards (categories, trend, opinions) into view.
  await page.locator('.dash-opinions').filter({ visible: true }).scrollIntoViewIfNeeded()
  await page.getByText('历次评议满意率').filter({ visible: true }).waitFor()
  await page.waitForTimeout(500)
  await screenshot(page, 'dashboard-05b-target-lower')
})

async function confirmModal(page: Page) {
  // Taro H5's own modal (its class names say "model").
  const confirm = page.locator('.taro__modal .taro-model__confirm')
  await confirm.click()
  await confirm.waitFor({ state: 'hidden' })
}

test('the organiser closes and publishes the round; its 结果 tab shows the final figures and the exports', async () => {
  const page = await signedIn('系统管理员')
  await page.goto(`${productUrl()}/#/organizer/pages/round/index?roundId=${roundId}`)
  await button(page, '结束评议').click()
  await confirmModal(page)
  await button(page, '公布结果').waitFor()
  await button(page, '公布结果').click()
  await confirmModal(page)
  await button(page, '归档').waitFor()

  await page.locator('.org__tab', { hasText: '结果' }).click()
  await page.locator('.dash-target', { hasText: POOR.name }).getByText('基本称职').waitFor()
  await page.getByText('已公布').first().waitFor()
  await button(page, '导出 Excel 统计表').waitFor()
  await button(page, '导出 PDF 报告').waitFor()
  const download = page.waitForEvent('download')
  await button(page, '导出 Excel 统计表').click()
  // Named as a person would file it, not after a timestamp or the round's id.
  expect((await download).suggestedFilename()).toBe(`${TITLE}-统计表-${inShanghai(new Date()).format('YYYY-MM-DD')}.xlsx`)
  await page.waitForTimeout(800)
  await screenshot(page, 'dashboard-06-organiser-results-tab')
})

test('张阿姨 opens the published round and reads each branch’s satisfaction and verdict in plain words', async () => {
  const page = await signedIn('张阿姨')
  // In 关怀 (large-text) mode, as an older resident would read it.
  await page.locator('.care-toggle').first().click()
  await page.locator('.qp--care').waitFor()
  await page.goto(`${productUrl()}/#/pages/round/index?roundId=${roundId}`)
  await button(page, '查看评议结果').click()
  const poor = page.locator('.outcome__target', { hasText: POOR.name })
  await poor.locator('.outcome__rate', { hasText: '满意率 52%' }).waitFor()
  await expect(poor.innerText()).resolves.toContain('基本称职')
  await page.locator('.outcome__target', { hasText: GOOD.name }).locator('.outcome__rate', { hasText: '满意率 92%' }).waitFor()
  await page.locator('.qp--care.outcome').waitFor()
  await screenshot(page, 'dashboard-07-resident-published')
})
