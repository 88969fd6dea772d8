/**
 * No ballot lands after a close: voters submit while the organiser (or the scheduler, at the end
 * of the window) closes the round. Whatever the interleaving, every ballot answered `recorded` is
 * in the stored final result, nothing is recorded for a submit begun after the close answered,
 * the stored result equals a recount of the ballots (never flagged), and receipts equal ballots.
 */
import { performance } from 'node:perf_hooks'
import { database } from '../../cloudfunctions/common/cloudbase'
import { storedBallots } from '../../cloudfunctions/common/ballots'
import { countersDigest, storedMark } from '../../cloudfunctions/common/results'
import { recount } from '../../cloudfunctions/common/recount'
import { RoundDoc } from '../../cloudfunctions/common/rounds'
import { main as scheduler } from '../../cloudfunctions/scheduler'
import { timerContext } from '../../local/gateway'
import type { Runtime } from '../../local/runtime'
import { builtinTemplates, type Counters } from '../../src/core'
import { type Answer, fullBallot, openRound } from '../helpers/rounds'
import { type Session, signIn, startTestRuntime } from '../helpers/runtime'
import { storedDocs } from '../helpers/store'

let runtime: Runtime
let admin: Session
beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
})
afterAll(() => runtime.close())

const template = builtinTemplates.find((t) => t.id === 'community-satisfaction')!.ballot
const VOTED = ['t1', 't2']
const VOTERS = 24
const RUNS = 4

type Outcome = { targetId: string; status: string }
const ok = <T>(answer: Answer<T>): T => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.data
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let personas = 0
async function enrolled(roundId: string, count: number): Promise<Session[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const voter = await signIn(runtime, `voter-${9000 + ++personas}`)
      ok(await voter.call<Answer>('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } }))
      return voter
    }),
  )
}

/** Each voter submits after its own random pause; when each began and what it was answered. */
function submitting(roundId: string, voters: Session[], spreadMs: number) {
  return voters.map(async (voter) => {
    await sleep(Math.random() * spreadMs)
    const startedAt = performance.now()
    const ballots = VOTED.map((t, i) => fullBallot(template, t, i))
    const answer = await voter.call<Answer<{ outcomes: Outcome[] }>>('evaluate', { action: 'submit', data: { roundId, ballots } })
    return { startedAt, outcomes: answer.ok ? answer.data.outcomes : [] }
  })
}

async function assertSealed(roundId: string, closedAt: number, submits: { startedAt: number; outcomes: Outcome[] }[]) {
  const doc = RoundDoc.parse((await database().collection('rounds').doc(roundId).get()).data[0])
  expect(doc.round.state).toBe('closed')
  const recorded = submits.flatMap((s) => s.outcomes.filter((o) => o.status === 'recorded').map((o) => ({ ...o, startedAt: s.startedAt })))
  // (1) a submit begun after the close answered records nothing.
  expect(recorded.filter((r) => r.startedAt > closedAt)).toEqual([])
  // (3) never flagged: the counters behind the stored result equal the recount.
  expect((await storedMark(roundId))?.mismatch ?? null).toBeNull()
  const stored = storedDocs(runtime, 'results').filter((d) => d.roundId === roundId && d.basis === 'stored' && d.kind === 'target')
  for (const targetId of VOTED) {
    const counters = stored.find((d) => d.targetId === targetId)!.counters as Counters
    // (2) every `recorded` answer is in the stored final result, and nothing else is.
    expect(counters.ballots).toBe(recorded.filter((r) => r.targetId === targetId).length)
    expect(countersDigest(counters)).toBe(countersDigest(await recount(doc.round, targetId)))
    // (4) one receipt per stored ballot.
    const receipts = storedDocs(runtime, 'receipts').filter((r) => r.roundId === roundId && r.targetId === targetId)
    expect(receipts).toHaveLength((await storedBallots(roundId, targetId)).length)
  }
  return recorded.length
}

test('ballots racing the organiser’s close are either in the stored result or refused', async () => {
  let recordedTotal = 0
  for (let run = 0; run < RUNS; run++) {
    const roundId = await openRound(runtime, { shards: 2 })
    const voters = await enrolled(roundId, VOTERS)
    const submits = submitting(roundId, voters, 80)
    await sleep(20 + Math.random() * 40)
    ok(await admin.call<Answer>('organize', { action: 'closeRound', data: { roundId } }))
    const closedAt = performance.now()
    recordedTotal += await assertSealed(roundId, closedAt, await Promise.all(submits))
  }
  // The race was real: some ballots were recorded, some refused.
  expect(recordedTotal).toBeGreaterThan(0)
  expect(recordedTotal).toBeLessThan(RUNS * VOTERS * VOTED.length)
})

test('ballots racing the scheduler’s close at the end of the window are either in the stored result or refused', async () => {
  let recordedTotal = 0
  for (let run = 0; run < RUNS; run++) {
    const roundId = await openRound(runtime, { shards: 2 })
    const voters = await enrolled(roundId, VOTERS)
    const endsAt = Date.now() + 30 + Math.random() * 30
    await database().collection('rounds').doc(roundId).update({ 'round.window.closesAt': new Date(endsAt).toISOString() })
    const submits = submitting(roundId, voters, 60)
    await sleep(endsAt - Date.now() + 1)
    const fired = (await scheduler({ Type: 'Timer', TriggerName: 'close-ended-rounds' }, timerContext('scheduler'))) as Answer<{ closed: string[] }>
    expect(ok(fired).closed).toContain(roundId)
    const closedAt = performance.now()
    recordedTotal += await assertSealed(roundId, closedAt, await Promise.all(submits))
  }
  expect(recordedTotal).toBeGreaterThan(0)
})
