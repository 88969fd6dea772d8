/** Abuse limits: a budget of costly submits per identity, and bursts of identical answers flagged, never dropped. */
import type { Runtime } from '../../local/runtime'
import { BURST_THRESHOLD, MAX_SUBMITS_PER_WINDOW } from '../../cloudfunctions/evaluate/abuse'
import { builtinTemplates } from '../../src/core'
import { type Answer, fullBallot, openRound } from '../helpers/rounds'
import { signIn, startTestRuntime } from '../helpers/runtime'
import { countersOf, storedDocs } from '../helpers/store'

let runtime: Runtime
beforeAll(async () => {
  runtime = await startTestRuntime()
})
afterAll(() => runtime.close())

const template = builtinTemplates.find((t) => t.id === 'community-satisfaction')!.ballot

test('an identity sending invalid ballots runs out of budget; "already voted" answers cost nothing', async () => {
  const roundId = await openRound(runtime)
  const s = await signIn(runtime, 'voter-1')
  await s.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
  const submit = (ballot: unknown) => s.call<Answer>('evaluate', { action: 'submit', data: { roundId, ballots: [ballot] } })
  expect(await submit(fullBallot(template, 't1'))).toMatchObject({ ok: true })
  for (let i = 0; i < 3 * MAX_SUBMITS_PER_WINDOW; i++) expect(await submit(fullBallot(template, 't1'))).toMatchObject({ ok: true })
  for (let i = 1; i < MAX_SUBMITS_PER_WINDOW; i++) expect(await submit({ ...fullBallot(template, 't2'), items: {} })).toMatchObject({ ok: true })
  expect(await submit(fullBallot(template, 't2'))).toEqual({ ok: false, error: { code: 'TOO_MANY_SUBMISSIONS', message: expect.stringMatching(/频繁/) } })
  expect(countersOf(runtime, roundId, 't2').ballots).toBe(0)
})

test(`${BURST_THRESHOLD} identical ballots through one channel are flagged for review and all still counted`, async () => {
  const roundId = await openRound(runtime)
  const voters = await Promise.all(Array.from({ length: BURST_THRESHOLD }, (_, i) => signIn(runtime, `voter-${100 + i}`)))
  await Promise.all(
    voters.map(async (s) => {
      await s.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
      await s.call('evaluate', { action: 'submit', data: { roundId, channel: 'grid-1', ballots: [fullBallot(template, 't3', 3)] } })
    }),
  )
  expect(countersOf(runtime, roundId, 't3').ballots).toBe(BURST_THRESHOLD)
  const flags = storedDocs(runtime, 'signals').filter((d) => d.kind === 'burst' && d.roundId === roundId)
  expect(flags).toEqual([expect.objectContaining({ channelId: 'grid-1', targetId: 't3', identicalBallots: BURST_THRESHOLD })])
})
