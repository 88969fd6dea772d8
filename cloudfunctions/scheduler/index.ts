/**
 * @module Runs each minute on a CloudBase timer trigger (scripts/functions.ts): closes every open round
 * whose window has ended and stores its final results, stores them for any closed round whose
 * close was cut short, notes each open round's ballots as the day begins (for today's count),
 * watches each open round for bursts of identical ballots (evaluate/bursts.ts), folds each open
 * round's live figures into the one document dashboards read (common/results.ts), drops the
 * per-identity budgets and burst notes of ended 10-minute windows, and sends the rectification
 * reminders that fell due (organize/ledger/reminders.ts).
 * Any function can be called by a client, so every invocation that the platform did not start on
 * its timer trigger is refused, judged from the context alone (`isTimerTrigger`).
 */
import { apiError, type ApiResult } from '../../src/api'
import { windowStatus } from '../../src/core'
import { audit } from '../common/audit'
import { database, ensureCollections } from '../common/cloudbase'
import { isTimerTrigger } from '../common/identity'
import { dropEndedBudgets } from '../common/budget'
import { dropLiveFigures, foldLive, storedMark, storeFinalResults } from '../common/results'
import { dropEndedBurstCounts, watchBursts } from '../evaluate/bursts'
import { RoundDoc } from '../common/rounds'
import { roundCounters, turnoutFields } from '../organize/counters'
import { remindDue } from '../organize/ledger/reminders'

/** Stands for the timer in the audit log. */
const SCHEDULER = 'scheduler'

/** A pass over a round open and running: one read of its counters serves the burst watch and the live figures (with the day's note). */
export async function passOpen(doc: RoundDoc, now: Date): Promise<void> {
  const counters = await roundCounters(doc._id, turnoutFields(doc.round))
  await watchBursts(doc._id, now, counters)
  await foldLive(doc, now, counters)
}

async function run(now: Date) {
  await dropEndedBudgets(now)
  const _ = database().command
  const { data } = await database().collection('rounds').where({ 'round.state': _.in(['open', 'closed']) }).limit(1000).get()
  const closed: string[] = []
  const stored: string[] = []
  for (const doc of (data as unknown[]).map((d) => RoundDoc.parse(d))) {
    if (doc.round.state === 'open') {
      if (windowStatus(doc.round, now) !== 'ended') {
        await passOpen(doc, now)
        continue
      }
      // Conditional, as a manual close is: whoever moves the round first, the other finds nothing to do.
      // It bumps the version as every write of a round does, or an edit computed on the open round would write it back open.
      const { updated } = (await database().collection('rounds').where({ _id: doc._id, 'round.state': 'open' }).update({ 'round.state': 'closed', version: _.inc(1) })) as { updated: number }
      if (!updated) continue
      await audit(SCHEDULER, { action: 'closeRound', subject: doc._id, unitId: doc.ownerUnitId, before: { state: 'open' }, after: { state: 'closed', by: '评议时间结束，自动结束' } }, now)
      closed.push(doc._id)
    } else if (await storedMark(doc._id)) {
      // A live refresh in flight at the close may have written after the live documents were dropped.
      await dropLiveFigures(doc._id)
      continue
    }
    await storeFinalResults(doc, SCHEDULER, now)
    stored.push(doc._id)
  }
  // After the watch above, which notes each open round's new window first.
  await dropEndedBurstCounts(now)
  return { closed, stored, reminded: await remindDue(now) }
}

export async function main(_event: unknown, context: unknown): Promise<ApiResult<{ closed: string[]; stored: string[]; reminded: number }>> {
  if (!isTimerTrigger(context)) return { ok: false, error: apiError('FORBIDDEN', '只有定时任务可以运行') }
  try {
    await ensureCollections()
    return { ok: true, data: await run(new Date()) }
  } catch (e) {
    console.error('scheduler failed', e)
    return { ok: false, error: apiError('INTERNAL') }
  }
}
