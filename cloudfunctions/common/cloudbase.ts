/**
 * @module The one CloudBase app of a function instance. It targets the environment the function
 * runs in; where that is (Tencent's, or the local one) is the runtime's business, never ours.
 */
import tcb from '@cloudbase/node-sdk'
import { COLLECTIONS } from './collections'

let app: ReturnType<typeof tcb.init> | undefined
let collectionsReady: Promise<void> | undefined

export function cloudbase() {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, throwOnCode: true })
  return app
}

export const database = () => cloudbase().database()

/** Creates our collections once per instance; CloudBase refuses writes to collections that do not exist. */
export function ensureCollections(): Promise<void> {
  collectionsReady ??= (async () => {
    const db = database()
    for (const name of COLLECTIONS) {
      try {
        await db.createCollection(name)
      } catch (e) {
        if ((e as { code?: string }).code !== 'DATABASE_COLLECTION_ALREADY_EXIST') throw e
      }
    }
  })().catch((e) => {
    collectionsReady = undefined
    throw e
  })
  return collectionsReady
}
