/** Locating things on the organiser's screens, shared by the organiser journeys. */
import type { Page } from 'playwright-core'
import { screenshot as save } from './browser'

/** A screenshot once Taro's page transition has settled (mid-slide the page is wider than the screen). */
export async function settledScreenshot(page: Page, name: string) {
  await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth)
  await page.waitForTimeout(300)
  return save(page, name)
}

export const chip = (page: Page, text: string | RegExp) => page.locator('.org__chip', { hasText: text })

/** A unit of the tree picker by its exact name (幸福社区, not 幸福社区第一网格). */
export const unit = (page: Page, name: string) =>
  page.locator('.unit-picker__unit').filter({ has: page.locator('.unit-picker__name', { hasText: new RegExp(`^${name}$`) }) })

export const field = (page: Page, label: string) => page.locator('.org__field', { hasText: label }).locator('textarea')

/** Taro's H5 modal (Taro.showModal): read its text, then confirm. */
export async function confirmModal(page: Page, says: string | RegExp) {
  const modal = page.locator('.taro__modal')
  await modal.locator('.taro-modal__text', { hasText: says }).waitFor()
  await modal.locator('.taro-modal__foot').getByText('确定').click()
}
