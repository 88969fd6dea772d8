/**
 * @module A counter document incremented atomically and created on first use; answers the new
 * count. A single-document update needs no transaction, so bumps never conflict, however hot.
 */
import { database } from './cloudbase'
import { isDuplicate } from './transaction'

export async function bump(collection: string, id: string, fields: Record<string, unknown>, by = 1): Promise<number> {
  const coll = database().collection(collection)
  for (;;) {
    const { doc } = (await coll.where({ _id: id }).updateAndReturn({ n: database().command.inc(by) })) as { doc: { n: number } | null }
    if (doc) return doc.n
    try {
      await coll.add({ _id: id, n: by, ...fields })
      return by
    } catch (e) {
      if (!isDuplicate(e)) throw e
    }
  }
}
