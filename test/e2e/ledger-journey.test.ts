/**
 * The rectification ledger end to end in Chromium, on a copy of the demo round (seed 003's rules) where
 * 幸福社区第二网格党支部 ends below 60 % (整改): once it is closed and 陈组织员 (幸福社区, the unit above the
 * branch: its supervising group) has confirmed the verdict, he registers an item with 三定 from it;
 * the branch's contact accepts it, adds progress with a photo and asks for 销号; 陈组织员 sends it back with a reason; the contact resumes and asks again; 陈组织员 verifies; a resident who
 * rated the branch finds it 已销号 with its closing note from home. Screenshots in
 * test-output/screenshots/ledger-*.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { builtinTemplates, inShanghai, templateItems } from '../../src/core'
import { browserPool, button, callAs, pickPersona, productUrl } from './browser'
import { settledScreenshot as screenshot } from './organizer-screens'

const browsers = browserPool()
afterAll(() => browsers.close())

const BRANCH = 'b2'
/** The branch's contact, a resident who rated it, and five more who did: personas of this file alone. */
const CONTACT = 'voter-9501'
const RESIDENT = 'voter-9502'
const OTHERS = ['voter-9503', 'voter-9504', 'voter-9505', 'voter-9506', 'voter-9507']
let ROUND = ''
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-')), '整改现场.png')

beforeAll(async () => {
  fs.writeFileSync(photo, Buffer.from(PNG, 'base64'))
  const { code } = await callAs<{ code: string }>('admin', 'organize', 'inviteRole', { role: 'contact', unitId: BRANCH })
  await callAs(CONTACT, 'organize', 'redeemRole', { code, displayName: '吴联络员' })
  const template = builtinTemplates.find((t) => t.id === 'community-satisfaction')!.ballot
  const dissatisfied = template.scale.levels.find((l) => l.class === 'dissatisfied')!.id
  const window = { opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() }
  ROUND = (await callAs<{ roundId: string }>('admin', 'organize', 'copyRound', { roundId: 'demo-community', title: '2026年第二网格党支部回访测评', window })).roundId
  expect(await callAs<{ state: string }>('admin', 'organize', 'openRound', { roundId: ROUND })).toMatchObject({ state: 'open' })
  for (const resident of [RESIDENT, ...OTHERS]) {
    await callAs(resident, 'evaluate', 'enrol', { roundId: ROUND, categoryId: 'residents' })
    await callAs(resident, 'evaluate', 'submit', { roundId: ROUND, ballots: [{ targetId: BRANCH, overall: dissatisfied, items: Object.fromEntries(templateItems(template).map((i) => [i.id, dissatisfied])) }] })
  }
  await callAs('admin', 'organize', 'closeRound', { roundId: ROUND })
  // A fired rule is only proposed (拟认定) until the supervising group confirms it.
  await callAs('organizer', 'organize', 'stepVerdict', { roundId: ROUND, targetId: BRANCH, ruleId: 'below-sixty-percent', action: 'confirm', seen: 0 })
})

async function as(persona: string, hash: string): Promise<Page> {
  const page = await browsers.newPage()
  if (persona.startsWith('voter-')) await page.context().request.post(`${productUrl()}/__dev/login`, { data: { persona } })
  else {
    await page.goto(productUrl())
    await pickPersona(page, persona)
    await page.locator('.home__redeem').waitFor()
  }
  await page.goto(`${productUrl()}/#${hash}`)
  return page
}

const events = (page: Page) => page.locator('.ledger__event-head:visible')
/** The item page's state heading; earlier pages stay in the DOM, hidden, so only the visible one counts. */
const stateTitle = (page: Page, state: string) => page.locator('.qp-card__title:visible', { hasText: new RegExp(`^${state}$`) })

let itemUrl = ''

test('陈组织员 registers an item with 三定 from the branch\'s confirmed 整改 verdict', async () => {
  const page = await as('陈组织员', `/organizer/pages/round/index?roundId=${ROUND}`)
  await page.locator('.org__tab', { hasText: '结果' }).click()
  const link = page.locator('.ledger-entry__target', { hasText: '幸福社区第二网格党支部' })
  await expect(link.innerText()).resolves.toContain('整改')
  await link.click()
  const verdict = page.locator('.ledger__choice', { hasText: '评议结果' })
  await verdict.waitFor()
  await expect(verdict.innerText()).resolves.toContain('低于60%')
  await verdict.click()
  await expect(page.locator('textarea').first().inputValue()).resolves.toContain('满意率')
  await page.locator('textarea').nth(1).fill('逐户回访不满意居民，建立问题清单，每周三支部书记接待日公开办理情况')
  await page.locator('.ledger__chip', { hasText: '吴联络员' }).click()
  await page.locator('.ledger__urgent').click()
  await page.getByText('立行立改默认 7 天').waitFor()
  await screenshot(page, 'ledger-01-register')
  await button(page, '登记').click()
  await page.locator('.org__title', { hasText: '整改事项' }).waitFor()
  await stateTitle(page, '待接收').waitFor()
  itemUrl = page.url().split('#')[1]
  expect(itemUrl).toMatch(/itemId=/)
  await screenshot(page, 'ledger-02-registered')
})

test('the contact accepts it, adds progress with a photo and asks for 销号', async () => {
  const page = await as(CONTACT, '/organizer/pages/mine/index')
  const item = page.locator('.ledger-item', { hasText: '满意率' })
  await expect(item.innerText()).resolves.toMatch(/还剩 7 天/)
  await screenshot(page, 'ledger-03-my-items')
  await item.click()
  await button(page, '接收整改任务').click()
  await stateTitle(page, '整改中').waitFor()
  await page.locator('textarea').fill('已回访不满意居民 8 户，列出问题清单 5 项')
  const chooser = page.waitForEvent('filechooser')
  await button(page, '添加照片').click()
  await (await chooser).setFiles(photo)
  await page.locator('.ledger__photos .ledger__photo').waitFor()
  await button(page, '报送进展').click()
  await page.locator('.ledger__event .ledger__photo').waitFor()
  await page.locator('textarea').fill('问题清单 5 项均已办结，公示于党务公开栏')
  await button(page, '申请销号').click()
  await stateTitle(page, '待审核销号').waitFor()
  await expect(events(page).allInnerTexts()).resolves.toEqual([
    expect.stringContaining('接收整改任务'), expect.stringContaining('报送进展'), expect.stringContaining('申请销号'),
  ])
  await screenshot(page, 'ledger-04-closure-requested')
})

test('陈组织员, the supervisor above the branch, sends it back with a reason', async () => {
  const page = await as('陈组织员', itemUrl)
  await stateTitle(page, '待审核销号').waitFor()
  // No reason, no send-back: the button waits for one.
  await expect(button(page, '退回').getAttribute('class')).resolves.toMatch(/disabled/)
  await page.locator('textarea').fill('请附上公示照片和居民回访签字')
  await button(page, '退回').click()
  await stateTitle(page, '被退回').waitFor()
  await screenshot(page, 'ledger-05-sent-back')
})

test('the contact resumes and asks again; 陈组织员 verifies it', async () => {
  const contact = await as(CONTACT, itemUrl)
  await contact.getByText('请附上公示照片和居民回访签字').waitFor()
  await button(contact, '重新办理').click()
  await stateTitle(contact, '整改中').waitFor()
  await contact.locator('textarea').fill('已补充公示照片和 8 户居民回访签字，问题清单全部办结')
  await button(contact, '申请销号').click()
  await stateTitle(contact, '待审核销号').waitFor()
  const supervisor = await as('陈组织员', itemUrl)
  await button(supervisor, '审核通过，销号').click()
  await stateTitle(supervisor, '已销号').waitFor()
  await expect(events(supervisor).last().innerText()).resolves.toContain('审核通过，销号')
  await screenshot(supervisor, 'ledger-06-verified')
})

test('陈组织员 reads the 台账 of his community: counts per unit, the 已销号 filter, and the Excel 台账', async () => {
  const page = await as('陈组织员', '/organizer/pages/ledger/index')
  const count = page.locator('.ledger__count', { hasText: '幸福社区第二网格党支部' })
  await expect(count.innerText()).resolves.toMatch(/已销号 1/)
  await page.locator('.org__tab', { hasText: '已销号' }).click()
  await page.locator('.ledger-item', { hasText: '满意率' }).locator('.ledger-state', { hasText: '已销号' }).waitFor()
  await screenshot(page, 'ledger-07-book')
  const download = page.waitForEvent('download')
  await button(page, '导出整改台账').click()
  // Named as a person would file it.
  expect((await download).suggestedFilename()).toBe(`整改台账-${inShanghai(new Date()).format('YYYY-MM-DD')}.xlsx`)
})

test('a resident who rated the branch sees it 已销号 with its closing note, from home', async () => {
  const page = await as(RESIDENT, '/pages/index/index')
  await page.locator('.home__progress').click()
  const item = page.locator('.progress__item', { hasText: '逐户回访不满意居民' })
  await expect(item.locator('.progress__state').innerText()).resolves.toBe('已销号')
  await expect(item.innerText()).resolves.toContain('已补充公示照片和 8 户居民回访签字，问题清单全部办结')
  await expect(item.innerText()).resolves.not.toContain('吴联络员')
  await screenshot(page, 'ledger-08-resident')
})

