/**
 * 认定确认 in Chromium (issue 19): a 三评一联 round of a street, closed with two units below 2/3. The
 * street's organiser (the supervising group) confirms one and sets the other aside with a reason; the
 * district's leader (the office above) approves; the organiser then starts the redo round for the one
 * confirmed unit. Screenshots in test-output/screenshots/verdict-*. Units, roles and the round are
 * this file's own, beside the demo's tree.
 */
import type { Page } from 'playwright-core'
import { templateById } from '../../src/core'
import { browserPool, button, callAs, productUrl } from './browser'
import { settledScreenshot as screenshot } from './organizer-screens'

const browsers = browserPool()
afterAll(() => browsers.close())

const tag = Date.now().toString(36)
const STREET_ORGANISER = 'voter-9601'
const DISTRICT_LEADER = 'voter-9602'
const UNITS = [[`vu1-${tag}`, '城关街道党政办'], [`vu2-${tag}`, '城关街道服务中心'], [`vu3-${tag}`, '城关街道执法队']] as const
const [FAILING, GOOD, SET_ASIDE] = UNITS
const sanping = templateById('sanping-yilian')!.ballot
let roundId = ''

function ballot(targetId: string, levelIndex: number) {
  const level = sanping.scale.levels[levelIndex]!.id
  return { targetId, overall: level, items: Object.fromEntries(sanping.sections.flatMap((s) => s.items).map((i) => [i.id, level])) }
}

beforeAll(async () => {
  const admin = (action: string, data: unknown) => callAs<Record<string, unknown>>('admin', 'organize', action, data)
  await admin('createUnit', { id: `vdq-${tag}`, name: '城关区', parentId: null, kind: 'district' })
  await admin('createUnit', { id: `vjd-${tag}`, name: '城关街道', parentId: `vdq-${tag}`, kind: 'street' })
  for (const [id, name] of UNITS) await admin('createUnit', { id, name, parentId: `vjd-${tag}`, kind: 'unit' })
  for (const [persona, role, unitId, name] of [[STREET_ORGANISER, 'organizer', `vjd-${tag}`, '街道孙组织员'], [DISTRICT_LEADER, 'leader', `vdq-${tag}`, '区周主任']]) {
    const { code } = (await admin('inviteRole', { role, unitId })) as { code: string }
    await callAs(persona, 'organize', 'redeemRole', { code, displayName: name })
  }
  const day = 86_400_000
  ;({ roundId } = (await admin('createRound', {
    templateId: 'sanping-yilian', ownerUnitId: `vjd-${tag}`, title: `城关街道“三评一联” ${tag}`,
    window: { opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + day).toISOString() },
    targets: UNITS.map(([id, name]) => ({ id, name, kind: 'unit', unitId: id })),
    groups: [{ id: 'g', name: '第一组', leadUnitId: FAILING[0], unitIds: UNITS.map(([id]) => id) }],
    reports: Object.fromEntries(UNITS.map(([id, name]) => [id, `${name}情况报告`])),
  })) as { roundId: string })
  for (const [id] of UNITS) await admin('sharedCode', { roundId, categoryId: 'unit', unitId: id, maxUses: 15 })
  const { code } = (await admin('sharedCode', { roundId, categoryId: 'all-round', unitId: FAILING[0], maxUses: 5 })) as { code: string }
  await admin('openRound', { roundId })
  for (let n = 0; n < 5; n++) {
    const voter = `voter-${9610 + n}`
    await callAs(voter, 'evaluate', 'redeem', { code })
    await callAs(voter, 'evaluate', 'submit', { roundId, ballots: [ballot(FAILING[0], 2), ballot(GOOD[0], 0), ballot(SET_ASIDE[0], 2)] })
  }
  await admin('closeRound', { roundId })
}, 120_000)

async function verdictsAs(persona: string): Promise<Page> {
  const page = await browsers.newPage()
  await page.context().request.post(`${productUrl()}/__dev/login`, { data: { persona } })
  await page.goto(`${productUrl()}/#/dashboard/pages/verdicts/index?roundId=${roundId}`)
  await page.locator('.verdict').first().waitFor()
  return page
}
const card = (page: Page, name: string) => page.locator('.verdict', { hasText: name })
const act = (page: Page, name: string, text: string) => card(page, name).locator('.nut-button', { hasText: text })

test('the street\'s organiser confirms one 拟认定 返工补课 and sets the other aside, which needs a reason', async () => {
  const page = await verdictsAs(STREET_ORGANISER)
  await expect(page.locator('.verdict').count()).resolves.toBe(2)
  await expect(card(page, FAILING[1]).locator('.verdict__label').innerText()).resolves.toBe('拟认定')
  await card(page, FAILING[1]).getByText('拟认定：待督导组确认').waitFor()
  await screenshot(page, 'verdict-01-proposed')

  await act(page, SET_ASIDE[1], '不予认定').click()
  await card(page, SET_ASIDE[1]).getByText('不予认定时请写明理由').waitFor()
  await card(page, SET_ASIDE[1]).locator('textarea').fill('参评人员不足，结果不具代表性')
  await act(page, SET_ASIDE[1], '不予认定').click()
  await card(page, SET_ASIDE[1]).getByText('不予认定：督导组（城关街道组织员），理由：参评人员不足，结果不具代表性').waitFor()

  await act(page, FAILING[1], '确认').click()
  await card(page, FAILING[1]).getByText('拟认定：督导组（城关街道组织员）已确认，待上级批准').waitFor()
  await expect(act(page, FAILING[1], '批准').count()).resolves.toBe(0)
  await screenshot(page, 'verdict-02-confirmed-set-aside')
})

test('the district\'s leader approves; then, and only then, the organiser starts the redo round', async () => {
  const leader = await verdictsAs(DISTRICT_LEADER)
  await expect(act(leader, SET_ASIDE[1], '批准').count()).resolves.toBe(0)
  await act(leader, FAILING[1], '批准').click()
  await card(leader, FAILING[1]).getByText('已认定：督导组（城关街道组织员）确认，上级（城关区领导）批准').waitFor()
  await expect(card(leader, FAILING[1]).locator('.verdict__label').innerText()).resolves.toBe('已认定')
  await leader.getByText('由本评议的组织员发起返工补课评议。').waitFor()
  await screenshot(leader, 'verdict-03-approved')

  const organiser = await verdictsAs(STREET_ORGANISER)
  await button(organiser, '发起返工补课评议').click()
  await organiser.getByText('返工补课评议已发起，查看前后对比 ›').waitFor()
  await screenshot(organiser, 'verdict-04-redo-started')
  const { redo } = await callAs<{ redo: { roundId: string; targetIds: string[] } }>(STREET_ORGANISER, 'organize', 'roundVerdicts', { roundId })
  expect(redo.targetIds).toEqual([FAILING[0]])
  const started = await callAs<{ targets: { id: string }[] }>(STREET_ORGANISER, 'organize', 'getRound', { roundId: redo.roundId })
  expect(started.targets.map((t) => t.id)).toEqual([FAILING[0]])

  // The results page says the set-aside verdict's reason, and the confirmed one's standing on its badge.
  await organiser.goto(`${productUrl()}/#/dashboard/pages/round/index?roundId=${roundId}`)
  await organiser.locator('.dash-target', { hasText: SET_ASIDE[1] }).getByText('理由：参评人员不足，结果不具代表性').waitFor()
  await organiser.locator('.dash-target', { hasText: FAILING[1] }).getByText('返工补课·已认定').waitFor()
  await screenshot(organiser, 'verdict-05-round-results')
})
