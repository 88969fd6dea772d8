/**
 * @module Transactions that survive contention. The SDK's runTransaction retries a conflict at
 * once, a few times; under a burst of voters that is not enough, so conflicts that outlast it are
 * retried again after a short random pause. Any other error ends the attempt.
 */
import type { Transaction } from '@cloudbase/database/dist/commonjs/transaction/index'
import { database } from './cloudbase'

export type { Transaction }

const SDK_RETRIES = 2
const ROUNDS = 12
const isConflict = (e: unknown) => (e as { code?: string } | null)?.code === 'DATABASE_TRANSACTION_CONFLICT'

export async function inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return (await database().runTransaction(work, SDK_RETRIES)) as T
    } catch (e) {
      if (!isConflict(e) || round >= ROUNDS) throw e
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * round))
    }
  }
}

export const isDuplicate = (e: unknown) => (e as { code?: string } | null)?.code === 'DATABASE_DUPLICATE_WRITE'
