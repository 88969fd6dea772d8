/** One product instance for every browser test: built and started by `npm start`, as a user would. */
import { startProduct } from './product'

export default async function globalSetup() {
  const started = Date.now()
  const product = await startProduct()
  process.env.QUNPING_PROFILE_SETUP_MS = String(Date.now() - started)
  process.env.QUNPING_E2E_URL = product.url
  ;(globalThis as { qunpingProduct?: unknown }).qunpingProduct = product
}
