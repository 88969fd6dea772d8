/** @module A matrix submission: each target checked and recorded on its own, each outcome reported. */
import type { TargetOutcome } from '../../src/api/evaluate'
import { acceptsBallots, type BallotInput, domainError, validateBallot } from '../../src/core'
import { orRefuse, refuse } from '../common/refuse'
import type { RoundDoc } from '../common/rounds'
import { checkBudget, spendBudget, watchBurst } from './abuse'
import { castBallot } from './cast'
import { findEnrolment } from './enrolment'
import { groupKey } from './keys'
import { checkOpinion } from './opinion'

export interface SubmitContext {
  openid: string
  channel?: string
  openGroupId?: string
  now: Date
}

export async function submit(doc: RoundDoc, ballots: BallotInput[], { openid, channel, openGroupId, now }: SubmitContext): Promise<TargetOutcome[]> {
  orRefuse(acceptsBallots(doc.round, now))
  const [, found] = await Promise.all([checkBudget(openid, now), findEnrolment(doc, openid)])
  const enrolment = found ?? refuse(domainError('NOT_ENROLLED'))
  // A link may outlive its channel: the ballot still counts, unattributed.
  const channelId = doc.round.channels.some((c) => c.id === channel) ? channel : undefined
  const group = openGroupId ? groupKey(doc._id, openGroupId) : undefined

  const outcomes: TargetOutcome[] = []
  for (const input of ballots) {
    const { targetId } = input
    const checked = validateBallot(doc.round, input)
    if (!checked.ok) {
      outcomes.push({ targetId, status: 'refused', error: checked.error })
      continue
    }
    if (!enrolment.eligibleTargetIds.includes(targetId)) {
      outcomes.push({ targetId, status: 'refused', error: domainError('TARGET_NOT_ELIGIBLE') })
      continue
    }
    const opinionProblem = checked.value.opinion ? await checkOpinion(openid, checked.value.opinion) : null
    if (opinionProblem) {
      outcomes.push({ targetId, status: 'refused', error: opinionProblem })
      continue
    }
    const { recorded, receipt } = await castBallot(doc, openid, { categoryId: enrolment.categoryId, channelId, groupKey: group, ballot: checked.value }, now)
    if (recorded && receipt) {
      outcomes.push({ targetId, status: 'recorded', receipt })
      await watchBurst(doc._id, channelId, checked.value, now).catch((e) => console.error('burst watch failed', e))
    } else outcomes.push({ targetId, status: 'already-voted', receipt })
  }
  await spendBudget(openid, now, outcomes.filter((o) => o.status !== 'already-voted').length)
  return outcomes
}
