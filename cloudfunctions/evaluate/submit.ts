/** @module A matrix submission: each target checked and recorded on its own, each outcome reported. */
import type { TargetOutcome } from '../../src/api/evaluate'
import { acceptsBallots, type BallotInput, channelKind, domainError, sessionRefusal, validateBallot, type ValidBallot } from '../../src/core'
import { database } from '../common/cloudbase'
import { orRefuse, refuse } from '../common/refuse'
import { RoundDoc } from '../common/rounds'
import { SessionDoc } from '../common/sessions'
import { budgetLeft, chargeBudget, reserveBudget, submitBudget } from './abuse'
import { castBallot, existingReceipt } from './cast'
import { enrolmentOf } from './enrolment'
import { sessionGuard } from './meeting'
import { groupKey, voterKey } from './keys'
import { shownToResidents } from './view'
import { checkOpinion, rememberedRisky } from './opinion'

export interface SubmitContext {
  openid: string
  channel?: string
  openGroupId?: string
  now: Date
}

/** The round, the voter's enrolment in it, their budget and the link's meeting session, in one request (four documents joined). */
async function loadSubmission(roundId: string, openid: string, channel: string | undefined, now: Date) {
  const budget = submitBudget(openid, now)
  const { data } = (await database()
    .collection('rounds')
    .aggregate()
    .match({ _id: roundId })
    .lookup({ from: 'enrolments', pipeline: [{ $match: { _id: voterKey(roundId, openid) } }], as: 'enrolment' })
    .lookup({ from: 'limits', pipeline: [{ $match: { _id: budget.id } }], as: 'budget' })
    .lookup({ from: 'sessions', pipeline: [{ $match: { _id: channel ?? '', roundId } }], as: 'session' })
    .end()) as { data: { enrolment: unknown[]; budget: { n: number }[]; session: unknown[] }[] }
  const found = data[0] ?? refuse(domainError('ROUND_NOT_FOUND'))
  const doc = shownToResidents(RoundDoc.parse(found))
  return {
    doc,
    enrolment: found.enrolment[0] ? enrolmentOf(doc, found.enrolment[0]) : null,
    budget: { ...budget, spent: found.budget[0]?.n ?? null },
    session: found.session[0] ? SessionDoc.parse(found.session[0]) : null,
  }
}

export async function submit(roundId: string, ballots: BallotInput[], { openid, channel, openGroupId, now }: SubmitContext): Promise<TargetOutcome[]> {
  const { doc, enrolment: found, budget, session } = await loadSubmission(roundId, openid, channel, now)
  orRefuse(acceptsBallots(doc.round, now))
  // Refused up front (nothing checked, nothing charged); the cast checks again in its transaction.
  const stopped = session && sessionRefusal(session, now)
  if (stopped) refuse(stopped)
  const enrolment = found ?? refuse(domainError('NOT_ENROLLED'))
  const spentBefore = !budgetLeft(budget)
  // A link may outlive its channel: the ballot still counts, unattributed. Only a share or meeting channel is a
  // link's: one naming the paper channel must not pass an online ballot off as paper.
  const channelId = doc.round.channels.some((c) => c.id === channel && channelKind(c) !== 'paper') ? channel : undefined
  const group = openGroupId ? groupKey(doc._id, openGroupId) : undefined

  /**
   * One target: its outcome, and whether it is still to be charged to the budget (a refusal, or a
   * ballot recorded without opinion). A content check is paid for before it is made; "already
   * voted" costs nothing.
   */
  async function one(input: BallotInput): Promise<[TargetOutcome, boolean]> {
    const { targetId } = input
    const checked = validateBallot(doc.round, input)
    if (!checked.ok) return [{ targetId, status: 'refused', error: checked.error }, true]
    if (!enrolment.eligibleTargetIds.includes(targetId)) return [{ targetId, status: 'refused', error: domainError('TARGET_NOT_ELIGIBLE') }, true]
    const ballot = checked.value
    // The content check is the costly part: never for a ballot already cast, never unpaid.
    const costly = ballot.opinion !== undefined || spentBefore
    if (costly) {
      const receipt = await existingReceipt(doc._id, targetId, openid)
      if (receipt) return [{ targetId, status: 'already-voted', receipt }, false]
    }
    if (ballot.opinion && (await rememberedRisky(ballot.opinion, now))) return [{ targetId, status: 'refused', error: domainError('OPINION_REFUSED') }, true]
    if (costly && !(await reserveBudget(budget))) return [{ targetId, status: 'refused', error: domainError('TOO_MANY_SUBMISSIONS') }, false]
    const problem = ballot.opinion ? await checkOpinion(openid, ballot.opinion, now) : null
    if (problem) return [{ targetId, status: 'refused', error: problem }, false]
    // Cast by a concurrent request meanwhile, it stays paid for: its check was made.
    const outcome = await record(ballot)
    // A ballot recorded without opinion costs its unit after the fact, as one with an opinion paid
    // before: the budget's record then says this identity voted in this window, never that it wrote.
    return [outcome, !costly && outcome.status === 'recorded']
  }

  async function record(ballot: ValidBallot): Promise<TargetOutcome> {
    const { targetId } = ballot
    const guard = session ? sessionGuard(doc, session, openid, enrolment.categoryId, targetId, now) : undefined
    const cast = await castBallot(doc, openid, { categoryId: enrolment.categoryId, channelId, groupKey: group, ballot, guard })
    // Closed while this request was under way: the close's seal refused it.
    if (cast.status === 'closed') return { targetId, status: 'refused', error: domainError('ROUND_NOT_OPEN') }
    // The meeting session ended meanwhile.
    if (cast.status === 'refused') return { targetId, status: 'refused', error: cast.error }
    const { receipt } = cast
    return { targetId, status: cast.status, receipt }
  }

  const results: [TargetOutcome, boolean][] = []
  for (const input of ballots) results.push(await one(input))
  const outcomes = results.map(([o]) => o)
  if (outcomes.every((o) => o.status === 'refused' && o.error.code === 'TOO_MANY_SUBMISSIONS')) refuse(domainError('TOO_MANY_SUBMISSIONS'))
  if (!spentBefore) await chargeBudget(budget, results.filter(([, charge]) => charge).length)
  return outcomes
}
