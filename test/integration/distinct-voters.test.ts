/**
 * Participation counts people as well as ballots: a voter rating four targets is one voter, a
 * retried or repeated submission is not a second one, and two people are two.
 */
import { FUNCTIONS } from '../../local/functions'
import { DEMO_SANPING_ID, seedDemo } from '../../local/demo'
import type { Runtime } from '../../local/runtime'
import { templateById } from '../../src/core'
import { fullBallot } from '../helpers/rounds'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

type Figures = { ballots: number; voters: number | null }

let runtime: Runtime
let admin: Session
const codes: { category: string; code: string }[] = []
const call = <T>(s: Session, fn: string, action: string, data: unknown) => s.call<Answer<T>>(fn, { action, data })
const template = () => templateById('sanping-yilian')!.ballot
const figures = async () => data(await call<Figures>(admin, 'organize', 'participation', { roundId: DEMO_SANPING_ID }))
const dashboardVoters = async () => data(await call<{ participation: Figures }>(admin, 'report', 'roundResults', { roundId: DEMO_SANPING_ID })).participation.voters

async function voter(name: string, codeIndex: number) {
  const s = await signIn(runtime, name)
  const enrolment = data(await call<{ eligibleTargetIds: string[] }>(s, 'evaluate', 'redeem', { code: codes.filter((c) => c.category === '全评参评人员')[codeIndex].code }))
  const submit = (targetIds: string[]) => call<{ outcomes: { status: string }[] }>(s, 'evaluate', 'submit', { roundId: DEMO_SANPING_ID, ballots: targetIds.map((t) => fullBallot(template(), t)) })
  return { session: s, targets: enrolment.eligibleTargetIds, submit }
}

beforeAll(async () => {
  runtime = await startTestRuntime()
  codes.push(...((await seedDemo(FUNCTIONS.organize, runtime.login.openidOf('admin'))) ?? []))
  admin = await signIn(runtime, 'admin')
})
afterAll(() => runtime.close())

test('one person rating every target is one voter beside one ballot per target; repeats and a second person are counted right', async () => {
  const before = await figures()
  const first = await voter('voter-71', 0)
  const [one, ...rest] = first.targets
  data(await first.submit([one]))
  expect(await figures()).toEqual(expect.objectContaining({ ballots: before.ballots + 1, voters: before.voters! + 1 }))
  // The same person's later ballots, and a replay of the first, add ballots but no person.
  data(await first.submit(rest))
  const replay = data(await first.submit([one]))
  expect(replay.outcomes[0].status).toBe('already-voted')
  expect(await figures()).toEqual(expect.objectContaining({ ballots: before.ballots + 4, voters: before.voters! + 1 }))

  // Two submissions of one person racing: still one person.
  const second = await voter('voter-72', 1)
  await Promise.all([second.submit(second.targets.slice(0, 2)), second.submit(second.targets.slice(2))])
  expect(await figures()).toEqual(expect.objectContaining({ ballots: before.ballots + 8, voters: before.voters! + 2 }))
  expect(await dashboardVoters()).toBe(before.voters! + 2)
})

test('a person whose every ballot is refused is not counted', async () => {
  const before = await figures()
  const s = await voter('voter-73', 2)
  const refused = data(await call<{ outcomes: { status: string }[] }>(s.session, 'evaluate', 'submit', { roundId: DEMO_SANPING_ID, ballots: [{ ...fullBallot(template(), s.targets[0]), targetId: 'no-such-target' }] }))
  expect(refused.outcomes[0].status).toBe('refused')
  expect((await figures()).voters).toBe(before.voters)
})
