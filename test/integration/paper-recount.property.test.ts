/**
 * Property: whatever mix of online ballots (through a share channel, a meeting session's channel or
 * none) and paper ballots
 * (agreeing entries, disputes settled by a third person, spoiled and blank sheets) a round takes,
 * every target's counters equal a recount of its stored ballots, paper ballots are exactly the
 * sheets read as ballots, meeting ballots those sent through the session, and online, meeting and
 * paper subtotals make the total.
 */
import fc from 'fast-check'
import type { Runtime } from '../../local/runtime'
import { applyIncrements, type Counters, counterIncrements, emptyCounters, type Round, templateById, templateItems } from '../../src/core'
import { readPaperPdf } from '../helpers/paper'
import { fullBallot, openRound, TARGETS } from '../helpers/rounds'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'
import { countersOf, storedDocs } from '../helpers/store'

// Each run prints its own PDF, embedding from the system's CJK font: seconds on a shared machine.
jest.setTimeout(300_000)

let runtime: Runtime
let admin: Session
let org: Session
let third: Session
let voter = 20_000
const template = templateById('community-satisfaction')!.ballot
const levels = template.scale.levels.length
const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  await openRound(runtime, {}, false)
  const organiser = async (persona: string) => {
    const { code } = data(await organize<{ code: string }>(admin, 'inviteRole', { role: 'organizer', unitId: 'test-street' }))
    const s = await signIn(runtime, persona)
    data(await organize(s, 'redeemRole', { code, displayName: persona }))
    return s
  }
  org = await organiser('voter-19999')
  third = await organiser('voter-19998')
})
afterAll(() => runtime.close())

/** The target's stored ballots counted again, as the close's recount does. */
function recount(round: Round, roundId: string, targetId: string): Counters {
  const pools = storedDocs(runtime, 'ballots').filter((d) => d.roundId === roundId && d.targetId === targetId) as unknown as { ballots: { categoryId: string; overall: string; items: Record<string, string>; opinion?: string }[] }[]
  return pools.flatMap((p) => p.ballots).reduce((c, b) => applyIncrements(c, counterIncrements(round, b.categoryId, { targetId, overall: b.overall, items: b.items, ...(b.opinion ? { opinion: b.opinion } : {}) })), emptyCounters())
}

const sheet = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: levels - 1 }).map((level) => ({ kind: 'ballot' as const, level })) },
  // A sheet with a row left empty or ticked twice is entered row by row, as 废票 naming that row.
  { weight: 1, arbitrary: fc.constantFrom({ kind: 'spoiled' as const }, { kind: 'blank' as const }, { kind: 'partial' as const, fault: 'unmarked' as const }, { kind: 'partial' as const, fault: 'several' as const }) },
)
const action = fc.oneof(
  fc.record({ kind: fc.constant('online' as const), channel: fc.constantFrom('grid-1', 'meeting', undefined), levels: fc.array(fc.integer({ min: 0, max: levels - 1 }), { minLength: 3, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('paper' as const), sheets: fc.array(sheet, { minLength: 3, maxLength: 3 }), disputed: fc.boolean() }),
)

test('counters equal a recount after any mix of online, meeting and paper ballots; the subtotals make the total', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 8 }), async (actions) => {
      const roundId = await openRound(runtime)
      const papers = actions.filter((a) => a.kind === 'paper').length
      // One more than entered: its single entry must not outlive the close.
      const printed = await readPaperPdf(data(await organize<{ url: string }>(org, 'printPaper', { roundId, open: { categoryId: 'residents', count: papers + 1 } })).url)
      const left = printed.pop()!
      data(await organize(org, 'enterPaper', { roundId, serial: left.serial, check: left.check, sheets: TARGETS.map((t) => ({ mark: 'blank', targetId: t.id })) }))
      const session = data(await organize<{ id: string }>(org, 'openSession', {
        roundId, name: '集中测评', groupId: null, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 3600_000).toISOString(),
      }))
      const round = (storedDocs(runtime, 'rounds').find((d) => d._id === roundId) as { round: Round }).round
      let paperBallots = 0
      let meetingBallots = 0
      for (const a of actions) {
        if (a.kind === 'online') {
          const s = await signIn(runtime, `voter-${voter++}`)
          data(await s.call<Answer>('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } }))
          const channel = a.channel === 'meeting' ? session.id : a.channel
          data(await s.call<Answer>('evaluate', { action: 'submit', data: { roundId, ...(channel ? { channel } : {}), ballots: TARGETS.map((t, i) => fullBallot(template, t.id, a.levels[i])) } }))
          if (a.channel === 'meeting') meetingBallots += TARGETS.length
          continue
        }
        const p = printed.pop()!
        const sheets = TARGETS.map((t, i) => {
          const s = a.sheets[i]!
          if (s.kind === 'ballot') return { mark: 'ballot', ballot: fullBallot(template, t.id, s.level) }
          if (s.kind === 'partial') return { mark: 'spoiled', targetId: t.id, faults: { items: { [templateItems(template)[0]!.id]: s.fault } } }
          return { mark: s.kind, targetId: t.id }
        })
        paperBallots += a.sheets.filter((s) => s.kind === 'ballot').length
        const input = (read: unknown[]) => ({ roundId, serial: p.serial, check: p.check, sheets: read })
        data(await organize(org, 'enterPaper', input(sheets)))
        if (a.disputed) {
          const misread = sheets.map((s, i) => (i === 0 ? { mark: s.mark === 'blank' ? 'spoiled' : 'blank', targetId: TARGETS[0]!.id } : s))
          expect(data(await organize(admin, 'enterPaper', input(misread)))).toMatchObject({ status: 'disputed' })
          expect(data(await organize(third, 'settlePaper', input(sheets)))).toMatchObject({ status: 'recorded' })
        } else {
          expect(data(await organize(admin, 'enterPaper', input(sheets)))).toMatchObject({ status: 'recorded' })
        }
      }
      for (const t of TARGETS) expect(countersOf(runtime, roundId, t.id)).toEqual(recount(round, roundId, t.id))
      const { ballots, subtotals, targets } = data(await organize<{ ballots: number; subtotals: { kind: string; ballots: number }[]; targets: { spoiled: number; blank: number }[] }>(admin, 'participation', { roundId }))
      const unusable = actions.flatMap((a) => (a.kind === 'paper' ? a.sheets.filter((s) => s.kind !== 'ballot') : [])).length
      expect(subtotals.find((s) => s.kind === 'paper')!.ballots).toBe(paperBallots)
      expect(subtotals.find((s) => s.kind === 'meeting')!.ballots).toBe(meetingBallots)
      expect(subtotals.reduce((n, s) => n + s.ballots, 0)).toBe(ballots)
      expect(targets.reduce((n, t) => n + t.spoiled + t.blank, 0)).toBe(unusable)
      expect(storedDocs(runtime, 'paperBallots').filter((d) => d.roundId === roundId && (d.entries as unknown[]).length > 0).map((d) => d.serial)).toEqual([left.serial])
      data(await organize(admin, 'closeRound', { roundId }))
      const after = storedDocs(runtime, 'paperBallots').filter((d) => d.roundId === roundId)
      expect(after.filter((d) => (d.entries as unknown[]).length > 0 || d.agreed !== undefined)).toEqual([])
      expect(after.find((d) => d.serial === left.serial)).toMatchObject({ state: 'lapsed' })
    }),
    { numRuns: 4 },
  )
})
