/**
 * A 党员 round over imported persons, created, voted and counted: the admin imports a branch's
 * members from the office's own Excel list saved as CSV (GBK, as Excel in China saves it), adds one
 * by hand, opens the round with shared codes; a member of 第一网格党支部 rates all 32 of its
 * members on one list, opens one member's details to change an item, and the 32 ballots count.
 */
import type { Page } from 'playwright-core'
import { gbk } from '../helpers/gbk'
import { browserPool, button, callAs, pickPersona, productUrl } from './browser'
import { chip, confirmModal, field, settledScreenshot as screenshot, unit } from './organizer-screens'

const STAMP = Date.now().toString(36)
const TITLE = `党员创先争优评议 ${STAMP}`
const B1 = '幸福社区第一网格党支部'
const B2 = '幸福社区第二网格党支部'
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾'
const MEMBERS = [...SURNAMES].map((s, i) => ({ name: `${s}${['建国', '秀英', '志强', '桂兰'][i % 4]}`, position: i === 0 ? '支部书记' : i === 1 ? '组织委员' : '党员' }))
const CSV = ['姓名,单位,职务', ...MEMBERS.map((m) => `${m.name},${B1},${m.position}`), `钱二支,${B2},宣传委员`, `孙外人,不存在的支部,党员`].join('\r\n')
const RESIDENT = 'voter-9301'

const browsers = browserPool()
afterAll(() => browsers.close())

const organizeAs = <T>(persona: string, action: string, data: object) => callAs<T>(persona, 'organize', action, data)

let organizer: Page
let roundId = ''
let peersCode = ''

test('the admin imports a GBK CSV of 党员 into the wizard, adds one by hand and creates the round', async () => {
  expect(MEMBERS).toHaveLength(32)
  const page = (organizer = await browsers.newPage())
  await page.goto(productUrl())
  await pickPersona(page, '系统管理员')
  await page.locator('.home__workbench').click()
  await button(page, '新建评议').click()
  await page.locator('.template-option', { hasText: '破解难题群众评议 · 党员' }).click()
  await field(page, '评议名称').fill(TITLE)
  // A root admin is offered every unit of the tree as host: the street itself, by its exact name.
  await page.locator('.org__chip').getByText('阳光街道', { exact: true }).click()
  await button(page, '下一步').click()

  const chooser = page.waitForEvent('filechooser')
  await button(page, '导入名单（CSV / Excel）').click()
  await (await chooser).setFiles({ name: '党员名单.csv', mimeType: 'text/csv', buffer: gbk(CSV) })
  await page.locator('.persons__note', { hasText: '已导入 33 人，跳过 1 行（第35行：单位“不存在的支部”不在本单位范围内）' }).waitFor()
  await page.locator('.persons__row', { hasText: `${MEMBERS[0].name} · 支部书记 · ${B1}` }).waitFor()
  // The same file again adds no one twice.
  const again = page.waitForEvent('filechooser')
  await button(page, '导入名单（CSV / Excel）').click()
  await (await again).setFiles({ name: '党员名单.csv', mimeType: 'text/csv', buffer: gbk(CSV) })
  await page.locator('.persons__note', { hasText: '已导入 0 人，33 人已在名单中' }).waitFor()
  await field(page, '姓名').fill('周新来')
  await field(page, '职务（选填）').fill('预备党员')
  await unit(page, B2).click()
  await button(page, /^添加$/).click()
  await page.getByText('评议对象（34 人）').waitFor()
  await page.locator('.persons').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(page, 'persons-01-wizard-imported-members')

  await button(page, '下一步').click()
  await button(page, '下一步').click()
  await chip(page, '从现在开始').click() // the default window starts tomorrow
  await button(page, '创建并检查').click()
  await page.getByText('开放前检查').waitFor()
  roundId = new URL(page.url().replace('/#/', '/')).searchParams.get('roundId') ?? ''
  const round = await organizeAs<{ targets: { name: string; kind: string; position?: string }[] }>('admin', 'getRound', { roundId })
  expect(round.targets).toHaveLength(34)
  expect(round.targets.every((t) => t.kind === 'party-member')).toBe(true)
  expect(round.targets[0]).toMatchObject({ name: MEMBERS[0].name, position: '支部书记' })
})

test('shared codes per category and branch fill the rosters, and the round opens', async () => {
  const page = organizer
  for (const category of ['党员互评', '群众评议']) {
    for (const branch of [B1, B2]) {
      await page.locator('.roster__category', { hasText: category }).click()
      await page.locator('.roster__unit', { hasText: branch }).click()
      await page.locator('.shared-code__uses input').fill('40')
      await button(page, '生成共用码').click()
      const card = page.locator('.code-card', { hasText: `共用码 · ${category} · ${branch}` })
      await card.waitFor()
      if (category === '党员互评' && branch === B1) peersCode = (await card.locator('.code-card__code').innerText()).trim()
    }
  }
  await page.getByText('检查通过，可以开放评议。').waitFor()
  await button(page, '开放评议').click()
  await confirmModal(page, '评议对象、参评类别、评议内容、等次和认定规则将锁定')
  await page.locator('.org__row', { hasText: '状态' }).locator('.state-tag--open').waitFor()
})

test('a member of 第一网格党支部 rates its 32 members on one list, changes one item of one, and every ballot counts', async () => {
  const page = await browsers.newPage()
  await page.goto(productUrl())
  await page.getByText('本地体验：请选择身份登录').waitFor()
  await page.evaluate((persona) => fetch('/__dev/login', { method: 'POST', body: JSON.stringify({ persona }) }).then(() => undefined), RESIDENT)
  await page.reload()
  await page.locator('.home__redeem').click()
  await field(page, '邀请码').fill(peersCode)
  await button(page, '确定').click()
  await page.getByText('您以“党员互评”身份参评').waitFor()
  await page.locator('.target', { hasText: `${MEMBERS[0].name} · 支部书记` }).locator('.target__check--on').waitFor()
  await page.locator('.target', { hasText: '周新来' }).getByText('不在您的评议范围').waitFor()
  await button(page, '开始评议（32 个）').click()

  await page.getByText('请为每人选一个总体评价').waitFor()
  const people = page.locator('.quick__person')
  await expect(people.count()).resolves.toBe(32)
  await button(page, '检查并提交').click()
  await page.getByText('还有 32 人没有选择总体评价，已用红色标出。').waitFor()
  for (let i = 0; i < 32; i++) await people.nth(i).locator('.level-picker__level', { hasText: i % 5 === 4 ? '比较满意' : /^满意$/ }).click()
  await page.getByText('共 32 人，已选 32 人').waitFor()
  await screenshot(page, 'persons-02-quick-list-32-members')

  await people.nth(1).locator('.quick__details').click()
  await page.locator('.ballot__target', { hasText: `${MEMBERS[1].name} · 组织委员` }).waitFor()
  await page.locator('.level-picker', { hasText: '践行公开承诺情况' }).locator('.level-picker__level', { hasText: '不满意' }).first().click()
  await screenshot(page, 'persons-03-details-of-one-member')
  await button(page, '回到名单').click()
  await button(page, '检查并提交').click()
  const changed = page.locator('.review', { hasText: MEMBERS[1].name })
  await changed.locator('.review__row', { hasText: '践行公开承诺情况' }).getByText('不满意').waitFor()
  await expect(changed.locator('.review__row', { hasText: '联系和服务群众情况' }).locator('.review__level').innerText()).resolves.toBe('满意')
  await button(page, '确认提交').click()
  await page.locator('.receipt__status').first().waitFor()
  await expect(page.locator('.receipt__status', { hasText: '已提交' }).count()).resolves.toBe(32)
  await screenshot(page, 'persons-04-receipts')

  const counted = await organizeAs<{ ballots: number }>('admin', 'participation', { roundId })
  expect(counted.ballots).toBe(32)
})
