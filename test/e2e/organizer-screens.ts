/** Locating things on the organiser's screens, shared by the organiser journeys. */
import type { Page } from 'playwright-core'
import { screenshot as save } from './browser'

/**
 * Taro's page transition has settled: the page is no wider than the screen (mid-slide it is) and no
 * transition or finite animation is still running (a loading spinner's never ends). It was a fixed
 * 300 ms after the width, on every one of some sixty screenshots.
 */
export async function settled(page: Page) {
  await page.waitForFunction(
    () => document.documentElement.scrollWidth <= window.innerWidth && document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  )
}

/** A screenshot once the page has settled. */
export async function settledScreenshot(page: Page, name: string) {
  await settled(page)
  return save(page, name)
}

export const chip = (page: Page, text: string | RegExp) => page.locator('.org__chip', { hasText: text })

/** A unit of the tree picker by its exact name (幸福社区, not 幸福社区第一网格). */
export const unit = (page: Page, name: string) =>
  page.locator('.unit-picker__unit').filter({ has: page.locator('.unit-picker__name', { hasText: new RegExp(`^${name}$`) }) })

export const field = (page: Page, label: string) => page.locator('.org__field', { hasText: label }).locator('input')

/** Taro's H5 modal (Taro.showModal): read its text, then confirm. */
export async function confirmModal(page: Page, says: string | RegExp) {
  const modal = page.locator('.taro__modal')
  await modal.locator('.taro-modal__text', { hasText: says }).waitFor()
  await modal.locator('.taro-modal__foot').getByText('确定').click()
}

/**
 * Turns one wheel of an open NutUI picker (0 = year … 4 = minute) by `steps` rows, up, with a real
 * touch swipe (CDP), as a finger does: NutUI's wheel listens to touch events only. The swipe stops
 * between rows, as a finger does, so the wheel's own snap settles the row.
 */
export async function turnWheel(page: Page, column: number, steps: number) {
  const box = await page.locator('.nut-pickerview-list').nth(column).boundingBox()
  if (!box) throw new Error(`no picker wheel ${column}`)
  const row = 36
  const x = box.x + box.width / 2
  const y = box.y + box.height / 2
  const cdp = await page.context().newCDPSession(page)
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', at?: number) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: at === undefined ? [] : [{ x, y: at }] })
  const distance = steps * row + row / 3
  await touch('touchStart', y)
  for (let i = 1; i <= 8; i++) {
    await touch('touchMove', y - (distance * i) / 8)
    await page.waitForTimeout(60)
  }
  await touch('touchEnd')
  await cdp.detach()
  // The wheel settles on its row (a short transition), then confirming takes that row.
  await page.waitForTimeout(1200)
}
