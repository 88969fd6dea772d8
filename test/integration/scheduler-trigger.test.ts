/**
 * Only the timer runs the scheduler. Any function can be called by a client, so every call the
 * platform did not start on the timer trigger is refused, however much its event or its missing
 * identity looks like a timer's; locally the timer fires in-process and `POST /api/scheduler` is a
 * client call like any other.
 */
import { database } from '../../cloudfunctions/common/cloudbase'
import { main as scheduler } from '../../cloudfunctions/scheduler'
import { functionContext, timerContext } from '../../local/gateway'
import type { Runtime } from '../../local/runtime'
import { type Answer, openRound } from '../helpers/rounds'
import { signIn, startTestRuntime } from '../helpers/runtime'

let runtime: Runtime
let roundId: string
beforeAll(async () => {
  runtime = await startTestRuntime()
  roundId = await openRound(runtime)
  // The window is over: a run of the scheduler would close the round.
  await database().collection('rounds').doc(roundId).update({ 'round.window.closesAt': new Date(Date.now() - 1000).toISOString() })
})
afterAll(() => runtime.close())

const TIMER_EVENT = { Type: 'Timer', TriggerName: 'close-ended-rounds', Time: new Date().toISOString(), Message: '' }
const stateOf = async () => ((await database().collection('rounds').doc(roundId).get()).data[0] as { round: { state: string } }).round.state
const refused = { ok: false, error: { code: 'FORBIDDEN' } }

/** A context as the platform would build it, with these environment values. */
const contextWith = (environment: Record<string, string>) => ({ request_id: 'r', function_name: 'scheduler', environment: JSON.stringify(environment) })

test('a client calling the scheduler is refused and closes nothing, whatever it sends and whoever it is', async () => {
  const events = [{}, TIMER_EVENT, { ...TIMER_EVENT, TRIGGER_SRC: 'timer', TCB_SOURCE: 'wx_trigger' }, { ...TIMER_EVENT, environment: '{"TRIGGER_SRC":"timer"}' }, null]
  for (const event of events) {
    expect(await scheduler(event, functionContext('scheduler', undefined))).toMatchObject(refused)
    expect(await scheduler(event, functionContext('scheduler', 'oSomeResident'))).toMatchObject(refused)
  }
  expect(await stateOf()).toBe('open')
})

test('a context without the trigger’s mark, or with a caller or a client in its chain, is refused', async () => {
  const contexts = [
    undefined, null, {}, 'timer',
    contextWith({}),
    contextWith({ TRIGGER_SRC: 'tcb', TCB_SOURCE: 'wx_client' }),
    // A function called by another (the chain names the client that started it).
    contextWith({ TRIGGER_SRC: 'timer', TCB_SOURCE: 'wx_client,scf' }),
    contextWith({ TRIGGER_SRC: 'timer', TCB_SOURCE: 'wx_trigger', WX_OPENID: 'oSomeResident', WX_CONTEXT_KEYS: 'WX_OPENID' }),
  ]
  for (const context of contexts) expect(await scheduler(TIMER_EVENT, context)).toMatchObject(refused)
  expect(await stateOf()).toBe('open')
})

test('POST /api/scheduler is refused, signed in or not, with an empty or a timer-shaped body', async () => {
  const resident = await signIn(runtime, 'voter-1')
  for (const body of [{}, TIMER_EVENT]) {
    const anonymous = await fetch(`${runtime.url}/api/scheduler`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect(await anonymous.json()).toMatchObject(refused)
    expect(await resident.call<Answer>('scheduler', body)).toMatchObject(refused)
  }
  expect(await stateOf()).toBe('open')
})

test('the timer trigger itself runs it and closes the ended round', async () => {
  const fired = (await scheduler(TIMER_EVENT, timerContext('scheduler'))) as Answer<{ closed: string[] }>
  expect(fired).toMatchObject({ ok: true, data: { closed: [roundId] } })
  expect(await stateOf()).toBe('closed')
})
