/**
 * Managing people (issue 10): the admin invites an organiser for 幸福社区, who invites a leader;
 * the organiser lists the role holders of 幸福社区, revokes the leader, and the revoked leader is
 * refused at once; the audit page shows sentences and narrows them by person and action.
 * Everyone is an unnamed dev identity, so the named personas other journeys use stay as they were.
 */
import type { Page } from 'playwright-core'
import { browserPool, button, productUrl, sessionAs } from './browser'
import { chip, confirmModal, settledScreenshot } from './organizer-screens'

const SUFFIX = String(Date.now()).slice(-3)
const ORGANIZER = 'voter-9301'
const LEADER = 'voter-9302'
const ORGANIZER_NAME = `周组织员${SUFFIX}`
const LEADER_NAME = `吴书记${SUFFIX}`

const browsers = browserPool()
afterAll(() => browsers.close())


async function organizeAs(persona: string) {
  const { answer } = await sessionAs(persona)
  return <T>(action: string, data: object) => answer<T>('organize', action, data)
}

async function signedIn(who: string): Promise<Page> {
  const page = await browsers.newPage()
  await page.goto(productUrl())
  await page.getByText('本地体验：请选择身份登录').waitFor()
  await page.evaluate((persona) => fetch('/__dev/login', { method: 'POST', body: JSON.stringify({ persona }) }).then(() => undefined), who)
  await page.reload()
  await page.locator('.home__redeem').waitFor()
  return page
}

test('an organiser lists the role holders, revokes a leader, and the revoked leader is refused at once', async () => {
  const admin = await organizeAs('admin')
  const organizerCode = await admin<{ code: string }>('inviteRole', { role: 'organizer', unitId: 'community-xingfu' })
  if (!organizerCode.ok) throw new Error(organizerCode.error.message)
  expect(await (await organizeAs(ORGANIZER))('redeemRole', { code: organizerCode.data.code, displayName: ORGANIZER_NAME })).toMatchObject({ ok: true })
  const organizer = await organizeAs(ORGANIZER)
  const leaderCode = await organizer<{ code: string }>('inviteRole', { role: 'leader', unitId: 'community-xingfu' })
  if (!leaderCode.ok) throw new Error(leaderCode.error.message)
  const leader = await organizeAs(LEADER)
  expect(await leader('redeemRole', { code: leaderCode.data.code, displayName: LEADER_NAME })).toMatchObject({ ok: true })
  expect(await leader('participation', { roundId: 'demo-community' })).toMatchObject({ ok: true })

  // The leader has the workbench open before the revocation.
  const leaderPage = await signedIn(LEADER)
  await leaderPage.locator('.home__workbench').click()
  await leaderPage.getByText(`领导 · 幸福社区`).waitFor()

  const page = await signedIn(ORGANIZER)
  await page.locator('.home__workbench').click()
  await button(page, '人员与角色').click()
  const holder = page.locator('.people__holder', { hasText: LEADER_NAME })
  await holder.getByText(`由${ORGANIZER_NAME}邀请`).waitFor()
  await page.locator('.people__holder', { hasText: ORGANIZER_NAME }).getByText('由管理员邀请').waitFor()
  // An organiser cannot take back an organiser's role, their own included: that row offers no button.
  const own = page.locator('.people__holder', { has: page.locator('.qp-card__title', { hasText: `${ORGANIZER_NAME} · 组织员` }) })
  await expect(own.locator('.nut-button', { hasText: '撤销角色' }).count()).resolves.toBe(0)
  await page.getByText('QUNPING_ADMIN_OPENIDS').waitFor()
  await settledScreenshot(page, 'manage-01-role-holders')
  await holder.locator('.nut-button', { hasText: '撤销角色' }).click()
  await confirmModal(page, `撤销后，${LEADER_NAME}立即不能再以幸福社区领导的身份操作`)
  await page.getByText(`已撤销${LEADER_NAME}的领导角色。`).waitFor()
  await page.locator('.people__holder', { hasText: LEADER_NAME }).waitFor({ state: 'detached' })
  await settledScreenshot(page, 'manage-02-revoked')

  // Refused at once: the server reads roles afresh on every call, and the workbench says so.
  expect(await leader('listRounds', {})).toMatchObject({ ok: true, data: { rounds: [] } })
  expect(await leader('participation', { roundId: 'demo-community' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  await leaderPage.goto(productUrl())
  await leaderPage.locator('.home__redeem').waitFor()
  await expect(leaderPage.locator('.home__workbench').count()).resolves.toBe(0)
  await settledScreenshot(leaderPage, 'manage-03-revoked-leader-home')

  // The audit log reads as sentences and narrows to one person and one action.
  await page.goBack()
  await button(page, '操作记录').click()
  await page.locator('.audit__entry', { hasText: `${ORGANIZER_NAME} 撤销了${LEADER_NAME}在幸福社区的领导角色` }).waitFor()
  await chip(page, ORGANIZER_NAME).click()
  await chip(page, '撤销角色').click()
  // The list answers each filter tap with a new request: wait for the narrowed answer.
  await page.waitForFunction(() => document.querySelectorAll('.audit__entry').length === 1)
  await expect(page.locator('.audit__entry').first().textContent()).resolves.toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d /)
  await settledScreenshot(page, 'manage-04-audit-filtered')
})
