/**
 * A roster as an office really has it (issue 10): Excel's own CSV, saved in GBK, imported into a
 * round's 参评名单; the same file imported again adds no one (the page says 0 added, the roster
 * sizes stay, and the last attempt's note is gone before the new answer); then 打印邀请码 gives the
 * slips, rendered with pdftoppm next to the screenshots. The code list shows names and codes, never
 * whether a person used theirs.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { gbk } from '../helpers/gbk'
import { browserPool, button, callAs, pickPersona, productUrl, SCREENSHOTS } from './browser'
import { confirmModal, settledScreenshot as screenshot } from './organizer-screens'

const STAMP = Date.now().toString(36)
const TITLE = `三评一联名单导入 ${STAMP}`
const OFFICE = '阳光街道党政办公室'
const SERVICE = '阳光街道社区服务中心'
const PEOPLE = [
  ['张建国', OFFICE, '单位参评人员', '138 0000 0001'],
  ['李秀英', OFFICE, '单位参评人员', '13800000002'],
  ['王志强', OFFICE, '全评参评人员', ''],
  ['刘桂兰', SERVICE, '单位参评人员', '13800000004'],
  ['陈晓明', SERVICE, '单位参评人员', ''],
  ['赵红梅', SERVICE, '全评参评人员', '13800000006'],
]
// As Excel in China saves "CSV (逗号分隔)": GBK bytes, CRLF line ends.
const FILE = gbk(['姓名,单位,类别,手机', ...PEOPLE.map((p) => p.join(','))].join('\r\n'))

const browsers = browserPool()
afterAll(() => browsers.close())

const organizeAs = <T>(persona: string, action: string, data: object) => callAs<T>(persona, 'organize', action, data)

/** Clicks 导入名单 and hands the chooser the file; `whilePicking` runs while the chooser is open. */
async function importFile(page: Page, whilePicking: () => Promise<void> = async () => undefined) {
  const chooser = page.waitForEvent('filechooser')
  await button(page, '导入名单（CSV / Excel）').click()
  const picker = await chooser
  await whilePicking()
  await picker.setFiles({ name: '参评人员名单.csv', mimeType: 'text/csv', buffer: FILE })
}

const sizes = (page: Page) => page.locator('.roster__category').allInnerTexts()

let page: Page
let roundId = ''

test('a GBK CSV from Excel is imported into the 参评名单: one code per person, by unit and category', async () => {
  const opensAt = new Date(Date.now() + 86400_000)
  roundId = (await organizeAs<{ roundId: string }>('admin', 'createRound', {
    templateId: 'sanping-yilian', ownerUnitId: 'street-yangguang', title: TITLE,
    window: { opensAt: opensAt.toISOString(), closesAt: new Date(opensAt.getTime() + 7 * 86400_000).toISOString() },
    targets: [{ id: 'su-office', name: OFFICE, kind: 'unit', unitId: 'su-office' }, { id: 'su-service', name: SERVICE, kind: 'unit', unitId: 'su-service' }],
    groups: [{ id: 'g', name: '第一组', leadUnitId: 'su-office', unitIds: ['su-office', 'su-service'] }],
  })).roundId

  page = await browsers.newPage()
  await page.goto(productUrl())
  await pickPersona(page, '系统管理员')
  await page.locator('.home__redeem').waitFor()
  await page.goto(`${productUrl()}/#/organizer/pages/round/index?roundId=${roundId}`)
  await page.locator('.roster').scrollIntoViewIfNeeded()
  expect(await sizes(page)).toEqual(['单位参评人员（0人）', '全评参评人员（0人）'])

  await importFile(page)
  await page.locator('.roster__note', { hasText: '新增 6 人，更新 0 人，跳过 0 行' }).waitFor()
  await page.locator('.roster__category', { hasText: '单位参评人员（4人）' }).waitFor()
  expect(await sizes(page)).toEqual(['单位参评人员（4人）', '全评参评人员（2人）'])
  const listed = await page.locator('.codes__row').allInnerTexts()
  expect(listed).toHaveLength(6)
  for (const [name, unit] of PEOPLE) expect(listed.some((row) => row.includes(`${name} · ${unit}`))).toBe(true)
  await page.locator('.roster').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(page, 'roster-01-gbk-imported')
})

test('the same file again adds no one: the page says 0 added, the sizes stay, and the old note is gone meanwhile', async () => {
  const codesBefore = await page.locator('.codes__code').allInnerTexts()
  await importFile(page, async () => {
    // A new attempt must not sit under the last one's success message.
    await expect(page.locator('.roster__note').count()).resolves.toBe(0)
  })
  const note = page.locator('.roster__note', { hasText: '新增 0 人，更新 0 人，跳过 6 行' })
  await note.waitFor()
  expect(await note.innerText()).toContain('第2行：已在名单中')
  expect(await sizes(page)).toEqual(['单位参评人员（4人）', '全评参评人员（2人）'])
  expect(await page.locator('.codes__code').allInnerTexts()).toEqual(codesBefore)
  await page.locator('.roster').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(page, 'roster-02-gbk-reimported')
})

test('打印邀请码 prints a slip per person with the round\'s title, the name and the code; the list marks no one as used', async () => {
  const panel = page.locator('.codes')
  await panel.scrollIntoViewIfNeeded()
  await expect(panel.innerText()).resolves.not.toMatch(/已使用|已用完/)
  // Two people in the cell: how many of them used their code is withheld (the round's k is 5).
  await expect(panel.locator('.code-counts__row', { hasText: `${OFFICE} · 单位参评人员` }).innerText()).resolves.toMatch(/名单码：发出 2\s+已用 —\s+作废 0/)
  await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(page, 'roster-03-code-panel')

  const asked = page.waitForResponse((r) => r.url().endsWith('/api/organize') && (r.request().postData() ?? '').includes('"codeSlips"'))
  const [, answer] = await Promise.all([page.waitForEvent('download'), asked, button(page, '全部（PDF）').click()])
  const { data } = (await answer.json()) as { data: { url: string; slips: number } }
  expect(data.slips).toBe(6)
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  const file = path.join(SCREENSHOTS, 'roster-04-slips.pdf')
  fs.writeFileSync(file, Buffer.from(await (await fetch(data.url)).arrayBuffer()))
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
  expect(text.split(TITLE).length - 1).toBe(6)
  for (const [name, unit] of PEOPLE) {
    expect(text).toMatch(new RegExp(`^${name}$`, 'm'))
    expect(text).toMatch(new RegExp(`^${unit}$`, 'm'))
  }
  for (const code of await page.locator('.codes__code').allInnerTexts()) expect(text).toContain(code.trim())
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, path.join(SCREENSHOTS, 'roster-04-slips-page')])
  expect(fs.existsSync(path.join(SCREENSHOTS, 'roster-04-slips-page-1.png'))).toBe(true)
})

test('a lost slip is reissued from the code panel: the person gets a new code, the old one is gone, the roster stays', async () => {
  const row = page.locator('.codes__row', { hasText: '张建国' })
  const old = (await row.locator('.codes__code').innerText()).trim()
  await button(page, '作废或补发邀请码').click()
  await page.locator('.codes__input input').fill(old)
  await button(page, '补发新码').click()
  await confirmModal(page, '为同一人生成一个新邀请码')
  const card = page.locator('.code-card', { hasText: '张建国的新邀请码' })
  await card.waitFor()
  const fresh = (await card.locator('.code-card__code').innerText()).trim()
  expect(fresh).not.toBe(old)
  await page.locator('.code-counts__row', { hasText: `${OFFICE} · 单位参评人员` }).getByText(/作废 1/).waitFor()
  await screenshot(page, 'roster-05-reissued')

  await page.goBack()
  await page.locator('.codes__row', { hasText: '张建国' }).locator('.codes__code', { hasText: fresh }).waitFor()
  await expect(page.locator('.codes__code').allInnerTexts()).resolves.not.toContain(old)
  expect(await sizes(page)).toEqual(['单位参评人员（4人）', '全评参评人员（2人）'])
})
