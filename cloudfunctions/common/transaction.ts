/**
 * @module Transactions that survive contention. The SDK's runTransaction retries a conflict at
 * once; under a burst of voters that only collides again, so conflicts are retried after a random
 * pause that doubles each time (full jitter). Any other error ends the attempt.
 */
import type { Transaction } from '@cloudbase/database/dist/commonjs/transaction/index'
import { database } from './cloudbase'

export type { Transaction }

const SDK_RETRIES = 1
const ROUNDS = 16
const BASE_DELAY_MS = 5
const MAX_DELAY_MS = 2000
export const isConflict = (e: unknown) => (e as { code?: string } | null)?.code === 'DATABASE_TRANSACTION_CONFLICT'

export async function inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return (await database().runTransaction(work, SDK_RETRIES)) as T
    } catch (e) {
      if (!isConflict(e) || round >= ROUNDS) throw e
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** round)))
    }
  }
}

export const isDuplicate = (e: unknown) => (e as { code?: string } | null)?.code === 'DATABASE_DUPLICATE_WRITE'
