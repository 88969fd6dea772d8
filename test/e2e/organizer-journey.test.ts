/**
 * The organizer's journey: the admin invites an organizer for the street; 陈组织员 (the demo's
 * organiser of 幸福社区) redeems the code under his name, creates a 两评一树 round for two communities, is told in Chinese why it cannot open yet, fills its
 * rosters (one code each), opens it and copies a grid's share link; 王小明 redeems his roster code and
 * sees only the target his category (本单位) allows.
 */
import type { Page } from 'playwright-core'
import { browserPool, button, callAs, pickPersona, productUrl } from './browser'
import { defaultWindow } from '../../src/organizer/lib/window'
import { showTime } from '../../src/services/time'
import { chip, confirmModal, field, settledScreenshot, turnWheel, unit } from './organizer-screens'

const TITLE = `两评一树测评 E2E ${Date.now().toString(36)}`
const XINGFU = '幸福社区'
const HEXIE = '和谐社区'

const browsers = browserPool()
afterAll(() => browsers.close())
const newPage = () => browsers.newPage()

async function signInAs(page: Page, name: string) {
  await page.goto(productUrl())
  await pickPersona(page, name)
  await page.locator('.home__redeem').waitFor()
}

const screenshot = settledScreenshot


/** 内部评议 rates one's own unit: 幸福社区's team is offered, 和谐社区's is shown as out of scope. */
async function expectOwnCommunityOnly(page: Page) {
  await page.getByText('您以“内部评议（全体干部职工）”身份参评').waitFor()
  const own = page.locator('.target', { hasText: `${XINGFU}领导班子` })
  const other = page.locator('.target', { hasText: `${HEXIE}领导班子` })
  await own.locator('.target__check--on').waitFor()
  await other.getByText('不在您的评议范围').waitFor()
  await expect(other.locator('.target__check').count()).resolves.toBe(0)
  await button(page, '开始评议（1 个）').waitFor()
}

let roleCode = ''
let roundId = ''
let shareLink = ''
const rosterCodes: Record<string, string> = {}

test('the admin invites an organizer for 阳光街道 and gets a code to hand over', async () => {
  const page = await newPage()
  await signInAs(page, '系统管理员')
  await page.locator('.home__workbench').click()
  await page.locator('.org__title', { hasText: '工作台' }).waitFor()
  await button(page, '角色邀请').click()
  await chip(page, '组织员').click()
  await unit(page, '阳光街道').click()
  await button(page, '生成邀请码').click()
  roleCode = (await page.locator('.code-card__code').innerText()).trim()
  expect(roleCode.length).toBeGreaterThanOrEqual(4)
  await screenshot(page, 'organizer-01-admin-invites-organizer')
})

test('陈组织员 redeems the role code under his name and creates a 两评一树 round for two communities', async () => {
  const page = await newPage()
  await signInAs(page, '陈组织员')
  // The demo makes him organiser of 幸福社区; the admin's code adds the whole street.
  await page.locator('.home__workbench').waitFor()
  await page.locator('.home__redeem').click()
  // One box for every code: the server tells a role code from a roster code, then the name is asked.
  await field(page, '邀请码').fill(roleCode)
  await button(page, '确定').click()
  await page.getByText('这是工作人员邀请码。').waitFor()
  await field(page, '您的姓名').fill('陈明')
  await screenshot(page, 'organizer-02-redeem-role-code')
  await button(page, '确定').click()
  await page.getByText('您已成为组织员').waitFor()
  await screenshot(page, 'organizer-03-role-granted')
  await button(page, '进入工作台').click()
  await button(page, '新建评议').click()

  // Wizard: template, title and organizing unit → two communities in one group → categories → window.
  await page.locator('.template-option', { hasText: '两评一树' }).click()
  await field(page, '评议名称').fill(TITLE)
  await chip(page, '阳光街道').click()
  await screenshot(page, 'organizer-04-wizard-template')
  await button(page, '下一步').click()
  await unit(page, XINGFU).click()
  await unit(page, HEXIE).click()
  await page.getByText(`${XINGFU}（牵头）`).waitFor()
  await screenshot(page, 'organizer-05-wizard-targets-groups')
  await button(page, '下一步').click()
  const internal = page.locator('.category-card', { hasText: '内部评议' })
  await internal.locator('.category-card__count input').fill('15')
  await screenshot(page, 'organizer-06-wizard-categories')
  // 004's weights are the template's 40 / 60; he sets 30 / 70, and is told while they do not add up.
  const weight = (part: string) => page.locator('.weights__part', { hasText: part }).locator('input')
  await weight('内部评议').fill('30')
  await page.locator('.weights__problem', { hasText: '各部分权重合计应为 100%，现为 90%' }).waitFor()
  await expect(button(page, '下一步').getAttribute('class')).resolves.toMatch(/disabled/)
  await weight('社会评议').fill('70')
  await expect(page.locator('.weights__problem').count()).resolves.toBe(0)
  await page.locator('.weights').scrollIntoViewIfNeeded()
  await screenshot(page, 'organizer-06-wizard-weights')
  await button(page, '下一步').click()
  await page.getByText('评议时间（北京时间）').waitFor()
  // The default window is a working week; the end moves to 19:00 with the picker's hour wheel.
  const planned = defaultWindow()
  await page.locator('.window__opensAt', { hasText: showTime(planned.opensAt) }).waitFor()
  await page.locator('.window__closesAt', { hasText: showTime(planned.closesAt) }).click()
  await page.locator('.nut-picker-title', { hasText: '选择结束时间' }).waitFor()
  await turnWheel(page, 3, 1)
  await screenshot(page, 'organizer-07-wizard-window-picker')
  await page.locator('.nut-picker-confirm-btn').click()
  const closesAt = planned.closesAt.replace('T18:00', 'T19:00')
  await page.locator('.window__closesAt', { hasText: showTime(closesAt) }).waitFor()
  await screenshot(page, 'organizer-07-wizard-window')
  await chip(page, '从现在开始').click() // the default window starts tomorrow
  await button(page, '创建并检查').click()

  // The readiness check: the rosters are empty, explained in Chinese, and opening is refused.
  await page.getByText('开放前检查').waitFor()
  roundId = new URL(page.url().replace('/#/', '/')).searchParams.get('roundId') ?? ''
  expect(roundId).not.toBe('')
  const saved = await callAs<{ aggregation: { parts: { weight: number }[] } }>('admin', 'organize', 'getRound', { roundId })
  expect(saved.aggregation.parts.map((p) => p.weight)).toEqual([30, 70])
  await page.locator('.org__sub', { hasText: `至 ${showTime(closesAt)}` }).waitFor()
  await page.locator('.round__aggregation', { hasText: '内部评议 30%，社会评议 70%' }).waitFor()
  await button(page, '开放评议').click()
  await page.getByText('暂不能开放，请先处理以下问题：').waitFor()
  await page.locator('.readiness__blocker', { hasText: '「内部评议（全体干部职工）」参评人员类别仅限名单内人员，但名单为空' }).waitFor()
  await screenshot(page, 'organizer-08-readiness-blocks')

  // Rosters: one named evaluator per roster category, one single-use code each.
  for (const [category, name, unit] of [['内部评议', '王小明', XINGFU], ['党代表', '刘代表', XINGFU], ['服务对象', '赵师傅', HEXIE]] as const) {
    await page.locator('.roster__category', { hasText: category }).click()
    await field(page, '姓名').fill(name)
    await page.locator('.roster__unit', { hasText: unit }).click()
    await button(page, '添加到名单').click()
    await page.locator('.roster__note', { hasText: `已添加 ${name}` }).waitFor()
    rosterCodes[name] = (await page.locator('.codes__row', { hasText: name }).locator('.codes__code').innerText()).trim()
  }
  await page.locator('.codes').scrollIntoViewIfNeeded()
  await screenshot(page, 'organizer-09-roster-codes')

  await page.locator('.readiness').scrollIntoViewIfNeeded()
  await page.getByText('检查通过，可以开放评议。').waitFor()
  await button(page, '开放评议').click()
  await confirmModal(page, '评议对象、参评类别、评议内容、等次和认定规则将锁定')
  await page.locator('.org__row', { hasText: '状态' }).locator('.state-tag--open').waitFor()
  await page.locator('.participation').waitFor()
  await screenshot(page, 'organizer-10-round-open')

  // A channel for the first grid's chat, and its share link copied.
  await field(page, '新增渠道').fill('第一网格居民群')
  await button(page, '添加渠道').click()
  const channel = page.locator('.share__channel', { hasText: '第一网格居民群' })
  await channel.locator('.nut-button', { hasText: '复制链接' }).click()
  const copied = page.locator('.share__copied')
  await copied.waitFor()
  shareLink = (await copied.innerText()).replace(/^已复制：/, '').trim()
  expect(shareLink).toMatch(new RegExp(`^${productUrl().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/#/pages/round/index\\?roundId=${roundId}&channel=[A-Za-z0-9_-]+$`))
  const clipboard = await page.evaluate(() => localStorage.getItem('taro_clipboard') ?? '')
  expect(clipboard).toContain(shareLink.replace(/^.*#/, '')) // Taro's H5 clipboard keeps what it copied
  await channel.scrollIntoViewIfNeeded()
  await screenshot(page, 'organizer-11-share-link-copied')
})

test('王小明 redeems his roster code and sees only his own community among the targets', async () => {
  expect(rosterCodes['王小明']).toBeTruthy()
  const page = await newPage()
  await signInAs(page, '王小明')
  await page.locator('.home__redeem').click()
  await field(page, '邀请码').fill(rosterCodes['王小明'])
  await screenshot(page, 'organizer-12-resident-redeems-code')
  await button(page, '确定').click()
  await expectOwnCommunityOnly(page)
  await screenshot(page, 'organizer-13-resident-sees-own-unit-only')

  // The grid's share link leads to the same round, still only his own community.
  await page.goto(shareLink)
  await page.getByText('由 第一网格居民群 转发').waitFor()
  await expectOwnCommunityOnly(page)
  await screenshot(page, 'organizer-14-resident-via-share-link')
})
