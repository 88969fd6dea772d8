/**
 * 会场模式 (issue 20, "Done when" 1–3): the organiser opens a meeting session of a 三评一联 group and
 * its big screen shows the session's QR; 20 evaluators with roster codes vote through it — one in the
 * browser from the scanned link, the rest beside it — and the counts move on the big screen without
 * a reload; the organiser presses 结束测评 and a late ballot through the session is refused.
 */
import { randomBytes } from 'node:crypto'
import jsQR from 'jsqr'
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { browserPool, button, pickPersona, productUrl, screenshot, sessionAs } from './browser'
import { field, settledScreenshot } from './organizer-screens'

const browsers = browserPool()
afterAll(() => browsers.close())

const tag = randomBytes(3).toString('hex')
const UNITS = [[`mta${tag}`, '会场社区党委'], [`mtb${tag}`, '会场社区居委会']] as const
const PER_UNIT = 11
let roundId = ''
/** Per unit, its unit evaluators' roster codes, as the printed slips carry them. */
const slips: Record<string, string[]> = {}
let boardPage: Page
let qrLink = ''
let voter = 0

const nextVoter = () => `voter-${4_200_000 + Number.parseInt(tag, 16) % 100_000 * 10 + voter++}`

beforeAll(async () => {
  const admin = await sessionAs('admin')
  await admin.call('organize', 'createUnit', { id: `mt${tag}`, name: `会场测试街道${tag}`, parentId: null, kind: 'street' })
  for (const [id, name] of UNITS) await admin.call('organize', 'createUnit', { id, name, parentId: `mt${tag}`, kind: 'unit' })
  const now = Date.now()
  ;({ roundId } = await admin.call<{ roundId: string }>('organize', 'createRound', {
    templateId: 'sanping-yilian', ownerUnitId: `mt${tag}`, title: '会场测试三评一联',
    window: { opensAt: new Date(now - 3600_000).toISOString(), closesAt: new Date(now + 86_400_000).toISOString() },
    targets: UNITS.map(([id, name]) => ({ id, name, kind: 'unit', unitId: id })),
    groups: [{ id: 'g1', name: '第一组', leadUnitId: UNITS[0][0], unitIds: UNITS.map(([id]) => id) }],
    reports: Object.fromEntries(UNITS.map(([id, name]) => [id, `${name}情况报告`])),
  }))
  for (const [unitId] of UNITS) {
    const entries = Array.from({ length: PER_UNIT }, (_, i) => ({ name: `参评人${i + 1}`, unitId }))
    slips[unitId] = (await admin.call<{ codes: { code: string }[] }>('organize', 'addRoster', { roundId, categoryId: 'unit', entries })).codes.map((c) => c.code)
    await admin.call('organize', 'sharedCode', { roundId, categoryId: 'all-round', unitId, maxUses: 5 })
  }
  const review = await admin.call<{ state: string; revision: number }>('organize', 'rosterReview', { roundId })
  if (review.state !== 'approved') await admin.call('organize', 'reviewRoster', { roundId, revision: review.revision, approve: true })
  expect(await admin.call('organize', 'openRound', { roundId })).toMatchObject({ state: 'open' })
})

/** The numbers the big screen shows per category, as read off the page. */
const figures = (page: Page) => page.locator('.screen__count-figure').allInnerTexts()

test('the organiser opens a meeting session and its big screen shows a QR of the session\'s link', async () => {
  const page = await browsers.newPage()
  await page.goto(productUrl())
  await pickPersona(page, '系统管理员')
  await page.locator('.home__redeem').waitFor()
  await page.goto(`${productUrl()}/#/organizer/pages/round/index?roundId=${roundId}`)
  const panel = page.locator('.meeting')
  await panel.scrollIntoViewIfNeeded()
  await field(page, '会场名称').fill('第一组集中测评')
  await settledScreenshot(page, 'meeting-01-open-session')
  await button(page, '开设会场').click()
  await panel.getByText('第一组集中测评（第一组） · 进行中').waitFor()
  await button(page, '打开大屏').click()

  boardPage = page
  await page.setViewportSize({ width: 1280, height: 720 })
  const qr = page.locator('.screen__qr img')
  await qr.waitFor()
  await page.waitForFunction(() => (document.querySelector('.screen__qr img') as HTMLImageElement | null)?.complete)
  const png = PNG.sync.read(await qr.screenshot())
  qrLink = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? ''
  expect(qrLink).toMatch(new RegExp(`/#/pages/round/index\\?roundId=${roundId}&channel=ms-[0-9a-f]{8}$`))
  expect(await figures(page)).toEqual(['0 / 30 人', '0 / 10 人'])
  await page.getByText(`邀请码已使用 0 / ${2 * PER_UNIT} 张`).waitFor()
  await screenshot(page, 'meeting-02-big-screen-16x9')
  // 结束测评 is on the 16:9 screen itself, not below it.
  const stop = await page.locator('.screen__button', { hasText: '结束测评' }).boundingBox()
  expect(stop && stop.y + stop.height).toBeLessThanOrEqual(720)
  // The same board on a phone: stacked, still legible.
  await page.setViewportSize({ width: 390, height: 844 })
  await screenshot(page, 'meeting-02b-big-screen-phone')
  await page.setViewportSize({ width: 1280, height: 720 })
  // Marked now: a reload would wipe it, so the counts below must move without one.
  await page.evaluate(() => ((window as unknown as { keptFromStart: boolean }).keptFromStart = true))
})

test('20 evaluators with roster codes vote through the session, and the counts move on the big screen without a reload', async () => {
  expect(qrLink).not.toBe('')
  // One scans the QR with a phone, types the code from the slip and rates their own unit.
  const phone = await browsers.newPage()
  await phone.goto(productUrl())
  await phone.evaluate((persona) => fetch('/__dev/login', { method: 'POST', body: JSON.stringify({ persona }) }), nextVoter())
  await phone.goto(qrLink)
  await button(phone, '输入邀请码').click()
  await field(phone, '邀请码').fill(slips[UNITS[0][0]][0])
  await button(phone, '确定').click()
  await phone.locator('.target', { hasText: UNITS[0][1] }).waitFor()
  await settledScreenshot(phone, 'meeting-03-evaluator-after-code')
  await button(phone, /开始评议/).click()
  const rows = phone.locator('.level-picker')
  await rows.first().waitFor()
  for (let i = 0; i < (await rows.count()); i++) await rows.nth(i).locator('.level-picker__level').first().click()
  await button(phone, '检查并提交').click()
  await button(phone, '确认提交').click()
  await phone.getByText('感谢您的评议！').waitFor()
  await screenshot(phone, 'meeting-04-evaluator-receipt')

  await boardPage.waitForFunction(() => document.querySelector('.screen__count-figure')?.textContent?.startsWith('1 '))
  await screenshot(boardPage, 'meeting-05-big-screen-first-ballot')

  // Nineteen more from the slips handed out at the door, through the same link.
  const channel = new URL(qrLink.replace('/#/', '/')).searchParams.get('channel') as string
  const codes = [...slips[UNITS[0][0]].slice(1, 10), ...slips[UNITS[1][0]].slice(0, 10)]
  for (const code of codes) {
    const evaluator = await sessionAs(nextVoter())
    const { roundId: redeemed } = await evaluator.call<{ roundId: string }>('evaluate', 'redeem', { code })
    const round = await evaluator.call<{ template: { scale: { levels: { id: string }[] }; sections: { items: { id: string }[] }[] }; enrolment: { eligibleTargetIds: string[] } }>('evaluate', 'getRound', { roundId: redeemed, channel })
    const level = round.template.scale.levels[0].id
    const items = Object.fromEntries(round.template.sections.flatMap((s) => s.items).map((i) => [i.id, level]))
    const ballots = round.enrolment.eligibleTargetIds.map((targetId) => ({ targetId, overall: level, items }))
    expect(await evaluator.call('evaluate', 'submit', { roundId, channel, ballots })).toMatchObject({ outcomes: [{ status: 'recorded' }] })
  }
  await boardPage.waitForFunction(() => document.querySelector('.screen__count-figure')?.textContent === '20 / 30 人')
  await boardPage.getByText(`邀请码已使用 20 / ${2 * PER_UNIT} 张`).waitFor()
  await boardPage.getByText('本场共收到评价 20 份').waitFor()
  expect(await boardPage.evaluate(() => (window as unknown as { keptFromStart?: boolean }).keptFromStart)).toBe(true)
  await screenshot(boardPage, 'meeting-06-big-screen-20-submitted')
})

test('结束测评 ends the session: the screen says so, and a late ballot through it is refused in Chinese', async () => {
  await boardPage.locator('.screen__button', { hasText: '结束测评' }).click()
  await boardPage.locator('.screen__button', { hasText: '确定结束' }).click()
  await boardPage.getByText('本场测评已结束').waitFor()
  // 000's results are seen after the round closes: the room is told so, and shown no figure.
  await boardPage.getByText('本轮评议设定结果在评议结束后查看，会场暂不展示结果').waitFor()
  await screenshot(boardPage, 'meeting-07-big-screen-ended')

  const late = await browsers.newPage()
  await late.goto(productUrl())
  await late.evaluate((persona) => fetch('/__dev/login', { method: 'POST', body: JSON.stringify({ persona }) }), nextVoter())
  await late.goto(qrLink)
  await button(late, '输入邀请码').click()
  await field(late, '邀请码').fill(slips[UNITS[1][0]][10])
  await button(late, '确定').click()
  await button(late, /开始评议/).click()
  const rows = late.locator('.level-picker')
  await rows.first().waitFor()
  for (let i = 0; i < (await rows.count()); i++) await rows.nth(i).locator('.level-picker__level').first().click()
  await button(late, '检查并提交').click()
  await button(late, '确认提交').click()
  await late.getByText('本场测评已结束，不再接受评价').waitFor()
  await screenshot(late, 'meeting-08-late-ballot-refused')
  expect(await figures(boardPage)).toEqual(['20 / 30 人', '0 / 10 人'])
  await boardPage.getByText('本场共收到评价 20 份').waitFor()
})

test("once the round closes, the ended session's screen shows its targets' results, as the room may now see them", async () => {
  await (await sessionAs('admin')).call('organize', 'closeRound', { roundId })
  // No reload: the board's next refresh brings them.
  await boardPage.locator('.screen__result', { hasText: UNITS[0][1] }).getByText('满意率 100%').waitFor()
  await boardPage.locator('.screen__result', { hasText: UNITS[1][1] }).getByText('计入 10 份').waitFor()
  await screenshot(boardPage, 'meeting-09-big-screen-results')
})
