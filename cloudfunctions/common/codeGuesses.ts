/**
 * @module Guesses at the 输入邀请码 box, bounded per identity with the same budget as content checks:
 * a unit is reserved before a typed code is looked up, so a burst of concurrent guesses cannot
 * overdraw it, and given back when the code was good, so only wrong guesses use it up. Eight
 * characters of 31 make a lucky guess unlikely; the budget keeps a script from making millions.
 */
import { domainError } from '../../src/core'
import { type Budget, budgetIn, type BudgetKind, chargeBudget, reserveBudget } from './budget'
import { keyedHash } from './keyed'
import { refuse } from './refuse'

/** Wrong codes an identity may type in ten minutes: a slip misread a few times, never a scan of the code space. */
export const MAX_CODE_GUESSES_PER_WINDOW = 10

const GUESSES: BudgetKind = { kind: 'code-guess', limit: MAX_CODE_GUESSES_PER_WINDOW }

/** Its own purpose, so the record of someone's guesses links to none of their other pseudonyms. */
const guessBudget = (openid: string, now: Date): Budget => budgetIn(keyedHash('code-guess', openid), now)

/** Runs one look-up of a typed code under the caller's budget; refused once ten went wrong in this window. */
export async function guessed<T>(openid: string, now: Date, lookUp: () => Promise<T>): Promise<T> {
  const budget = guessBudget(openid, now)
  if (!(await reserveBudget(budget, GUESSES))) refuse(domainError('TOO_MANY_CODE_GUESSES'))
  const answer = await lookUp()
  await chargeBudget(budget, GUESSES, -1)
  return answer
}
