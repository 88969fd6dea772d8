/** Headless Debian Chromium driven by playwright-core, one fresh profile per journey. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'

export const SCREENSHOTS = path.resolve(__dirname, '../../test-output/screenshots')

export async function openBrowser(): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-chromium-'))
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

export function productUrl(): string {
  const url = process.env.QUNPING_E2E_URL
  if (!url) throw new Error('QUNPING_E2E_URL is not set: run through jest, whose global setup starts the product')
  return url
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  const file = path.join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** Fresh browsers (separate cookies: separate people) for one test file, closed with `closeBrowsers`. */
export function browserPool() {
  const open: BrowserContext[] = []
  return {
    async newPage(): Promise<Page> {
      const browser = await openBrowser()
      open.push(browser)
      return browser.newPage()
    },
    close: () => Promise.all(open.map((b) => b.close())),
  }
}

/** Picks a persona on the local sign-in screen (the page must be showing it). */
export async function pickPersona(page: Page, name: string): Promise<void> {
  await page.getByText('本地体验：请选择身份登录').waitFor()
  await page.locator('.nut-cell', { hasText: name }).locator('.nut-button').click()
}

/** NutUI buttons: clicking their inner text is intercepted, so target the button itself. */
export const button = (page: Page, text: string | RegExp): Locator => page.locator('.nut-button', { hasText: text })
