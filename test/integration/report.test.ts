/**
 * Results through the report function: live figures equal a recount of the released ballots; closing
 * stores them, and neither late ballots nor a later edit of the template change what is stored; a
 * tampered counter blocks publishing and names the target in the audit log; residents read the
 * published results; the scheduler closes an ended round on its own.
 */
import type { RoundResults, TargetDetail } from '../../src/api/report'
import { builtinTemplates, type Rule } from '../../src/core'
import { database } from '../../cloudfunctions/common/cloudbase'
import { LIVE_STALE_MS, LIVE_TTL_MS } from '../../cloudfunctions/common/results'
import { main as scheduler } from '../../cloudfunctions/scheduler'
import { functionContext, timerContext } from '../../local/gateway'
import type { Runtime } from '../../local/runtime'
import { passTime } from '../helpers/clock'
import { type Answer, fullBallot, openRound } from '../helpers/rounds'
import { signIn, type Session } from '../helpers/runtime'

let runtime: Runtime
let admin: Session
beforeAll(async () => {
  const { startTestRuntime } = await import('../helpers/runtime')
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
})
afterAll(async () => {
  jest.useRealTimers()
  await runtime.close()
})

const template = builtinTemplates.find((t) => t.id === 'community-satisfaction')!.ballot
const SATISFIED = 0
const DISSATISFIED = 2
const REDO: Rule = {
  id: 'below-two-thirds', name: '群众满意率低于2/3', conditions: [{ metric: 'satisfaction', comparison: 'below', threshold: { num: 2, den: 3 } }],
  effects: [{ kind: 'redo' }], consequence: '责令返工补课',
}

const report = <T>(who: Session, action: string, data: unknown) => who.call<Answer<T>>('report', { action, data })
const organize = <T>(action: string, data: unknown) => admin.call<Answer<T>>('organize', { action, data })
const ok = <T>(answer: Answer<T>): T => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.data
}

let voters = 0
/** Distinct residents, each casting one ballot per listed target on the given level. */
async function cast(roundId: string, targetLevels: Record<string, number>, count: number, opinion?: string) {
  for (let i = 0; i < count; i++) {
    const voter = await signIn(runtime, `voter-${++voters}`)
    ok(await voter.call<Answer>('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } }))
    const ballots = Object.entries(targetLevels).map(([targetId, level]) => fullBallot(template, targetId, level, opinion))
    ok(await voter.call<Answer>('evaluate', { action: 'submit', data: { roundId, ballots } }))
  }
}

/** A round with the 2/3 rule, opened: drafted, patched, then opened. */
async function roundWithRule(): Promise<string> {
  const id = await openRound(runtime, {}, false)
  ok(await organize('updateRound', { roundId: id, patch: { rules: [REDO] } }))
  ok(await organize('openRound', { roundId: id }))
  return id
}

const byTarget = (r: RoundResults, id: string) => r.targets.find((t) => t.targetId === id)!

test('live results equal a recount of the released ballots; the 2/3 rule fires with its explanation; rankings and participation follow', async () => {
  const roundId = await roundWithRule()
  await cast(roundId, { t1: SATISFIED, t2: DISSATISFIED }, 10, '楼道灯坏了很久')
  await cast(roundId, { t1: DISSATISFIED, t2: SATISFIED }, 2)
  const results = ok(await report<RoundResults>(admin, 'roundResults', { roundId }))
  expect(results.round.basis).toBe('live')
  expect(results.round.status).toBe('provisional')
  const t1 = byTarget(results, 't1')
  const t2 = byTarget(results, 't2')
  // 12 in, k = 5 of them left out (drawn by key): the figures rest on 7, whichever they are.
  expect(t1.result.ballots).toBe(12)
  expect(t1.result.counted).toBe(7)
  const [s1, s2] = [t1, t2].map((t) => t.result.headline.satisfaction)
  expect([s1!.den, s2!.den]).toEqual([7, 7])
  expect(s1!.num).toBeGreaterThanOrEqual(5)
  expect(s2!.num).toBeLessThanOrEqual(2)
  expect(t1.badges).toEqual([])
  expect(t2.badges).toEqual([{ label: '返工补课', kind: 'redo', standing: '拟认定' }])
  expect(t2.result.verdicts.verdicts[0]!.explanation).toContain(`满意率${s2!.num}/7(`)
  expect(t1.rankInRound).toBe(1)
  expect(t2.rankInRound).toBe(2)
  expect(results.participation.targets.find((t) => t.id === 't1')!.ballots).toBe(12)
  expect(results.legend.thresholds).toEqual([expect.objectContaining({ ruleId: 'below-two-thirds', percent: 66.7 })])

  const detail = ok(await report<TargetDetail>(admin, 'targetDetail', { roundId, targetId: 't1' }))
  expect(detail.overall.find((b) => b.levelId === 'satisfied')!.count).toBe(s1!.num)
  // Opinions are those of the released ballots: the satisfied ones wrote them.
  expect(detail.opinions.items).toHaveLength(s1!.num)
  // The text alone: a date beside it, read against that day's turnout, could point at its author.
  expect(detail.opinions.items[0]).toEqual({ text: '楼道灯坏了很久' })
  const t3 = ok(await report<TargetDetail>(admin, 'targetDetail', { roundId, targetId: 't3' }))
  expect(t3.opinions.withheld).toContain('5 份')
  expect(t3.target.notices).toContain('暂无评价')
})

test('closing stores the final results; late ballots and a later edit of the same template leave them unchanged', async () => {
  const roundId = await roundWithRule()
  await cast(roundId, { t1: SATISFIED }, 3)
  await cast(roundId, { t1: DISSATISFIED }, 3)
  ok(await organize('closeRound', { roundId }))
  const closed = ok(await report<RoundResults>(admin, 'roundResults', { roundId }))
  expect(closed.round.basis).toBe('stored')
  expect(closed.round.status).toBe('final')
  expect(byTarget(closed, 't1').result.headline.satisfaction).toMatchObject({ num: 3, den: 6 })

  const late = await signIn(runtime, `voter-${++voters}`)
  const refused = await late.call<Answer>('evaluate', { action: 'submit', data: { roundId, ballots: [fullBallot(template, 't1', SATISFIED)] } })
  expect(refused.ok).toBe(false)
  // A later round from the same template, whose rules are loosened, must not reach back.
  const later = await openRound(runtime, {}, false)
  ok(await organize('updateRound', { roundId: later, patch: { rules: [{ ...REDO, conditions: [{ metric: 'satisfaction', comparison: 'below', threshold: { num: 1, den: 3 } }] }] } }))
  // And even an edit written straight into this round's own document is not recomputed into its stored results.
  await database().collection('rounds').doc(roundId).update({ 'round.rules': [] })

  const again = ok(await report<RoundResults>(admin, 'roundResults', { roundId }))
  expect(byTarget(again, 't1').result).toEqual(byTarget(closed, 't1').result)
  expect(byTarget(again, 't1').badges).toEqual([{ label: '返工补课', kind: 'redo', standing: '拟认定' }])
  expect(again.round.computedAt).toBe(closed.round.computedAt)

  const publishing = Math.floor(Date.now() / 1000) * 1000
  ok(await organize('publishRound', { roundId }))
  const resident = await signIn(runtime, 'resident-wang')
  type Published = { round: { publishedAt: string | null }; targets: { targetId: string; verdict: string; satisfaction: { num: number; den: number } }[] }
  const published = ok(await report<Published>(resident, 'publishedResults', { roundId }))
  // The outcome page says when: the moment of publishing, in Shanghai time.
  expect(published.round.publishedAt).toMatch(/\+08:00$/)
  expect(Date.parse(published.round.publishedAt!)).toBeGreaterThanOrEqual(publishing)
  expect(Date.parse(published.round.publishedAt!)).toBeLessThanOrEqual(Date.now())
  // A copy for next year is a new round, not a published one.
  const { roundId: copyId } = ok(await organize<{ roundId: string }>('copyRound', { roundId, title: '下一轮', window: { opensAt: '2030-01-01T08:00:00+08:00', closesAt: '2030-01-08T18:00:00+08:00' } }))
  const { data: [copy] } = await database().collection('rounds').doc(copyId).get()
  expect(copy).not.toHaveProperty('publishedAt')
  const p1 = published.targets.find((t) => t.targetId === 't1')!
  expect(p1.satisfaction).toMatchObject({ num: 3, den: 6 })
  expect(p1.verdict).toContain('满意率 50%')
  expect(p1.verdict).toContain('群众满意率低于2/3')
})

test('a counter that disagrees with the recount blocks publishing, and the audit names the target and both figures', async () => {
  const roundId = await openRound(runtime)
  await cast(roundId, { t2: SATISFIED }, 2)
  const { data } = await database().collection('counters').where({ roundId, targetId: 't2' }).get()
  const shard = data[0] as { _id: string }
  await database().collection('counters').doc(shard._id).update({ 'c.ballots': database().command.inc(5) })
  ok(await organize('closeRound', { roundId }))
  const publish = await organize('publishRound', { roundId })
  expect(publish.ok || publish.error.code).toBe('RESULTS_MISMATCH')
  const results = ok(await report<RoundResults>(admin, 'roundResults', { roundId }))
  expect(results.round.mismatch).toEqual([{ targetId: 't2', counted: 7, recounted: 2 }])
  const log = ok(await organize<{ entries: { action: string; subject: string; before: unknown; after: unknown }[] }>('auditLog', { roundId }))
  const entry = log.entries.find((e) => e.action === 'resultsMismatch')
  expect(entry).toMatchObject({ before: { counters: 7 }, after: { recount: 2 } })
  expect(entry!.subject).toContain('t2')
})

test('residents see nothing before publication; leaders see live figures only when the round allows it', async () => {
  const roundId = await openRound(runtime)
  await cast(roundId, { t1: SATISFIED }, 1)
  const resident = await signIn(runtime, 'resident-zhang')
  const early = await report(resident, 'publishedResults', { roundId })
  expect(!early.ok && early.error.code).toBe('RESULTS_NOT_YET')
  expect(await report(resident, 'roundResults', { roundId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  await database().collection('rounds').doc(roundId).update({ 'round.visibility.liveDashboard': false })
  const invite = ok(await organize<{ code: string }>('inviteRole', { role: 'leader', unitId: 'test-street' }))
  const leader = await signIn(runtime, `voter-${++voters}`)
  ok(await leader.call<Answer>('organize', { action: 'redeemRole', data: { code: invite.code, displayName: '街道领导' } }))
  // Before close the leader follows participation only (test/integration/leader-progress.test.ts).
  expect(await report(leader, 'roundResults', { roundId })).toMatchObject({ ok: true, data: { targets: [], round: { resultsNotice: expect.any(String) } } })
  expect(await report(leader, 'targetDetail', { roundId, targetId: 't1' })).toMatchObject({ ok: false, error: { code: 'RESULTS_NOT_YET' } })
  ok(await organize('closeRound', { roundId }))
  expect(ok(await report<RoundResults>(leader, 'roundResults', { roundId })).targets).toHaveLength(3)
})

test('the scheduler, fired as the timer fires it, closes a round whose window ended and stores its results; a client call is refused', async () => {
  const roundId = await openRound(runtime)
  await cast(roundId, { t3: SATISFIED }, 2)
  await database().collection('rounds').doc(roundId).update({ 'round.window.closesAt': new Date(Date.now() - 1000).toISOString() })
  const fromClient = await scheduler({ Type: 'Timer' }, functionContext('scheduler', 'some-openid'))
  expect(fromClient).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const fired = (await scheduler({ Type: 'Timer', TriggerName: 'close-ended-rounds' }, timerContext('scheduler'))) as Answer<{ closed: string[] }>
  expect(ok(fired).closed).toContain(roundId)
  const results = ok(await report<RoundResults>(admin, 'roundResults', { roundId }))
  expect(results.round.state).toBe('closed')
  expect(results.round.basis).toBe('stored')
  expect(byTarget(results, 't3').result.ballots).toBe(2)
})

test('live figures are folded once a minute by the scheduler and read in between; a reader folds them only when no pass came', async () => {
  const roundId = await openRound(runtime)
  await cast(roundId, { t1: SATISFIED }, 1)
  const first = ok(await report<RoundResults>(admin, 'roundResults', { roundId }))
  await cast(roundId, { t1: SATISFIED }, 1)
  // Past the warm instance's copy, the live document is read again: the ballot waits for the next fold.
  passTime(LIVE_TTL_MS + 100)
  const read = ok(await report<RoundResults>(admin, 'roundResults', { roundId }))
  expect(read.round.computedAt).toBe(first.round.computedAt)
  expect(byTarget(read, 't1').result.ballots).toBe(1)
  // The scheduler's pass folds it in; every reader then sees it.
  ok((await scheduler({ Type: 'Timer' }, timerContext('scheduler'))) as Answer)
  passTime(LIVE_TTL_MS + 100)
  expect(byTarget(ok(await report<RoundResults>(admin, 'roundResults', { roundId })), 't1').result.ballots).toBe(2)
  // No pass for longer than the staleness (a trigger that failed): one reader folds, all see the same.
  await cast(roundId, { t1: SATISFIED }, 1)
  passTime(LIVE_STALE_MS + 100)
  const refreshed = (await Promise.all(Array.from({ length: 5 }, () => report<RoundResults>(admin, 'roundResults', { roundId })))).map(ok)
  for (const r of refreshed) expect(byTarget(r, 't1').result.ballots).toBe(3)
  expect(new Set(refreshed.map((r) => r.round.computedAt)).size).toBe(1)
})

test.each(['toString', 'root', '__proto__', '$gt', 'constructor'])('hostile id %s: a stable refusal, never a crash', async (id) => {
  const roundId = await openRound(runtime)
  const calls: [string, unknown][] = [
    ['dashboard', { unitId: id }], ['roundResults', { roundId: id }], ['targetDetail', { roundId, targetId: id }], ['trend', { unitId: id }],
    ['exportRound', { roundId: id }], ['reportPdf', { roundId, targetId: id }], ['publishedResults', { roundId: id }],
  ]
  for (const [action, data] of calls) {
    const answer = await report(admin, action, data)
    expect(answer.ok ? 'ok' : answer.error.code).toMatch(/^(BAD_INPUT|FORBIDDEN|ROUND_NOT_FOUND|TARGET_NOT_IN_ROUND)$/)
  }
})

test("today's ballots: counted from the scheduler's note of the ballots before the day began", async () => {
  const roundId = await openRound(runtime)
  await cast(roundId, { t1: SATISFIED }, 2)
  // As if yesterday's note had been taken before these two and the day had just begun.
  await database().collection('results').doc(`day:${roundId}`).set({ roundId, basis: 'day', kind: 'day', day: '2000-01-01', atStart: 0 })
  ok(await scheduler({ Type: 'Timer' }, timerContext('scheduler')) as Answer)
  await cast(roundId, { t2: SATISFIED }, 1)
  // The next pass folds it into the live figures.
  ok(await scheduler({ Type: 'Timer' }, timerContext('scheduler')) as Answer)
  const board = ok(await report<{ rounds: { id: string; today: number; ballots: number }[] }>(admin, 'dashboard', {}))
  expect(board.rounds.find((r) => r.id === roundId)).toMatchObject({ today: 1, ballots: 3 })
})
