/**
 * A round's lifecycle only moves forward, whatever organisers do at the same moment: random edits
 * (channels, titles, the closing time, self-reports and their approval) and ballots, raced against
 * open, close and publish. Watched from outside while it happens, the state never goes back, and
 * once a close has answered `closed`, no ballot submitted afterwards is recorded (issue 8, finding 2).
 */
import fc from 'fast-check'
import type { Runtime } from '../../local/runtime'
import { builtinTemplates, type RoundState } from '../../src/core'
import { type Answer, fullBallot, openRound, TARGETS } from '../helpers/rounds'
import { type Session, signIn, startTestRuntime } from '../helpers/runtime'
import { storedDocs } from '../helpers/store'

const ORDER: RoundState[] = ['draft', 'open', 'closed', 'published', 'archived']
const VOTERS = 6
const template = builtinTemplates.find((t) => t.id === 'community-satisfaction')!.ballot

let runtime: Runtime
let admin: Session
let voters: Session[]
beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  voters = await Promise.all(Array.from({ length: VOTERS }, (_, i) => signIn(runtime, `voter-${700 + i}`)))
})
afterAll(() => runtime.close())

const step = fc.oneof(
  fc.record({ kind: fc.constantFrom('addChannel', 'retitle', 'extend', 'writeReport', 'approveReport', 'open', 'close', 'publish') }),
  fc.record({ kind: fc.constant('vote'), voter: fc.integer({ min: 0, max: VOTERS - 1 }), target: fc.constantFrom(...TARGETS.map((t) => t.id)) }),
)
const timed = fc.record({ step, delayMs: fc.integer({ min: 0, max: 40 }) })
type Step = { kind: string; voter?: number; target?: string }

const organize = (action: string, data: unknown) => admin.call<Answer<Record<string, unknown>>>('organize', { action, data })
const recorded = (a: Answer) => (a.ok ? (a.data as { outcomes: { status: string }[] }).outcomes.filter((o) => o.status === 'recorded').length : 0)

test('the lifecycle never moves backwards and no ballot is recorded after a close answered', async () => {
  await fc.assert(
    fc.asyncProperty(fc.boolean(), fc.array(timed, { minLength: 4, maxLength: 16 }), async (startOpen, plan) => {
      const roundId = await openRound(runtime, {}, startOpen)
      const detail = await organize('getRound', { roundId })
      if (!detail.ok) throw new Error(detail.error.message)
      const { opensAt, closesAt } = detail.data.window as { opensAt: string; closesAt: string }
      let closedAnswered = false
      const lateBallots: Answer[] = []
      let ballots = 0
      const run = async ({ kind, voter, target }: Step, i: number): Promise<void> => {
        if (kind === 'addChannel') await organize('addChannel', { roundId, name: `群${i}` })
        if (kind === 'retitle') await organize('updateRound', { roundId, patch: { title: `标题${i}` } })
        if (kind === 'extend') await organize('updateRound', { roundId, patch: { window: { opensAt, closesAt: new Date(Date.parse(closesAt) + i * 60_000).toISOString() } } })
        if (kind === 'writeReport') await organize('writeReport', { roundId, targetId: 't1', text: `报告${i}` })
        if (kind === 'approveReport') {
          const read = await organize('getRound', { roundId })
          const revision = read.ok ? ((read.data.reports as Record<string, { revision: number }>).t1?.revision ?? 0) : 0
          await organize('approveReport', { roundId, targetId: 't1', revision })
        }
        if (kind === 'open') await organize('openRound', { roundId })
        if (kind === 'publish') await organize('publishRound', { roundId })
        if (kind === 'close') {
          const answer = await organize('closeRound', { roundId })
          if (answer.ok) closedAnswered = true
        }
        if (kind === 'vote') {
          const after = closedAnswered
          // Refused unless the round is open; choosing the same category again is harmless.
          await voters[voter!].call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
          const answer = await voters[voter!].call<Answer>('evaluate', { action: 'submit', data: { roundId, ballots: [fullBallot(template, target!)] } })
          ballots += recorded(answer)
          if (after) lateBallots.push(answer)
        }
      }

      const seen: RoundState[] = []
      let done = false
      const watch = (async () => {
        while (!done) {
          const answer = await organize('getRound', { roundId })
          if (answer.ok) seen.push(answer.data.state as RoundState)
        }
      })()
      await Promise.all(plan.map(({ step: s, delayMs }, i) => new Promise((r) => setTimeout(r, delayMs)).then(() => run(s, i))))
      done = true
      await watch
      const final = await organize('getRound', { roundId })
      if (!final.ok) throw new Error(final.error.message)
      seen.push(final.data.state as RoundState)

      const ranks = seen.map((s) => ORDER.indexOf(s))
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
      if (closedAnswered) expect(ORDER.indexOf(final.data.state as RoundState)).toBeGreaterThanOrEqual(ORDER.indexOf('closed'))
      expect(lateBallots.map(recorded)).toEqual(lateBallots.map(() => 0))
      // And a ballot sent once everything has settled is refused too.
      if (closedAnswered) {
        const settled = await voters[0].call<Answer>('evaluate', { action: 'submit', data: { roundId, ballots: [fullBallot(template, 't2')] } })
        expect(settled).toMatchObject({ ok: false, error: { code: 'ROUND_NOT_OPEN' } })
      }
      expect(storedDocs(runtime, 'ballots').filter((b) => b.roundId === roundId).flatMap((pool) => pool.ballots as unknown[])).toHaveLength(ballots)
    }),
    { numRuns: 12 },
  )
}, 300_000)
