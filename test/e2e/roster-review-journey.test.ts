/**
 * 名单审定 on the organiser's round page (seed 000: 人员名单确定后，报督导组审定): the community's organiser
 * enters a 三评一联 roster and sees it 待审定, with no way to approve it; the supervisor (here the
 * whole-tree admin, above the community) returns it with a reason, then approves it; the community's
 * organiser reads the verdict. Screenshots in test-output/screenshots/roster-review-*.
 * The community's organiser is a persona of this file alone: the demo's 陈组织员 may meanwhile hold
 * the street's role (organizer-journey grants it), which makes him a supervisor of the community.
 */
import type { Page } from 'playwright-core'
import { browserPool, button, callAs, pickPersona, productUrl, twoBranchSanping } from './browser'
import { settledScreenshot as screenshot } from './organizer-screens'

const browsers = browserPool()
afterAll(() => browsers.close())

const TITLE = `幸福社区三评一联 ${Date.now().toString(36)}`
let roundId = ''
/** Holds the organiser role at 幸福社区 and nothing above it. */
const COMMUNITY_ORGANISER = 'voter-9401'

beforeAll(async () => {
  const { code } = await callAs<{ code: string }>('admin', 'organize', 'inviteRole', { role: 'organizer', unitId: 'community-xingfu' })
  await callAs(COMMUNITY_ORGANISER, 'organize', 'redeemRole', { code, displayName: '赵组织员' })
  roundId = await twoBranchSanping(COMMUNITY_ORGANISER, TITLE)
  // The reports the community's organiser typed wait for the supervisors too (经督导组审核把关): approved here, so only the list is left.
  const { reports } = await callAs<{ reports: Record<string, { revision: number }> }>('admin', 'organize', 'getRound', { roundId })
  for (const [targetId, { revision }] of Object.entries(reports)) await callAs('admin', 'organize', 'approveReport', { roundId, targetId, revision })
  await callAs(COMMUNITY_ORGANISER, 'organize', 'addRoster', { roundId, categoryId: 'unit', entries: [{ name: '张建国', unitId: 'b1' }, { name: '李秀英', unitId: 'b2' }] })
  await callAs(COMMUNITY_ORGANISER, 'organize', 'sharedCode', { roundId, categoryId: 'all-round', unitId: 'b1', maxUses: 5 })
})

/** `persona`: a name on the sign-in page, or a test persona id signed in through the dev login. */
async function roundPageAs(persona: string): Promise<Page> {
  const page = await browsers.newPage()
  if (persona === COMMUNITY_ORGANISER) {
    await page.context().request.post(`${productUrl()}/__dev/login`, { data: { persona } })
  } else {
    await page.goto(productUrl())
    await pickPersona(page, persona)
    await page.locator('.home__redeem').waitFor()
  }
  await page.goto(`${productUrl()}/#/organizer/pages/round/index?roundId=${roundId}`)
  await page.locator('.roster-review').waitFor()
  return page
}

const state = (page: Page) => page.locator('.roster-review__state')

test('the community\'s organiser sees the roster 待审定, opening blocked for it, and no way to approve it', async () => {
  const page = await roundPageAs(COMMUNITY_ORGANISER)
  await expect(state(page).innerText()).resolves.toBe('待审定')
  await expect(button(page, '审定通过').count()).resolves.toBe(0)
  await page.locator('.readiness__blocker', { hasText: '参评人员名单尚未经督导组审定' }).waitFor()
  await page.locator('.roster-review').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(page, 'roster-review-01-pending')
})

test('the supervisor returns it with a reason, then approves it; the organiser reads each verdict', async () => {
  const supervisor = await roundPageAs('系统管理员')
  // No return without a reason.
  await expect(button(supervisor, '退回').getAttribute('class')).resolves.toContain('nut-button-disabled')
  await supervisor.locator('.roster-review__reason-input textarea').fill('离退休干部代表缺少一人')
  await button(supervisor, '退回').click()
  await supervisor.locator('.roster-review__state--returned').waitFor()
  await supervisor.getByText('退回原因：离退休干部代表缺少一人').waitFor()
  await supervisor.locator('.roster-review').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(supervisor, 'roster-review-02-returned')

  const organiser = await roundPageAs(COMMUNITY_ORGANISER)
  await expect(state(organiser).innerText()).resolves.toBe('退回')
  await organiser.getByText('退回原因：离退休干部代表缺少一人').waitFor()

  await supervisor.reload()
  await button(supervisor, '审定通过').click()
  await supervisor.locator('.roster-review__state--approved').waitFor()
  await supervisor.locator('.readiness').getByText('检查通过，可以开放评议。').waitFor()
  await supervisor.locator('.roster-review').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(supervisor, 'roster-review-03-approved')
})
