/** Headless Debian Chromium driven by playwright-core, one fresh profile (browser context) per person. */
import fs from 'node:fs'
import path from 'node:path'
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'

export const SCREENSHOTS = path.resolve(__dirname, '../../test-output/screenshots')

/**
 * One Chromium for the run, launched by the global setup beside the product; each test file connects
 * to it on first use and disconnects after its last test, which closes the contexts it opened. Each
 * person gets a context of their own: a fresh, in-memory profile with its own cookies and storage,
 * as separate as a launch per person was, without paying 1–3 s of browser start-up for each (nor,
 * now, for each file).
 */
let chromiumProcess: Promise<Browser> | undefined
afterAll(async () => {
  const running = chromiumProcess
  chromiumProcess = undefined
  await (await running)?.close()
})

export async function openBrowser(): Promise<BrowserContext> {
  const endpoint = process.env.QUNPING_E2E_BROWSER
  if (!endpoint) throw new Error('QUNPING_E2E_BROWSER is not set: run through jest, whose global setup launches Chromium')
  chromiumProcess ??= chromium.connect(endpoint)
  return (await chromiumProcess).newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
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

export type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }
type Fn = 'organize' | 'report' | 'evaluate'

/** A dev persona signed in to the product's gateway, calling the cloud functions as the app does (for setup and checks beside the page). */
export async function sessionAs(persona: string) {
  const login = await fetch(`${productUrl()}/__dev/login`, { method: 'POST', body: JSON.stringify({ persona }) })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
  const answer = async <T>(fn: Fn, action: string, data: unknown): Promise<Answer<T>> =>
    (await (await fetch(`${productUrl()}/api/${fn}`, { method: 'POST', headers: { cookie }, body: JSON.stringify({ action, data }) })).json()) as Answer<T>
  /** The data of an answer that had to succeed; a refusal fails the test with its code and message. */
  const call = async <T = Record<string, unknown>>(fn: Fn, action: string, data: unknown): Promise<T> => {
    const a = await answer<T>(fn, action, data)
    if (!a.ok) throw new Error(`${action} as ${persona}: ${a.error.code} ${a.error.message}`)
    return a.data
  }
  return { answer, call }
}

/** One call as a persona that has to succeed. */
export const callAs = async <T = Record<string, unknown>>(persona: string, fn: Fn, action: string, data: unknown): Promise<T> => (await sessionAs(persona)).call<T>(fn, action, data)

/** A draft 三评一联 round of 幸福社区 on its first two grid branches (one group, reports written), created as `persona`. */
export async function twoBranchSanping(persona: string, title: string): Promise<string> {
  const branches = [['b1', '幸福社区第一网格党支部'], ['b2', '幸福社区第二网格党支部']]
  return (await callAs<{ roundId: string }>(persona, 'organize', 'createRound', {
    templateId: 'sanping-yilian', ownerUnitId: 'community-xingfu', title,
    window: { opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() },
    targets: branches.map(([id, name]) => ({ id, name, kind: 'unit', unitId: id })),
    groups: [{ id: 'g1', name: '第一组', leadUnitId: 'b1', unitIds: ['b1', 'b2'] }],
    reports: Object.fromEntries(branches.map(([id, name]) => [id, `${name}情况报告`])),
  })).roundId
}
