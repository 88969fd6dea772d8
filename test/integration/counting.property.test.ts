/**
 * Counters never drift from ballots: after any concurrent mix of voters, duplicate submits and
 * invalid ballots, the merged counter shards equal a recount of the stored ballots.
 */
import fc from 'fast-check'
import type { Runtime } from '../../local/runtime'
import { applyIncrements, builtinTemplates, type Counters, counterIncrements, emptyCounters, type Round, validateBallot } from '../../src/core'
import { type StoredBallot, storedBallots } from '../../cloudfunctions/common/ballots'
import { RoundDoc } from '../../cloudfunctions/common/rounds'
import { type Answer, fullBallot, openRound, TARGETS } from '../helpers/rounds'
import { signIn, startTestRuntime } from '../helpers/runtime'
import { countersOf, storedDocs } from '../helpers/store'

let runtime: Runtime
beforeAll(async () => {
  runtime = await startTestRuntime()
})
afterAll(() => runtime.close())

const template = builtinTemplates.find((t) => t.id === 'community-satisfaction')!.ballot
const levels = template.scale.levels.length

const submission = fc.record({
  voter: fc.integer({ min: 0, max: 11 }),
  target: fc.constantFrom(...TARGETS.map((t) => t.id), 'bogus'),
  level: fc.integer({ min: 0, max: levels - 1 }),
  invalid: fc.boolean(),
  channel: fc.constantFrom(undefined, 'grid-1', 'grid-x'),
  repeats: fc.integer({ min: 1, max: 3 }),
})

function recount(round: Round, ballots: StoredBallot[], targetId: string): Counters {
  return ballots
    .filter((b) => b.targetId === targetId)
    .reduce<Counters>((c, b) => {
      const valid = validateBallot(round, { targetId: b.targetId, overall: b.overall, items: b.items, ...(b.opinion ? { opinion: b.opinion } : {}) })
      if (!valid.ok) throw new Error(`stored ballot is invalid: ${valid.error.message}`)
      return applyIncrements(c, counterIncrements(round, b.categoryId, valid.value))
    }, emptyCounters())
}

test('merged counter shards equal a recount of the stored ballots, for any concurrent mix', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(submission, { minLength: 1, maxLength: 40 }), async (plan) => {
      const roundId = await openRound(runtime, { shards: 4 })
      const sessions = new Map<number, Awaited<ReturnType<typeof signIn>>>()
      for (const { voter } of plan) {
        if (sessions.has(voter)) continue
        const s = await signIn(runtime, `voter-${voter}`)
        await s.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
        sessions.set(voter, s)
      }
      const answers = await Promise.all(
        plan.flatMap(({ voter, target, level, invalid, channel, repeats }) => {
          const ballot = invalid ? { ...fullBallot(template, target, level), items: {} } : fullBallot(template, target, level)
          return Array.from({ length: repeats }, () => sessions.get(voter)!.call<Answer>('evaluate', { action: 'submit', data: { roundId, channel, ballots: [ballot] } }))
        }),
      )
      expect(answers.every((a) => a.ok)).toBe(true)

      const doc = RoundDoc.parse(storedDocs(runtime, 'rounds').find((d) => d._id === roundId))
      // Read as the recount of the results function reads them.
      const ballots = (await Promise.all(TARGETS.map((t) => storedBallots(roundId, t.id)))).flat()
      for (const target of TARGETS) expect(countersOf(runtime, roundId, target.id)).toEqual(recount(doc.round, ballots, target.id))
      // One ballot per voter and target, exactly those the valid plan asked for.
      const expected = new Set(plan.filter((p) => !p.invalid && p.target !== 'bogus').map((p) => `${p.voter}:${p.target}`))
      expect(ballots).toHaveLength(expected.size)
      expect(storedDocs(runtime, 'receipts').filter((r) => r.roundId === roundId)).toHaveLength(expected.size)
    }),
    { numRuns: 8 },
  )
})
