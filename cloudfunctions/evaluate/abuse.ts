/**
 * @module Abuse limits. Each identity has a budget of ballots per ten minutes: a content check is
 * paid for by a unit reserved atomically BEFORE it is made, so concurrent requests cannot overdraw
 * it; refusals, and ballots recorded without opinion, are charged after the fact, so a window's
 * record never tells whether its identity wrote an opinion. "Already voted" costs nothing, so a
 * retrying phone is never locked out. A spent budget refuses every new ballot until the window
 * ends. Bursts of identical answers are watched in bursts.ts.
 */
import { type Budget, budgetIn, type BudgetKind, budgetLeft as left, chargeBudget as charge, reserveBudget as reserve } from '../common/budget'
import { rateKey } from './keys'

export const MAX_SUBMITS_PER_WINDOW = 30

const SUBMITS: BudgetKind = { kind: 'submit', limit: MAX_SUBMITS_PER_WINDOW }

export const submitBudget = (openid: string, now: Date): Budget => budgetIn(rateKey(openid), now)

export const budgetLeft = (b: Budget) => left(b, SUBMITS)

/** Reserves one unit for one ballot's content check; false when the window's budget is spent. */
export const reserveBudget = (b: Budget) => reserve(b, SUBMITS)

/** Refusals and ballots without opinion are charged after the fact: they cost no content check. */
export async function chargeBudget(b: Budget, amount: number): Promise<void> {
  if (amount > 0) await charge(b, SUBMITS, amount)
}
