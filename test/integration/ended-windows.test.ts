/**
 * Records kept per 10-minute window — an identity's budget (`limits`: it voted, or was refused,
 * then) and the burst watch's note (`signals`: the ballots per target and channel counted as the
 * window began) — are dropped or renewed by the scheduler once their window has ended, so a dump holds
 * the current window's at most: none to date a voter or a ballot by afterwards.
 */
import { windowOf } from '../../cloudfunctions/common/budget'
import { database } from '../../cloudfunctions/common/cloudbase'
import { main as scheduler } from '../../cloudfunctions/scheduler'
import { timerContext } from '../../local/gateway'
import type { Runtime } from '../../local/runtime'
import { templateById } from '../../src/core'
import { type Answer, fullBallot, openRound } from '../helpers/rounds'
import { signIn, startTestRuntime } from '../helpers/runtime'

const template = templateById('community-satisfaction')!.ballot
let runtime: Runtime
beforeAll(async () => {
  runtime = await startTestRuntime()
})
afterAll(async () => {
  jest.useRealTimers()
  await runtime.close()
})

const TIMER_EVENT = { Type: 'Timer', TriggerName: 'close-ended-rounds', Time: new Date().toISOString(), Message: '' }
const runScheduler = async () => expect(await scheduler(TIMER_EVENT, timerContext('scheduler'))).toMatchObject({ ok: true })
const kinds = async () => {
  const [limits, signals] = await Promise.all(['limits', 'signals'].map((c) => database().collection(c).limit(1000).get()))
  return [...(limits.data as { kind: string }[]).map((d) => `limits ${d.kind}`), ...(signals.data as { kind: string }[]).map((d) => `signals ${d.kind}`)].sort()
}

test('a window’s budgets and burst counts stay while it lasts, and are gone after it has ended', async () => {
  const roundId = await openRound(runtime)
  const start = Date.now()
  jest.useFakeTimers({ now: start, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'] })
  const resident = await signIn(runtime, 'voter-801')
  await resident.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
  const sent = await resident.call<Answer>('evaluate', { action: 'submit', data: { roundId, channel: 'grid-1', ballots: [fullBallot(template, 't1', 0, '路灯修好了')] } })
  expect(sent).toMatchObject({ ok: true, data: { outcomes: [{ status: 'recorded' }] } })
  // A wrong code typed in the box spends a guess.
  expect(await resident.call('evaluate', { action: 'redeem', data: { code: 'ZZZZZZZZ' } })).toMatchObject({ ok: false })
  // The burst watch's note of the window is the scheduler's, taken on its first pass in the window.
  await runScheduler()
  const during = await kinds()
  expect(during).toEqual(expect.arrayContaining(['limits code-guess', 'limits submit', 'signals burst-count']))
  await runScheduler()
  expect(await kinds()).toEqual(during)

  jest.setSystemTime(start + 10 * 60_000)
  await runScheduler()
  expect((await kinds()).filter((k) => k.startsWith('limits'))).toEqual([])
  // A round still open has its burst note again, of the new window only: nothing of the ended one.
  const notes = (await database().collection('signals').where({ kind: 'burst-count' }).get()).data as { window: number }[]
  expect(notes.map((n) => n.window)).toEqual([windowOf(new Date())])
}, 60_000)
