/**
 * Issue 20's browser journey, in ONE 三评一联 round ("Done when" 1–6): the organiser opens a meeting
 * session of group 1 and its big screen shows the session's QR; 20 evaluators with roster codes vote
 * through it — one in the browser from the scanned link, the rest beside it — and the counts move on
 * the big screen without a reload; 结束测评, and a late ballot through the session is refused. Group 2's
 * unit takes paper: its 10 ballots are printed (the PDF rendered to PNG with pdftoppm), entered twice,
 * one entry disagrees (a row read as 未选 spoils the sheet) and a third person settles it; a code
 * counted on paper is refused online; three more vote online; the round shows online, meeting and
 * paper subtotals adding up to its total. Once closed, the session's screen shows its results.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import jsQR from 'jsqr'
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { templateById } from '../../src/core'
import { type Printed, readPaperPdf } from '../helpers/paper'
import { browserPool, button, pickPersona, productUrl, SCREENSHOTS, screenshot, sessionAs } from './browser'
import { field, settledScreenshot } from './organizer-screens'

const browsers = browserPool()
afterAll(() => browsers.close())

const tag = randomBytes(3).toString('hex')
const UNITS = [[`mta${tag}`, '会场社区党委'], [`mtb${tag}`, '会场社区居委会']] as const
/** Group 2's one unit, whose evaluators take paper. */
const PAPER_UNIT = [`mtc${tag}`, '纸质票社区居委会'] as const
const PER_UNIT = 11
const template = templateById('sanping-yilian')!.ballot
/** A ballot rating every row of the 000 form on one level. */
const ballot = (targetId: string, level: number) => {
  const id = template.scale.levels[level]!.id
  return { targetId, overall: id, items: Object.fromEntries(template.sections.flatMap((s) => s.items).map((i) => [i.id, id])) }
}
let roundId = ''
/** Per unit, its unit evaluators' roster codes, as the printed slips carry them. */
const slips: Record<string, string[]> = {}
let boardPage: Page
let qrLink = ''
let voter = 0
let paper: Printed[] = []
/** Three organisers of the street, to enter paper twice and settle a disagreement. */
const ENTERERS: string[] = []

const nextVoter = () => `voter-${4_200_000 + Number.parseInt(tag, 16) % 100_000 * 10 + voter++}`

beforeAll(async () => {
  const admin = await sessionAs('admin')
  await admin.call('organize', 'createUnit', { id: `mt${tag}`, name: `会场测试街道${tag}`, parentId: null, kind: 'street' })
  const all = [...UNITS, PAPER_UNIT]
  for (const [id, name] of all) await admin.call('organize', 'createUnit', { id, name, parentId: `mt${tag}`, kind: 'unit' })
  const now = Date.now()
  ;({ roundId } = await admin.call<{ roundId: string }>('organize', 'createRound', {
    templateId: 'sanping-yilian', ownerUnitId: `mt${tag}`, title: '会场与纸质票测试三评一联',
    window: { opensAt: new Date(now - 3600_000).toISOString(), closesAt: new Date(now + 86_400_000).toISOString() },
    targets: all.map(([id, name]) => ({ id, name, kind: 'unit', unitId: id })),
    groups: [
      { id: 'g1', name: '第一组', leadUnitId: UNITS[0][0], unitIds: UNITS.map(([id]) => id) },
      { id: 'g2', name: '第二组', leadUnitId: PAPER_UNIT[0], unitIds: [PAPER_UNIT[0]] },
    ],
    reports: Object.fromEntries(all.map(([id, name]) => [id, `${name}情况报告`])),
  }))
  for (const [unitId] of UNITS) {
    const entries = Array.from({ length: PER_UNIT }, (_, i) => ({ name: `参评人${i + 1}`, unitId }))
    slips[unitId] = (await admin.call<{ codes: { code: string }[] }>('organize', 'addRoster', { roundId, categoryId: 'unit', entries })).codes.map((c) => c.code)
    await admin.call('organize', 'sharedCode', { roundId, categoryId: 'all-round', unitId, maxUses: 5 })
  }
  // Group 2: ten named evaluators on paper, and a shared 全评 code for those who vote online.
  await admin.call('organize', 'addRoster', { roundId, categoryId: 'unit', entries: Array.from({ length: 10 }, (_, i) => ({ name: `纸质参评人${i + 1}`, unitId: PAPER_UNIT[0] })) })
  slips[PAPER_UNIT[0]] = [(await admin.call<{ code: string }>('organize', 'sharedCode', { roundId, categoryId: 'all-round', unitId: PAPER_UNIT[0], maxUses: 5 })).code]
  for (let i = 0; i < 3; i++) {
    const persona = nextVoter()
    const { code } = await admin.call<{ code: string }>('organize', 'inviteRole', { role: 'organizer', unitId: `mt${tag}` })
    await (await sessionAs(persona)).call('organize', 'redeemRole', { code, displayName: `录入员${i + 1}` })
    ENTERERS.push(persona)
  }
  const review = await admin.call<{ state: string; revision: number }>('organize', 'rosterReview', { roundId })
  if (review.state !== 'approved') await admin.call('organize', 'reviewRoster', { roundId, revision: review.revision, approve: true })
  expect(await admin.call('organize', 'openRound', { roundId })).toMatchObject({ state: 'open' })
})

/** The numbers the big screen shows per category, as read off the page. */
const figures = (page: Page) => page.locator('.screen__count-figure').allInnerTexts()

/** A new evaluator's phone that scanned the session's QR and typed the code from their slip. */
async function scannedWithSlip(code: string): Promise<Page> {
  const phone = await browsers.newPage()
  await phone.goto(productUrl())
  await phone.evaluate((persona) => fetch('/__dev/login', { method: 'POST', body: JSON.stringify({ persona }) }), nextVoter())
  await phone.goto(qrLink)
  await button(phone, '输入邀请码').click()
  await field(phone, '邀请码').fill(code)
  await button(phone, '确定').click()
  return phone
}

/** An evaluator's form from 开始评议 to 确认提交, the first level on every row. */
async function rateEveryRowAndSubmit(page: Page): Promise<void> {
  await button(page, /开始评议/).click()
  const rows = page.locator('.level-picker')
  await rows.first().waitFor()
  for (let i = 0; i < (await rows.count()); i++) await rows.nth(i).locator('.level-picker__level').first().click()
  await button(page, '检查并提交').click()
  await button(page, '确认提交').click()
}

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

/** One evaluator from the slips at the door: redeems their code through the session's link and rates their own unit. */
async function voteThroughSession(code: string, channel: string): Promise<void> {
  const evaluator = await sessionAs(nextVoter())
  const { roundId: redeemed } = await evaluator.call<{ roundId: string }>('evaluate', 'redeem', { code })
  const round = await evaluator.call<{ enrolment: { eligibleTargetIds: string[] } }>('evaluate', 'getRound', { roundId: redeemed, channel })
  const ballots = round.enrolment.eligibleTargetIds.map((targetId) => ballot(targetId, 0))
  expect(await evaluator.call('evaluate', 'submit', { roundId, channel, ballots })).toMatchObject({ outcomes: [{ status: 'recorded' }] })
}

test('20 evaluators with roster codes vote through the session, and the counts move on the big screen without a reload', async () => {
  expect(qrLink).not.toBe('')
  // One scans the QR with a phone, types the code from the slip and rates their own unit.
  const phone = await scannedWithSlip(slips[UNITS[0][0]][0])
  await phone.locator('.target', { hasText: UNITS[0][1] }).waitFor()
  await settledScreenshot(phone, 'meeting-03-evaluator-after-code')
  await rateEveryRowAndSubmit(phone)
  await phone.getByText('感谢您的评议！').waitFor()
  await screenshot(phone, 'meeting-04-evaluator-receipt')

  await boardPage.waitForFunction(() => document.querySelector('.screen__count-figure')?.textContent?.startsWith('1 '))
  await screenshot(boardPage, 'meeting-05-big-screen-first-ballot')

  // Nineteen more from the slips handed out at the door, through the same link.
  const channel = new URL(qrLink.replace('/#/', '/')).searchParams.get('channel') as string
  const codes = [...slips[UNITS[0][0]].slice(1, 10), ...slips[UNITS[1][0]].slice(0, 10)]
  // A few at a time, as a room hands slips in: the session's counts take concurrent ballots (they retry on conflict).
  await Promise.all([0, 1, 2, 3].map(async (lane) => {
    for (const code of codes.filter((_, i) => i % 4 === lane)) await voteThroughSession(code, channel)
  }))
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

  const late = await scannedWithSlip(slips[UNITS[1][0]][10])
  await rateEveryRowAndSubmit(late)
  await late.getByText('本场测评已结束，不再接受评价').waitFor()
  await screenshot(late, 'meeting-08-late-ballot-refused')
  expect(await figures(boardPage)).toEqual(['20 / 30 人', '0 / 10 人'])
  await boardPage.getByText('本场共收到评价 20 份').waitFor()
})

const stamp = (p: Printed) => ({ roundId, serial: p.serial, check: p.check, code: p.code })

async function signedIn(persona: string): Promise<Page> {
  const page = await browsers.newPage()
  await page.context().request.post(`${productUrl()}/__dev/login`, { data: { persona } })
  return page
}

/**
 * Types one paper ballot on the 录入纸质票 page (opened unless `here`), every row on one level — or
 * `unmarked` rows read as 未选 — and answers what the page says.
 */
async function enterOnPage(page: Page, p: Printed, level: number, options: { here?: boolean; unmarked?: number; shot?: string } = {}): Promise<string> {
  if (!options.here) await page.goto(`${productUrl()}/#/organizer/pages/paper/index?roundId=${roundId}`)
  await field(page, '编号').fill(p.serial)
  await field(page, '校验码').fill(p.check)
  await field(page, '邀请码').fill(p.code!)
  await button(page, '读取这张票').click()
  const sheet = page.locator('.paper-sheet')
  await sheet.first().waitFor()
  const rows = sheet.locator('.level-picker')
  for (let i = 0; i < (await rows.count()); i++) {
    const read = i === options.unmarked ? rows.nth(i).locator('.level-picker__level', { hasText: '未选' }) : rows.nth(i).locator('.level-picker__level').nth(level)
    await read.click()
  }
  await sheet.locator('.paper-sheet__counts').waitFor()
  if (options.shot) await settledScreenshot(page, options.shot)
  await button(page, /提交录入|提交核对结果/).click()
  const said = page.locator('.org__ok')
  await said.waitFor()
  return said.innerText()
}

test('group 2\'s 10 paper ballots print, one per person with serial, check code and code, and read as the paper form', async () => {
  const page = await signedIn(ENTERERS[0]!)
  await page.goto(`${productUrl()}/#/organizer/pages/round/index?roundId=${roundId}`)
  const panel = page.locator('.paper-panel')
  await panel.scrollIntoViewIfNeeded()
  const asked = page.waitForResponse((r) => r.url().endsWith('/api/organize') && (r.request().postData() ?? '').includes('"printPaper"'))
  const [, answer] = await Promise.all([page.waitForEvent('download'), asked, button(page, `${PAPER_UNIT[1]}的纸质票`).click()])
  const { data } = (await answer.json()) as { data: { url: string; ballots: number } }
  expect(data.ballots).toBe(10)
  await panel.getByText('已生成 10 张纸质票').waitFor()
  await settledScreenshot(page, 'meeting-10-paper-panel')
  paper = await readPaperPdf(data.url)
  expect(paper).toHaveLength(10)
  expect(paper.every((p) => /^[A-Z0-9]{8}$/.test(p.code ?? '') && p.units.join() === PAPER_UNIT[1])).toBe(true)
  const file = path.join(SCREENSHOTS, 'meeting-11-paper-ballots.pdf')
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  fs.writeFileSync(file, Buffer.from(await (await fetch(data.url)).arrayBuffer()))
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, path.join(SCREENSHOTS, 'meeting-11-paper-ballot-page')])
  expect(fs.readdirSync(SCREENSHOTS).some((f) => f.startsWith('meeting-11-paper-ballot-page') && f.endsWith('.png'))).toBe(true)
})

test('each paper ballot is entered twice; the one whose entries disagree waits for a third person, who settles it', async () => {
  const [disputed, ...rest] = paper as [Printed, ...Printed[]]
  const [one, two] = await Promise.all(ENTERERS.slice(0, 2).map((p) => sessionAs(p)))
  for (const p of rest) {
    const sheets = [{ mark: 'ballot', ballot: ballot(PAPER_UNIT[0], 1) }]
    expect(await one!.call('organize', 'enterPaper', { ...stamp(p), sheets })).toEqual({ status: 'first-entry' })
    expect(await two!.call('organize', 'enterPaper', { ...stamp(p), sheets })).toEqual({ status: 'recorded', receipts: 1 })
  }
  // The second typist reads the third row as left empty: that would make the sheet 废票, and the entries disagree.
  await one!.call('organize', 'enterPaper', { ...stamp(disputed), sheets: [{ mark: 'ballot', ballot: ballot(PAPER_UNIT[0], 0) }] })
  expect(await enterOnPage(await signedIn(ENTERERS[1]!), disputed, 0, { unmarked: 2, shot: 'meeting-12-paper-entry-unmarked-row' })).toContain('已进入待核对')
  const third = await signedIn(ENTERERS[2]!)
  await third.goto(`${productUrl()}/#/organizer/pages/paper/index?roundId=${roundId}`)
  const queued = third.locator('.paper-dispute', { hasText: disputed.serial })
  await queued.getByText('废票（').waitFor()
  await third.getByText('待核对 1 张').waitFor()
  await settledScreenshot(third, 'meeting-13-paper-disputed')
  await queued.locator('.nut-button', { hasText: '核对这张票' }).click()
  expect(await field(third, '编号').inputValue()).toBe(disputed.serial)
  expect(await enterOnPage(third, disputed, 0, { here: true })).toContain('已计入')
  await third.getByText('已计入 10 张').waitFor()
})

test("a code counted on paper is refused in the resident's code box", async () => {
  const resident = await browsers.newPage()
  await resident.goto(productUrl())
  await pickPersona(resident, '王小明')
  await resident.locator('.home__redeem').click()
  await field(resident, '邀请码').fill(paper[0]!.code!)
  await button(resident, '确定').click()
  await resident.getByText('邀请码不正确或已用完').waitFor()
  await settledScreenshot(resident, 'meeting-14-paper-code-refused-online')
})

test('three vote online too, and the round shows online, meeting and paper subtotals adding up to its total', async () => {
  for (let i = 0; i < 3; i++) {
    const online = await sessionAs(nextVoter())
    const { eligibleTargetIds } = await online.call<{ eligibleTargetIds: string[] }>('evaluate', 'redeem', { code: slips[PAPER_UNIT[0]]![0] })
    await online.call('evaluate', 'submit', { roundId, ballots: eligibleTargetIds.map((t) => ballot(t, 0)) })
  }
  const page = await signedIn(ENTERERS[0]!)
  await page.goto(`${productUrl()}/#/organizer/pages/round/index?roundId=${roundId}`)
  const line = page.locator('.participation__subtotals')
  await line.waitFor()
  const text = await line.innerText()
  await line.scrollIntoViewIfNeeded()
  await settledScreenshot(page, 'meeting-15-subtotals')
  const figure = (name: string) => Number(text.match(new RegExp(`${name} (\\d+) 票`))?.[1])
  expect([figure('网上'), figure('会场'), figure('纸质票')]).toEqual([3, 20, 10])
  expect(figure('网上') + figure('会场') + figure('纸质票')).toBe(figure('合计'))
})

test("once the round closes, the ended session's screen shows its targets' results, as the room may now see them", async () => {
  await (await sessionAs('admin')).call('organize', 'closeRound', { roundId })
  // No reload: the board's next refresh brings them.
  await boardPage.locator('.screen__result', { hasText: UNITS[0][1] }).getByText('满意率 100%').waitFor()
  await boardPage.locator('.screen__result', { hasText: UNITS[1][1] }).getByText('计入 10 份').waitFor()
  await screenshot(boardPage, 'meeting-09-big-screen-results')
})
