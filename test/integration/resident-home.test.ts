/** The resident's home: a round says 已评 once every target they may rate is rated, and an ended round keeps their receipts. */
import type { Runtime } from '../../local/runtime'
import { templateById } from '../../src/core'
import { fullBallot, openRound } from '../helpers/rounds'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

type Home = { rounds: { id: string; receipts: number; rated: boolean; windowStatus: string; state: string }[] }
let runtime: Runtime
const call = <T>(s: Session, fn: string, action: string, input: unknown) => s.call<Answer<T>>(fn, { action, data: input })

beforeAll(async () => {
  runtime = await startTestRuntime()
})
afterAll(() => runtime.close())

test('已评 only once every eligible target is rated; after closing, the round is listed with the resident\'s receipts', async () => {
  const roundId = await openRound(runtime)
  const resident = await signIn(runtime, 'voter-801')
  const other = await signIn(runtime, 'voter-802')
  const mine = async (s: Session) => data(await call<Home>(s, 'evaluate', 'listRounds', {})).rounds.find((r) => r.id === roundId)
  expect(await mine(resident)).toMatchObject({ receipts: 0, rated: false })
  data(await call(resident, 'evaluate', 'enrol', { roundId, categoryId: 'residents' }))
  expect(await mine(resident)).toMatchObject({ receipts: 0, rated: false })
  const template = templateById('community-satisfaction')!.ballot
  data(await call(resident, 'evaluate', 'submit', { roundId, ballots: [fullBallot(template, 't1'), fullBallot(template, 't2')] }))
  expect(await mine(resident)).toMatchObject({ receipts: 2, rated: false })
  data(await call(resident, 'evaluate', 'submit', { roundId, ballots: [fullBallot(template, 't3')] }))
  expect(await mine(resident)).toMatchObject({ receipts: 3, rated: true })
  expect(await mine(other)).toMatchObject({ receipts: 0, rated: false })

  data(await call(await signIn(runtime, 'admin'), 'organize', 'closeRound', { roundId }))
  expect(await mine(resident)).toMatchObject({ state: 'closed', windowStatus: 'ended', receipts: 3 })
  const view = data(await call<{ receipts: { targetId: string; code: string }[] }>(resident, 'evaluate', 'getRound', { roundId }))
  expect(view.receipts.map((r) => r.targetId).sort()).toEqual(['t1', 't2', 't3'])
})
