/** Closing a round early makes that moment its real end: residents are told when it actually ended, not the planned date. */
import type { Runtime } from '../../local/runtime'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'
import { openRound } from '../helpers/rounds'

type Window = { opensAt: string; closesAt: string }
let runtime: Runtime
let admin: Session
const call = <T>(s: Session, fn: string, action: string, input: unknown) => s.call<Answer<T>>(fn, { action, data: input })

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
})
afterAll(() => runtime.close())

test('an early close sets the end to the moment of closing, for the organiser and the resident alike', async () => {
  const roundId = await openRound(runtime)
  const planned = data(await call<{ window: Window }>(admin, 'organize', 'getRound', { roundId })).window
  const before = Date.now()
  data(await call(admin, 'organize', 'closeRound', { roundId }))
  const after = Date.now()
  const closed = data(await call<{ window: Window; state: string }>(admin, 'organize', 'getRound', { roundId }))
  expect(closed.state).toBe('closed')
  expect(closed.window.opensAt).toBe(planned.opensAt)
  expect(Date.parse(closed.window.closesAt)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
  expect(Date.parse(closed.window.closesAt)).toBeLessThanOrEqual(after)
  expect(closed.window.closesAt).toMatch(/\+08:00$/)
  const resident = await signIn(runtime, 'voter-701')
  const seen = data(await call<{ round: { window: Window; windowStatus: string } }>(resident, 'evaluate', 'getRound', { roundId }))
  expect(seen.round).toMatchObject({ window: closed.window, windowStatus: 'ended' })
})
