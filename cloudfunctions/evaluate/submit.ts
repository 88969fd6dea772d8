/** @module A matrix submission: each target checked and recorded on its own, each outcome reported. */
import type { TargetOutcome } from '../../src/api/evaluate'
import { acceptsBallots, type BallotInput, domainError, validateBallot, type ValidBallot } from '../../src/core'
import { database } from '../common/cloudbase'
import { orRefuse, refuse } from '../common/refuse'
import { RoundDoc } from '../common/rounds'
import { budgetLeft, chargeBudget, reserveBudget, submitBudget } from './abuse'
import { castBallot, existingReceipt } from './cast'
import { enrolmentOf } from './enrolment'
import { groupKey, voterKey } from './keys'
import { shownToResidents } from './view'
import { checkOpinion, rememberedRisky } from './opinion'

export interface SubmitContext {
  openid: string
  channel?: string
  openGroupId?: string
  now: Date
}

/** The round, the voter's enrolment in it and their budget, in one request (three documents joined). */
async function loadSubmission(roundId: string, openid: string, now: Date) {
  const budget = submitBudget(openid, now)
  const { data } = (await database()
    .collection('rounds')
    .aggregate()
    .match({ _id: roundId })
    .lookup({ from: 'enrolments', pipeline: [{ $match: { _id: voterKey(roundId, openid) } }], as: 'enrolment' })
    .lookup({ from: 'limits', pipeline: [{ $match: { _id: budget.id } }], as: 'budget' })
    .end()) as { data: { enrolment: unknown[]; budget: { n: number }[] }[] }
  const found = data[0] ?? refuse(domainError('ROUND_NOT_FOUND'))
  const doc = shownToResidents(RoundDoc.parse(found))
  return {
    doc,
    enrolment: found.enrolment[0] ? enrolmentOf(doc, found.enrolment[0]) : null,
    budget: { ...budget, spent: found.budget[0]?.n ?? null },
  }
}

export async function submit(roundId: string, ballots: BallotInput[], { openid, channel, openGroupId, now }: SubmitContext): Promise<TargetOutcome[]> {
  const { doc, enrolment: found, budget } = await loadSubmission(roundId, openid, now)
  orRefuse(acceptsBallots(doc.round, now))
  const enrolment = found ?? refuse(domainError('NOT_ENROLLED'))
  const spentBefore = !budgetLeft(budget)
  // A link may outlive its channel: the ballot still counts, unattributed.
  const channelId = doc.round.channels.some((c) => c.id === channel) ? channel : undefined
  const group = openGroupId ? groupKey(doc._id, openGroupId) : undefined

  /**
   * One target: its outcome, and whether it is a refusal still to be charged to the budget. A
   * content check is paid for before it is made; a ballot without opinion costs nothing, since its
   * receipt lets it be recorded only once.
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
    return [await record(ballot), false]
  }

  async function record(ballot: ValidBallot): Promise<TargetOutcome> {
    const { targetId } = ballot
    const cast = await castBallot(doc, openid, { categoryId: enrolment.categoryId, channelId, groupKey: group, ballot })
    // Closed while this request was under way: the close's seal refused it.
    if (cast.status === 'closed') return { targetId, status: 'refused', error: domainError('ROUND_NOT_OPEN') }
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
