/**
 * The resident's journey on the demo round: 张阿姨 opens the grid's share link, rates two branches in
 * one submission, gets her receipts, comes back to 已评 and cannot vote again; 李大爷 opens a link
 * signed out, loses the network once and has an opinion refused, and still votes with his ratings kept.
 */
import type { Page } from 'playwright-core'
import { browserPool, button, pickPersona, productUrl, screenshot } from './browser'

const ROUND = 'demo-community'
const shareLink = (channel: string) => `${productUrl()}/#/pages/round/index?roundId=${ROUND}&channel=${channel}`
const B1 = '幸福社区第一网格党支部'
const B2 = '幸福社区第二网格党支部'
const B3 = '幸福社区第三网格党支部'
const B4 = '幸福社区离退休党支部'

const browsers = browserPool()
afterAll(() => browsers.close())
const newPage = () => browsers.newPage()
const signInAs = pickPersona

const target = (page: Page, name: string) => page.locator('.target', { hasText: name })

/** Answers every row of the ballot on screen: the overall rating, then each item, with `levels` in turn. */
async function fillBallot(page: Page, levels: string[]) {
  const rows = page.locator('.level-picker')
  await rows.first().waitFor()
  const count = await rows.count()
  expect(count).toBe(5) // overall + 4 items of the community template
  for (let i = 0; i < count; i++) {
    await rows.nth(i).locator('.level-picker__level').getByText(levels[i % levels.length], { exact: true }).click()
  }
}

const fontSize = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))

test('张阿姨 rates two branches from the grid-1 share link, gets receipts, and cannot vote again', async () => {
  const page = await newPage()
  await page.goto(productUrl())
  await signInAs(page, '张阿姨')
  await page.locator('.home__round', { hasText: '群众满意度测评' }).waitFor()
  await screenshot(page, 'resident-01-home-open-rounds')

  // The share card's link, as the grid's group chat carries it.
  await page.goto(shareLink('grid-1'))
  await page.getByText('由 第一网格居民群 转发').waitFor()
  await target(page, B1).locator('.target__check--on').waitFor() // enrolled (one open category) and ticked
  await target(page, B1).getByText('查看工作报告').click()
  await page.getByText('加装楼道扶手').waitFor()
  await screenshot(page, 'resident-02-round-intro-reports')

  // 关怀模式: bigger type everywhere, remembered; switched back off for the rest of the journey.
  const normal = await fontSize(page, '.target__name')
  await page.locator('.round__banner .care-toggle').click()
  await page.locator('.qp--care').waitFor()
  expect(await fontSize(page, '.target__name')).toBeGreaterThanOrEqual(normal * 1.25)
  await screenshot(page, 'resident-03-care-mode')
  await page.reload()
  await page.locator('.qp--care').waitFor()
  await page.locator('.round__banner .care-toggle').click()
  await expect(page.locator('.qp--care').count()).resolves.toBe(0)

  // Rate the first two branches only: untick the other two.
  await target(page, B3).locator('.target__head').click()
  await target(page, B4).locator('.target__head').click()
  await button(page, '开始评议（2 个）').click()

  await page.getByText('第 1 个，共 2 个').waitFor()
  await button(page, '下一个').click() // nothing chosen yet: the page points at what is missing
  await page.getByText('还有 5 项没有选择').waitFor()
  await screenshot(page, 'resident-04-ballot-missing')
  await fillBallot(page, ['满意', '基本满意'])
  await page.locator('.ballot__opinion textarea').fill('楼道扶手很实用，谢谢支部！')
  await screenshot(page, 'resident-05-ballot-first')
  await button(page, '下一个').click()
  await page.getByText('第 2 个，共 2 个').waitFor()
  await fillBallot(page, ['基本满意', '不了解'])
  await button(page, '检查并提交').click()

  await page.getByText('请核对您的评价').waitFor()
  await expect(page.locator('.review').count()).resolves.toBe(2)
  await page.getByText('意见建议：楼道扶手很实用，谢谢支部！').waitFor()
  await screenshot(page, 'resident-06-review')

  await button(page, '确认提交').click()
  await page.getByText('感谢您的评议！').waitFor()
  const codes = await page.locator('.receipt__code').allInnerTexts()
  expect(codes).toHaveLength(2)
  for (const code of codes) expect(code).toMatch(/^回执编号 \S+$/)
  await screenshot(page, 'resident-07-receipt')

  // Back on the round page, and after a reload: 已评 with the same codes, no ballot for them.
  await button(page, '返回评议页').click()
  await target(page, B1).getByText('已评').waitFor()
  await page.reload()
  await target(page, B2).getByText('已评').waitFor()
  for (const [name, code] of [[B1, codes[0]], [B2, codes[1]]]) {
    await expect(target(page, name).locator('.target__receipt').innerText()).resolves.toBe(code)
    await expect(target(page, name).locator('.target__check').count()).resolves.toBe(0)
  }
  await expect(button(page, '开始评议（2 个）').count()).resolves.toBe(1) // the two others remain
  await target(page, B2).scrollIntoViewIfNeeded()
  await screenshot(page, 'resident-08-round-rated')

  // Trying again: the ballot page offers no form for rated targets…
  await page.goto(`${productUrl()}/#/pages/ballot/index?roundId=${ROUND}&channel=grid-1&targets=b1,b2`)
  await page.getByText('您已评议过').waitFor()
  await expect(page.locator('.level-picker').count()).resolves.toBe(0)
  await screenshot(page, 'resident-09-cannot-vote-again')

  // …and a hand-made submit is answered "already voted", with the same receipt.
  const again = await page.evaluate(async (roundId) => {
    const ballot = { targetId: 'b1', overall: 'dissatisfied', items: { v1: 'dissatisfied', v2: 'dissatisfied', v3: 'dissatisfied', s1: 'dissatisfied' } }
    const res = await fetch('/api/evaluate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'submit', data: { roundId, ballots: [ballot] } }) })
    return res.json()
  }, ROUND)
  expect(again).toMatchObject({ ok: true, data: { outcomes: [{ targetId: 'b1', status: 'already-voted', receipt: { code: codes[0].replace('回执编号 ', '') } }] } })
})

test('李大爷 opens a link signed out, survives a network failure and a refused opinion, and votes', async () => {
  const page = await newPage()
  await page.goto(shareLink('grid-2'))
  await signInAs(page, '李大爷') // the round page itself offers the dev sign-in
  await page.getByText('由 第二网格居民群 转发').waitFor()
  for (const name of [B1, B3, B4]) await target(page, name).locator('.target__head').click()
  await button(page, '开始评议（1 个）').click()

  await fillBallot(page, ['满意'])
  await page.locator('.ballot__opinion textarea').fill('楼下有人聚众赌博，希望管一管')
  await button(page, '检查并提交').click()
  await page.getByText('请核对您的评价').waitFor()

  // The network drops during the submit: the ratings stay, the resident retries.
  await page.route('**/api/evaluate', (route) => route.abort('internetdisconnected'))
  await button(page, '确认提交').click()
  await page.getByText('网络连接失败').waitFor()
  await screenshot(page, 'resident-10-network-failure')
  await page.unroute('**/api/evaluate')

  // Back online, the content check refuses the opinion; the ratings are still chosen.
  await button(page, '重新提交').click()
  await page.locator('.qp-error', { hasText: '意见建议中含有不适宜公开的内容' }).waitFor()
  await expect(page.locator('.level-picker__level--on').count()).resolves.toBe(5)
  await screenshot(page, 'resident-11-opinion-refused')
  await page.locator('.ballot__opinion').scrollIntoViewIfNeeded()
  await screenshot(page, 'resident-11b-opinion-refused-box')
  await page.locator('.ballot__opinion textarea').fill('希望加强夜间巡逻')
  await button(page, '检查并提交').click()
  await button(page, '确认提交').click()
  await page.getByText('感谢您的评议！').waitFor()
  await expect(page.locator('.receipt__code').count()).resolves.toBe(1)
  await screenshot(page, 'resident-12-second-resident-receipt')

  await button(page, '返回评议页').click()
  await target(page, B2).getByText('已评').waitFor()
  await expect(page.locator('.target__badge--done').count()).resolves.toBe(1)
})
