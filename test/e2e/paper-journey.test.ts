/**
 * Paper ballots in the browser (issue 20, "Done when" steps 4–6): an organiser prints 10 paper ballots
 * of a 三评一联 roster (the PDF rendered to PNG with pdftoppm), two organisers enter each, one entry
 * disagrees and a third person settles it from the 待核对 list; a code counted on paper is then refused
 * in the resident's code box; the round's participation shows online and paper subtotals adding up to
 * the total. Screenshots in test-output/screenshots/paper-*.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { templateById } from '../../src/core'
import { type Printed, readPaperPdf } from '../helpers/paper'
import { browserPool, button, callAs, pickPersona, productUrl, SCREENSHOTS, twoBranchSanping } from './browser'
import { field, settledScreenshot as screenshot } from './organizer-screens'

const browsers = browserPool()
afterAll(() => browsers.close())

const TITLE = `幸福社区纸质票 ${Date.now().toString(36)}`
const FIRST = 'voter-9501'
const SECOND = 'voter-9502'
const THIRD = 'voter-9503'
const template = templateById('sanping-yilian')!.ballot
let roundId = ''
let paper: Printed[] = []

beforeAll(async () => {
  for (const persona of [FIRST, SECOND, THIRD]) {
    const { code } = await callAs<{ code: string }>('admin', 'organize', 'inviteRole', { role: 'organizer', unitId: 'community-xingfu' })
    await callAs(persona, 'organize', 'redeemRole', { code, displayName: `录入员${persona.slice(-1)}` })
  }
  roundId = await twoBranchSanping('admin', TITLE)
  // Ten people take paper; five more vote online with their codes.
  const people = Array.from({ length: 15 }, (_, i) => ({ name: `参评人${i + 1}`, unitId: i % 2 ? 'b2' : 'b1' }))
  const { codes } = await callAs<{ codes: { code: string }[] }>('admin', 'organize', 'addRoster', { roundId, categoryId: 'unit', entries: people })
  // The 全评 category needs someone too; a shared code is no one's and gets no paper.
  await callAs('admin', 'organize', 'sharedCode', { roundId, categoryId: 'all-round', unitId: 'b1', maxUses: 5 })
  expect(await callAs('admin', 'organize', 'openRound', { roundId })).toMatchObject({ state: 'open', blockers: [] })
  for (const [i, { code }] of codes.slice(10).entries()) {
    const persona = `voter-96${String(i).padStart(2, '0')}`
    const enrolled = await callAs<{ eligibleTargetIds: string[] }>(persona, 'evaluate', 'redeem', { code })
    await callAs(persona, 'evaluate', 'submit', { roundId, ballots: enrolled.eligibleTargetIds.map((t) => ballot(t, 0)) })
  }
  // Their codes voided (a print holds every live code, used or not), the ten paper people are the codes left.
  for (const { code } of codes.slice(10)) await callAs('admin', 'organize', 'voidCode', { roundId, code })
})

const ballot = (targetId: string, level: number) => {
  const id = template.scale.levels[level]!.id
  return { targetId, overall: id, items: Object.fromEntries(template.sections.flatMap((s) => s.items).map((i) => [i.id, id])) }
}
const unitOf = (p: Printed) => (p.units[0] === '幸福社区第一网格党支部' ? 'b1' : 'b2')
const stamp = (p: Printed) => ({ roundId, serial: p.serial, check: p.check, code: p.code })

async function signedIn(persona: string): Promise<Page> {
  const page = await browsers.newPage()
  await page.context().request.post(`${productUrl()}/__dev/login`, { data: { persona } })
  return page
}

/** Types one paper ballot on the 录入纸质票 page, every row on one level, and answers what the page says. */
async function enterOnPage(page: Page, p: Printed, level: number, shot?: string): Promise<string> {
  await page.goto(`${productUrl()}/#/organizer/pages/paper/index?roundId=${roundId}`)
  // A fresh page each time: nothing said about the previous ballot is read as this one's answer.
  await page.reload()
  await field(page, '编号').fill(p.serial)
  await field(page, '校验码').fill(p.check)
  await field(page, '邀请码').fill(p.code!)
  await button(page, '读取这张票').click()
  const sheet = page.locator('.paper-sheet')
  await sheet.first().waitFor()
  const rows = sheet.locator('.level-picker')
  for (let i = 0; i < (await rows.count()); i++) await rows.nth(i).locator('.level-picker__level').nth(level).click()
  if (shot) await screenshot(page, shot)
  await button(page, /提交录入|提交核对结果/).click()
  const said = page.locator('.org__ok')
  await said.waitFor()
  return said.innerText()
}

test('10 paper ballots print, one per person with serial, check code and code, and read as the paper form', async () => {
  const page = await signedIn(FIRST)
  await page.goto(`${productUrl()}/#/organizer/pages/round/index?roundId=${roundId}`)
  const panel = page.locator('.paper-panel')
  await panel.scrollIntoViewIfNeeded()
  const asked = page.waitForResponse((r) => r.url().endsWith('/api/organize') && (r.request().postData() ?? '').includes('"printPaper"'))
  const [, answer] = await Promise.all([page.waitForEvent('download'), asked, button(page, '打印纸质票').click()])
  const { data } = (await answer.json()) as { data: { url: string; ballots: number } }
  expect(data.ballots).toBe(10)
  await panel.getByText('已生成 10 张纸质票').waitFor()
  await screenshot(page, 'paper-01-panel')
  paper = await readPaperPdf(data.url)
  expect(paper).toHaveLength(10)
  expect(paper.every((p) => /^[A-Z0-9]{8}$/.test(p.code ?? '') && p.units.length === 1)).toBe(true)
  const file = path.join(SCREENSHOTS, 'paper-02-ballots.pdf')
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  fs.writeFileSync(file, Buffer.from(await (await fetch(data.url)).arrayBuffer()))
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, path.join(SCREENSHOTS, 'paper-02-ballot-page')])
  expect(fs.readdirSync(SCREENSHOTS).some((f) => f.startsWith('paper-02-ballot-page') && f.endsWith('.png'))).toBe(true)
})

test('each ballot is entered twice; the one whose entries disagree waits for a third person, who settles it', async () => {
  const [first, disputed, ...rest] = paper as [Printed, Printed, ...Printed[]]
  const one = await signedIn(FIRST)
  const two = await signedIn(SECOND)
  expect(await enterOnPage(one, first, 0, 'paper-03-entry-form')).toContain('已保存第一次录入')
  expect(await enterOnPage(two, first, 0)).toContain('两次录入一致，这张纸质票已计入')
  await screenshot(two, 'paper-04-recorded')
  for (const p of rest) {
    for (const persona of [FIRST, SECOND]) await callAs(persona, 'organize', 'enterPaper', { ...stamp(p), sheets: [{ mark: 'ballot', ballot: ballot(unitOf(p), 1) }] })
  }
  expect(await enterOnPage(one, disputed, 0)).toContain('已保存第一次录入')
  expect(await enterOnPage(two, disputed, 2)).toContain('已进入待核对')
  const third = await signedIn(THIRD)
  await third.goto(`${productUrl()}/#/organizer/pages/paper/index?roundId=${roundId}`)
  const queued = third.locator('.paper-dispute', { hasText: disputed.serial })
  await queued.waitFor()
  await third.getByText('待核对 1 张').waitFor()
  await screenshot(third, 'paper-05-disputed')
  await queued.locator('.nut-button', { hasText: '核对这张票' }).click()
  expect(await field(third, '编号').inputValue()).toBe(disputed.serial)
  expect(await enterOnPage(third, disputed, 0)).toContain('已计入')
  await third.getByText('已计入 10 张').waitFor()
  await screenshot(third, 'paper-06-settled')
})

test('a code counted on paper is refused in the resident\'s code box', async () => {
  const resident = await browsers.newPage()
  await resident.goto(productUrl())
  await pickPersona(resident, '王小明')
  await resident.locator('.home__redeem').click()
  await field(resident, '邀请码').fill(paper[0]!.code!)
  await button(resident, '确定').click()
  await resident.getByText('邀请码不正确或已用完').waitFor()
  await screenshot(resident, 'paper-07-code-refused-online')
})

test('the round shows online and paper subtotals that add up to the total', async () => {
  const page = await signedIn(FIRST)
  await page.goto(`${productUrl()}/#/organizer/pages/round/index?roundId=${roundId}`)
  const line = page.locator('.participation__subtotals')
  await line.waitFor()
  const text = await line.innerText()
  await line.scrollIntoViewIfNeeded()
  await screenshot(page, 'paper-08-subtotals')
  const figure = (name: string) => Number(text.match(new RegExp(`${name} (\\d+) 票`))?.[1])
  expect([figure('网上'), figure('纸质票')]).toEqual([5, 10])
  expect(figure('网上') + figure('纸质票')).toBe(figure('合计'))
})
