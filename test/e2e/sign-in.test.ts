/** A new user opens what `npm start` serves, signs in as a persona and sees the app. */
import fs from 'node:fs'
import type { BrowserContext } from 'playwright-core'
import { openBrowser, productUrl, screenshot } from './browser'

let browser: BrowserContext
beforeAll(async () => {
  browser = await openBrowser()
})
afterAll(() => browser.close())

test('a resident signs in with a persona and sees the home page with their number', async () => {
  const page = await browser.newPage()
  await page.goto(productUrl())
  await page.getByText('本地体验：请选择身份登录').waitFor()
  await screenshot(page, 'sign-in-01-personas')

  await page.locator('.nut-cell', { hasText: '张阿姨' }).locator('.nut-button').click()
  await page.getByText('我的编号').waitFor()
  const tag = await page.locator('.home__tag .qp-row__extra').innerText()
  expect(tag).toMatch(/^[0-9A-F]{8}$/)
  expect(fs.existsSync(await screenshot(page, 'sign-in-02-home'))).toBe(true)

  // The session survives a reload: the identity lives in the signed cookie, not the page.
  await page.reload()
  await page.getByText('我的编号').waitFor()
  expect(await page.locator('.home__tag .qp-row__extra').innerText()).toBe(tag)
})
