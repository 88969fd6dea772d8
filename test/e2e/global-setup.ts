/** One product instance for every browser test, built and started by `npm start` as a user would, and one Chromium they all drive. */
import { chromium } from 'playwright-core'
import { startProduct } from './product'

export default async function globalSetup() {
  const started = Date.now()
  const [product, browser] = await Promise.all([
    startProduct(),
    chromium.launchServer({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }),
  ])
  process.env.QUNPING_PROFILE_SETUP_MS = String(Date.now() - started)
  process.env.QUNPING_E2E_URL = product.url
  process.env.QUNPING_E2E_BROWSER = browser.wsEndpoint()
  Object.assign(globalThis, { qunpingProduct: product, qunpingBrowser: browser })
}
