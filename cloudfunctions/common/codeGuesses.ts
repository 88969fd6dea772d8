/**
 * @module Guesses at the 输入邀请码 box, bounded per identity with the same budget as content checks:
 * a unit is reserved before a typed code is looked up, so a burst of concurrent guesses cannot
 * overdraw it, and given back when the code was good, so only wrong guesses use it up. Eight
 * characters of 31 make a lucky guess unlikely; the budget keeps a script from making millions.
 * Beside it, each round has a budget of refusals that tell something about its codes, whoever asks.
 */
import { type DomainError, domainError } from '../../src/core'
import { type Budget, budgetIn, type BudgetKind, budgetLeft, chargeBudget, reserveBudget } from './budget'
import { database } from './cloudbase'
import { keyedHash } from './keyed'
import { refuse } from './refuse'
import { isDuplicate } from './transaction'

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

/**
 * Distinct codes of one round a redemption may be refused on (used up, or of another place than
 * the caller's enrolment) in ten minutes, across all identities: the identity budget alone lets
 * whoever holds the slips learn which are used ten at a time per WeChat account. Only a code's
 * first such refusal counts, ever, so repeating one's own used slip costs the round nothing and
 * pausing it takes this many real codes of it each time.
 */
export const MAX_ROUND_CODE_REFUSALS_PER_WINDOW = 20

const ROUND_REFUSALS: BudgetKind = { kind: 'round-code-refusal', limit: MAX_ROUND_CODE_REFUSALS_PER_WINDOW }

/** In its window like every budget, so the scheduler sweeps it once the window has ended. */
const roundBudget = (roundId: string, now: Date): Budget => budgetIn(`round-code-refusal:${roundId}`, now)

/** Refused while the round's budget is spent: no code of it is redeemed until the window ends. */
export async function roundTakesCodes(roundId: string, now: Date): Promise<void> {
  const budget = roundBudget(roundId, now)
  const { data } = await database().collection('limits').doc(budget.id).get()
  const spent = (data[0] as { n?: number } | undefined)?.n ?? null
  if (!budgetLeft({ ...budget, spent }, ROUND_REFUSALS)) refuse(domainError('ROUND_CODES_PAUSED'))
}

/** Refuses a redemption with `error`, charging the round's budget when this code was never refused before. */
export async function refuseInRound(roundId: string, code: string, now: Date, error: DomainError): Promise<never> {
  try {
    await database().collection('limits').add({ _id: `round-code-refused:${keyedHash('round-code-refused', roundId, code)}`, kind: 'round-code-refused' })
  } catch (e) {
    if (!isDuplicate(e)) throw e
    return refuse(error)
  }
  if (!(await reserveBudget(roundBudget(roundId, now), ROUND_REFUSALS))) refuse(domainError('ROUND_CODES_PAUSED'))
  return refuse(error)
}
