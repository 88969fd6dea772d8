/**
 * The organiser's pages and the resident's round on an old 320-px phone: no date splits across lines
 * ("2026年 / 12月") and no unit's kind splits ("支 / 部"), no title is squeezed into less than half
 * its card while it wraps, and the sticky 开始评议 bar is opaque and leaves the page's last card
 * uncovered once scrolled to the end. A closed round's channels keep their own buttons, and no new
 * channel is offered.
 */
import type { Page } from 'playwright-core'
import { button, callAs, openBrowser, productUrl, screenshot } from './browser'
import { settled } from './organizer-screens'

const WIDTH = 320
/** The blocks a title lives in, and the titles that share a line with something on their right. */
const CARDS = '.qp-card, .nut-cell, .qp-row, .org__row'
const TITLES = '.nut-cell-title, .qp-row__title, .org__label'
/** Words that move to the next line whole: a unit's kind (支部). */
const WORDS = '.unit-picker__kind'

const asAdmin = (action: string, data: unknown) => callAs('admin', 'organize', action, data)

/** Layout faults on the page now showing, as sentences naming the text at fault. */
function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ cards, titles, words }) => {
      const root = document.querySelector('.taro_page_show') ?? document.body
      const faults: string[] = []
      // Each date as the app writes it: all of its characters on one line.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of (node.textContent ?? '').matchAll(/\d{4}年\d{1,2}月\d{1,2}日(?: \d{2}:\d{2})?/g)) {
          const range = document.createRange()
          range.setStart(node, m.index ?? 0)
          range.setEnd(node, (m.index ?? 0) + m[0].length)
          const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)))
          if (tops.size > 1) faults.push(`date split across lines: ${m[0]}`)
        }
      }
      for (const title of Array.from(root.querySelectorAll<HTMLElement>(titles))) {
        const card = title.parentElement?.closest(cards)
        if (!card || !title.textContent?.trim()) continue
        const lineHeight = parseFloat(getComputedStyle(title).lineHeight) || parseFloat(getComputedStyle(title).fontSize) * 1.5
        const wraps = title.getBoundingClientRect().height > lineHeight * 1.5
        if (wraps && title.getBoundingClientRect().width < card.getBoundingClientRect().width / 2) {
          faults.push(`title squeezed to under half its card: ${title.textContent.trim()}`)
        }
      }
      for (const word of Array.from(root.querySelectorAll(words))) {
        const lines = new Set(Array.from(word.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)))
        if (lines.size > 1) faults.push(`word split across lines: ${word.textContent?.trim()}`)
      }
      return faults
    },
    { cards: CARDS, titles: TITLES, words: WORDS },
  )
}

const browser = openBrowser()
let page: Page
beforeAll(async () => {
  page = await (await browser).newPage()
  await page.setViewportSize({ width: WIDTH, height: 740 })
})
afterAll(async () => (await browser).close())

async function visit(persona: string, path: string, ready: string) {
  await page.goto(productUrl())
  await page.evaluate((who) => fetch('/__dev/login', { method: 'POST', body: JSON.stringify({ persona: who }) }).then(() => undefined), persona)
  await page.goto(`${productUrl()}/#${path}`)
  await page.reload()
  await page.locator(ready).first().waitFor()
  // Taro's page transition slides the page in: measure once it has settled.
  await settled(page)
}

let closed = ''

test('organiser pages at 320 px: dates and unit kinds whole, titles not squeezed', async () => {
  ;({ roundId: closed } = (await asAdmin('createRound', {
    templateId: 'community-satisfaction',
    ownerUnitId: 'community-xingfu',
    title: '幸福社区2026年第三季度党组织群众满意度测评（已结束）',
    window: { opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() },
    targets: [{ id: 'b1', name: '幸福社区第一网格党支部', kind: 'unit', unitId: 'b1' }],
  })) as { roundId: string })
  await asAdmin('openRound', { roundId: closed })
  await asAdmin('addChannel', { roundId: closed, name: '幸福社区第一网格居民群' })
  await asAdmin('closeRound', { roundId: closed })
  const pages: [string, string, string][] = [
    ['workbench', '/organizer/pages/workbench/index', '.workbench__round'],
    ['round-open', '/organizer/pages/round/index?roundId=demo-community', '.share__channel'],
    ['round-rosters', '/organizer/pages/round/index?roundId=demo-sanping', '.participation'],
    ['round-closed', `/organizer/pages/round/index?roundId=${closed}`, '.state-tag'],
    ['codes', '/organizer/pages/codes/index?roundId=demo-sanping', '.code-counts__row'],
    ['units', '/organizer/pages/units/index', '.unit-picker__unit'],
    ['invite', '/organizer/pages/invite/index', '.org__chip'],
    ['people', '/organizer/pages/people/index', '.people__holder'],
    ['audit', '/organizer/pages/audit/index', '.audit__entry'],
    ['create', '/organizer/pages/create/index', '.template-option'],
  ]
  const faults: string[] = []
  for (const [name, path, ready] of pages) {
    await visit('admin', path, ready)
    await screenshot(page, `narrow-320-${name}`)
    faults.push(...(await layoutFaults(page)).map((f) => `${name}: ${f}`))
  }
  expect(faults).toEqual([])
})

test('the resident at 320 px: dates whole, and the sticky bar hides nothing', async () => {
  await visit('resident-wang', '/pages/round/index?roundId=demo-community', '.round__go')
  expect(await layoutFaults(page)).toEqual([])
  const bar = page.locator('.round__go')
  // Opaque: no card text shows through it while the list scrolls beneath.
  expect(await bar.evaluate((el) => getComputedStyle(el).backgroundColor)).toMatch(/^rgb\(\d+, \d+, \d+\)$/)
  await page.evaluate(() => {
    const scroller = document.querySelector('.taro_page_show')!
    scroller.scrollTop = scroller.scrollHeight
  })
  await page.waitForTimeout(300)
  await screenshot(page, 'narrow-320-resident-round-end')
  const lastCard = page.locator('.target').last()
  expect(await lastCard.evaluate((card) => {
    const box = card.getBoundingClientRect()
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    return !!hit && card.contains(hit)
  })).toBe(true)
})

test('a closed round lists each channel as one block with its own buttons, and offers no 添加渠道', async () => {
  expect(closed).not.toBe('')
  await visit('admin', `/organizer/pages/round/index?roundId=${closed}`, '.share__channel')
  const channel = page.locator('.share__channel', { hasText: '幸福社区第一网格居民群' })
  await expect(channel.locator('.nut-button', { hasText: '复制链接' }).count()).resolves.toBe(1)
  await expect(channel.locator('.nut-button', { hasText: '海报' }).count()).resolves.toBe(1)
  await expect(button(page, '添加渠道').count()).resolves.toBe(0)
  await expect(page.getByText('新增渠道').count()).resolves.toBe(0)
})
