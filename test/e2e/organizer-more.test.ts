/**
 * More of the organizer's flow: the admin adds a unit to the tree; an organizer drafts a 两评一树
 * round for it from the server's templates, edits the items and turns a rule off; shared codes open
 * the round and a resident redeems one; the unit's contact writes its self-report from the link the
 * organizer copied, residents see it only once the organizer approves it; the round is copied; a
 * leader reads participation with no button that changes anything.
 *
 * The organizer, contact and resident are unnamed dev identities (`voter-<n>`), so the named
 * personas other journeys start from stay as the demo made them.
 */
import type { Page } from 'playwright-core'
import type { RoundDetail } from '../../src/api/organize'
import { browserPool, button, pickPersona, productUrl, sessionAs } from './browser'
import { chip, confirmModal, field, settledScreenshot, unit } from './organizer-screens'

const STAMP = Date.now().toString(36)
const TITLE = `两评一树 更多 E2E ${STAMP}`
const COPY_TITLE = `第二轮测评 ${STAMP}`
const NEW_UNIT = `幸福社区第四网格党支部${STAMP.slice(-3)}`
const TEAM = `${NEW_UNIT}领导班子`
const HEXIE = '和谐社区'
const REPORT = `一年来，本支部新建党员活动室，组织志愿服务 ${STAMP} 次。`
const ORGANIZER = 'voter-9101'
const CONTACT = 'voter-9102'
const RESIDENT = 'voter-9103'

const browsers = browserPool()
afterAll(() => browsers.close())


/** The organize function as one dev identity, through the same gateway as the app. */
async function organizeAs(persona: string) {
  const { call } = await sessionAs(persona)
  return <T>(action: string, data: object) => call<T>('organize', action, data)
}

/** A named persona through the sign-in list, or an unnamed `voter-<n>` through the dev sign-in endpoint. */
async function signedIn(who: string): Promise<Page> {
  const page = await browsers.newPage()
  await page.goto(productUrl())
  if (who.startsWith('voter-')) {
    await page.getByText('本地体验：请选择身份登录').waitFor()
    await page.evaluate((persona) => fetch('/__dev/login', { method: 'POST', body: JSON.stringify({ persona }) }).then(() => undefined), who)
    await page.reload()
  } else await pickPersona(page, who)
  await page.locator('.home__redeem').waitFor()
  return page
}

const screenshot = settledScreenshot

const roundIdIn = (page: Page) => new URL(page.url().replace('/#/', '/')).searchParams.get('roundId') ?? ''
const labelsOf = (round: RoundDetail) => round.template.sections.map((s) => s.items.map((i) => i.label))

let organizerPage: Page
let residentPage: Page
let roundId = ''
let copyId = ''
let internalCode = ''
let reportLink = ''

test('the admin adds a branch under 幸福社区, then invites an organizer, a leader and the branch\'s contact', async () => {
  const page = await signedIn('系统管理员')
  await page.locator('.home__workbench').click()
  await button(page, '单位管理').click()
  await unit(page, '幸福社区').click()
  await page.locator('.units__kind', { hasText: '支部' }).click()
  await field(page, '单位名称').fill(NEW_UNIT)
  await button(page, '添加到“幸福社区”下').click()
  await page.locator('.units__added', { hasText: `已在“幸福社区”下添加支部“${NEW_UNIT}”` }).waitFor()
  await unit(page, NEW_UNIT).waitFor()
  await screenshot(page, 'organizer-more-01-admin-adds-unit')

  const admin = await organizeAs('admin')
  const { units } = await admin<{ units: { id: string; name: string; parentId: string | null }[] }>('myUnits', {})
  const added = units.find((u) => u.name === NEW_UNIT)
  expect(added?.parentId).toBe('community-xingfu')
  const invite = (role: string, unitId: string) => admin<{ code: string }>('inviteRole', { role, unitId, maxUses: 1 })
  const grants: [string, string, string][] = [[ORGANIZER, 'organizer', 'street-yangguang'], ['leader', 'leader', 'street-yangguang'], [CONTACT, 'contact', added!.id]]
  for (const [persona, role, unitId] of grants) {
    const { code } = await invite(role, unitId)
    await (await organizeAs(persona))('redeemRole', { code, displayName: `${role}-${STAMP}` })
  }
})

test('the organizer edits the items and turns a rule off in the wizard; the round keeps both', async () => {
  const page = (organizerPage = await signedIn(ORGANIZER))
  await page.locator('.home__workbench').click()
  await button(page, '新建评议').click()
  await page.locator('.template-option', { hasText: '两评一树' }).click() // listed by the server
  await field(page, '评议名称').fill(TITLE)
  await chip(page, '阳光街道').click()
  await button(page, '下一步').click()
  await unit(page, NEW_UNIT).click()
  await unit(page, HEXIE).click()
  await button(page, '下一步').click()

  // Items: rename the first work item, remove the last style item, add one to 工作评价.
  const work = page.locator('.items__section', { hasText: '工作评价' })
  const style = page.locator('.items__section', { hasText: '作风评价' })
  await work.locator('.items__item').first().locator('input').fill('推动高质量发展情况')
  await style.locator('.items__item').nth(3).locator('.items__remove').click()
  await expect(style.locator('.items__item').count()).resolves.toBe(3)
  await work.locator('.items__new input').fill('为民办实事情况')
  await work.locator('.nut-button', { hasText: '添加此项' }).click()
  await expect(work.locator('.items__item').count()).resolves.toBe(5)
  // Rules: 特别差 (extend the round) off, 较差 stays on.
  const veryPoor = page.locator('.rules__rule', { hasText: '特别差' })
  await veryPoor.getByText('后果：评议活动延期2个月').waitFor()
  await veryPoor.locator('.rules__toggle').click()
  await veryPoor.locator('.rules__toggle', { hasText: '已停用' }).waitFor()
  // Scale: 基本满意 renamed and rescored; its class (counts as satisfied) stays the procedure's.
  const basic = page.locator('.scale__level').nth(1)
  await basic.locator('.scale__label input').fill('比较满意')
  await basic.locator('.scale__score input').fill('75')
  await page.locator('.scale').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(page, 'organizer-more-02b-wizard-scale')
  await page.locator('.items').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(page, 'organizer-more-02-wizard-items')
  await page.locator('.rules').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(page, 'organizer-more-03-wizard-rules')
  await button(page, '下一步').click()
  await chip(page, '从现在开始').click() // the default window starts tomorrow
  await button(page, '创建并检查').click()
  await page.getByText('开放前检查').waitFor()
  roundId = roundIdIn(page)
  expect(roundId).not.toBe('')

  const round = await (await organizeAs(ORGANIZER))<RoundDetail>('getRound', { roundId })
  expect(labelsOf(round)).toEqual([
    ['推动高质量发展情况', '履职尽责情况', '服务民生情况', '优化环境情况', '为民办实事情况'],
    ['提升境界、锐意进取情况', '注重落实、积极作为情况', '联系群众、文明行政情况'],
  ])
  const ids = round.template.sections.flatMap((s) => s.items.map((i) => i.id))
  expect(new Set(ids).size).toBe(ids.length)
  ids.forEach((id) => expect(id).toMatch(/^[A-Za-z0-9_-]{1,40}$/))
  expect(round.rules.map((r) => r.id)).toEqual(['poor'])
  expect(round.template.scale.levels.map((l) => [l.label, l.score, l.class])).toEqual([
    ['满意', 100, 'satisfied-full'],
    ['比较满意', 75, 'satisfied-basic'],
    ['不满意', 0, 'dissatisfied'],
    ['不了解', 0, 'abstain'],
  ])
  expect(round.targets.map((t) => t.name)).toEqual([TEAM, `${HEXIE}领导班子`])
})

test('shared codes fill the rosters, the round opens, and a resident redeems one', async () => {
  const page = organizerPage
  for (const category of ['内部评议', '党代表', '服务对象']) {
    await page.locator('.roster__category', { hasText: category }).click()
    await page.locator('.roster__unit', { hasText: NEW_UNIT }).click()
    await page.locator('.shared-code__uses input').fill('10')
    await button(page, '生成共用码').click()
    const card = page.locator('.code-card', { hasText: `共用码 · ${category}` })
    await card.getByText('可使用 10 次').waitFor()
    if (category === '内部评议') {
      internalCode = (await card.locator('.code-card__code').innerText()).trim()
      await card.scrollIntoViewIfNeeded()
      await screenshot(page, 'organizer-more-04-shared-code')
    }
  }
  expect(internalCode.length).toBeGreaterThanOrEqual(4)
  await page.locator('.codes__row', { hasText: '共用码' }).first().waitFor()
  await page.locator('.readiness').scrollIntoViewIfNeeded()
  await page.getByText('检查通过，可以开放评议。').waitFor()
  await button(page, '开放评议').click()
  await confirmModal(page, '评议对象、参评类别、评议内容、等次和认定规则将锁定')
  await page.locator('.org__row', { hasText: '状态' }).locator('.state-tag--open').waitFor()

  const resident = (residentPage = await signedIn(RESIDENT))
  await resident.locator('.home__redeem').click()
  await field(resident, '邀请码').fill(internalCode)
  await button(resident, '确定').click()
  await resident.getByText('您以“内部评议（全体干部职工）”身份参评').waitFor()
  await resident.locator('.target', { hasText: TEAM }).locator('.target__check--on').waitFor()
  await screenshot(resident, 'organizer-more-05-resident-redeemed-shared-code')
})

test('the contact writes the report from its link; residents see it only after the organizer approves', async () => {
  const page = organizerPage
  const target = page.locator('.reports__target', { hasText: TEAM })
  await target.getByText('未填写').waitFor()
  await target.locator('.nut-button', { hasText: '复制报告填写链接' }).click()
  reportLink = (await page.locator('.reports__copied').innerText()).trim()
  const origin = productUrl().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  expect(reportLink).toMatch(new RegExp(`^${origin}/#/organizer/pages/report/index\\?roundId=${roundId}&targetId=t-[A-Za-z0-9_-]+$`))

  const contact = await signedIn(CONTACT)
  await contact.locator('.home__workbench').click()
  await button(contact, '本单位情况报告').waitFor() // the contact's way in from the workbench
  await contact.goto(reportLink)
  const form = contact.locator('.report-form', { hasText: TEAM })
  await form.locator('textarea').fill(REPORT)
  await form.locator('.nut-button', { hasText: '提交报告' }).click()
  await form.locator('.report-form__done', { hasText: '已提交，组织方审核通过后向参评群众展示' }).waitFor()
  await screenshot(contact, 'organizer-more-06-contact-writes-report')

  // Not approved yet: the resident's round page shows no report for the team.
  const resident = residentPage
  await resident.reload()
  await resident.getByText('您以“内部评议（全体干部职工）”身份参评').waitFor()
  await expect(resident.locator('.target', { hasText: TEAM }).locator('.target__report').count()).resolves.toBe(0)
  await expect(resident.getByText(REPORT).count()).resolves.toBe(0)

  // The organizer sees it waiting, and approves it.
  await page.reload()
  await target.locator('.reports__state', { hasText: '待审核' }).waitFor()
  await target.locator('.reports__text', { hasText: REPORT }).waitFor()
  await target.scrollIntoViewIfNeeded()
  await screenshot(page, 'organizer-more-07-report-pending')
  await target.locator('.nut-button', { hasText: '审核通过' }).click()
  await target.locator('.reports__state', { hasText: '已审核' }).waitFor()

  await resident.reload()
  await resident.locator('.target', { hasText: TEAM }).locator('.target__report-text', { hasText: REPORT }).waitFor()
  await screenshot(resident, 'organizer-more-08-resident-sees-approved-report')
})

test('the organizer copies the round into a new draft with its items and rules', async () => {
  const page = organizerPage
  await button(page, '复制为新一轮评议').click()
  await field(page, '新评议名称').fill(COPY_TITLE)
  await page.locator('.copy-round').scrollIntoViewIfNeeded()
  await screenshot(page, 'organizer-more-09-copy-round')
  await page.locator('.copy-round .nut-button', { hasText: /^复制$/ }).click()
  await page.locator('.org__title', { hasText: COPY_TITLE }).waitFor()
  await page.getByText('开放前检查').waitFor()
  copyId = roundIdIn(page)
  expect(copyId).not.toBe(roundId)
  const copy = await (await organizeAs(ORGANIZER))<RoundDetail>('getRound', { roundId: copyId })
  expect(copy.state).toBe('draft')
  expect(labelsOf(copy)[0]).toContain('为民办实事情况')
  expect(copy.rules.map((r) => r.id)).toEqual(['poor'])
})

test('刘书记, a leader, reads rounds and participation with no button that changes them', async () => {
  const page = await signedIn('刘书记')
  await page.locator('.home__workbench').click()
  await page.locator('.workbench__round', { hasText: TITLE }).waitFor()
  await expect(button(page, '新建评议').count()).resolves.toBe(0)
  await expect(button(page, '单位管理').count()).resolves.toBe(0)
  await screenshot(page, 'organizer-more-10-leader-workbench')

  await page.locator('.workbench__round', { hasText: TITLE }).click()
  await page.locator('.participation').waitFor()
  await page.locator('.participation', { hasText: TEAM }).waitFor()
  await page.locator('.reports__state', { hasText: '已审核' }).waitFor()
  for (const text of ['开放评议', '结束评议', '审核通过', '复制报告填写链接', '复制为新一轮评议', '操作记录']) {
    await expect(button(page, text).count()).resolves.toBe(0)
  }
  for (const panel of ['.share', '.roster', '.codes']) await expect(page.locator(panel).count()).resolves.toBe(0)
  await screenshot(page, 'organizer-more-11-leader-round')

  // The draft copy: the readiness check is shown, but no 开放评议.
  await page.goBack()
  await page.locator('.workbench__round', { hasText: COPY_TITLE }).click()
  await page.locator('.org__title', { hasText: COPY_TITLE }).waitFor()
  await page.getByText('开放前检查').waitFor()
  await expect(button(page, '开放评议').count()).resolves.toBe(0)
  await screenshot(page, 'organizer-more-12-leader-draft-no-open')
})
