import type { BrowserServer } from 'playwright-core'
import { type Product, stopProduct } from './product'

export default async function globalTeardown() {
  const { qunpingProduct, qunpingBrowser } = globalThis as { qunpingProduct?: Product; qunpingBrowser?: BrowserServer }
  if (qunpingProduct) stopProduct(qunpingProduct)
  await qunpingBrowser?.close()
}
