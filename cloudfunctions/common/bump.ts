/** @module A counter document incremented atomically, created on first use; answers the new count. */
import { database } from './cloudbase'
import { inTransaction } from './transaction'

export async function bump(collection: string, id: string, fields: Record<string, unknown>): Promise<number> {
  return inTransaction(async (tx) => {
    const ref = tx.collection(collection).doc(id)
    const { data } = (await ref.get()) as { data: { n: number } | null }
    if (data) await ref.update({ n: database().command.inc(1) })
    else await tx.collection(collection).add({ _id: id, n: 1, ...fields })
    return (data?.n ?? 0) + 1
  })
}
