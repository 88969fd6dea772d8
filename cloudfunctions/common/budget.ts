/**
 * @module Budgets per identity and time window in `limits`: a unit is reserved atomically (an `$inc`
 * whose answer is compared with the limit) BEFORE the costly thing is done, so concurrent requests
 * cannot overdraw it. Content checks of opinions and guesses at the code box both spend from one.
 */
import { database } from './cloudbase'
import { isDuplicate } from './transaction'

export const WINDOW_MS = 10 * 60 * 1000

export const windowOf = (now: Date, windowMs = WINDOW_MS) => Math.floor(now.getTime() / windowMs)

/** What is spent, and how much a window allows. */
export interface BudgetKind {
  kind: string
  limit: number
}

/** A budget in its window, as last seen (`spent` null: no document yet). */
export interface Budget {
  id: string
  window: number
  spent: number | null
}

/** `key`'s budget in the window `now` falls in, not yet read. */
export function budgetIn(key: string, now: Date): Budget {
  const window = windowOf(now)
  return { id: `${key}:${window}`, window, spent: null }
}

export const budgetLeft = (b: Budget, k: BudgetKind) => (b.spent ?? 0) < k.limit

/** Adds to the spent count, creating the window's document when it was not there; answers the new count. */
async function spend(b: Budget, k: BudgetKind, amount: number): Promise<number> {
  const limits = database().collection('limits')
  if (b.spent === null) {
    try {
      await limits.add({ _id: b.id, n: amount, kind: k.kind, window: b.window })
      return (b.spent = amount)
    } catch (e) {
      if (!isDuplicate(e)) throw e
    }
  }
  const { doc } = (await limits.where({ _id: b.id }).updateAndReturn({ n: database().command.inc(amount) })) as { doc: { n: number } }
  return (b.spent = doc.n)
}

/**
 * Reserves one unit; false when the window's budget is spent. The count may pass the limit (a
 * refused reservation is not given back), which only keeps it spent.
 */
export async function reserveBudget(b: Budget, k: BudgetKind): Promise<boolean> {
  return budgetLeft(b, k) && (await spend(b, k, 1)) <= k.limit
}

/** Charges after the fact what needed no reservation (or gives units back, with a negative amount). */
export async function chargeBudget(b: Budget, k: BudgetKind, amount: number): Promise<void> {
  if (amount !== 0) await spend(b, k, amount)
}

/**
 * Budgets of windows that have ended: never read again, and each says when an identity spent (an
 * opinion checked, a refusal, a code guessed), which a dump could hold against other times. The
 * scheduler drops them every minute, so a dump holds the current window's at most.
 */
export async function dropEndedBudgets(now: Date): Promise<void> {
  await database().collection('limits').where({ window: database().command.lt(windowOf(now)) }).remove()
}
