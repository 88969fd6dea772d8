import { type Product, stopProduct } from './product'

export default async function globalTeardown() {
  const product = (globalThis as { qunpingProduct?: Product }).qunpingProduct
  if (product) stopProduct(product)
}
