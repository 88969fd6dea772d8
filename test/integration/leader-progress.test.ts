/**
 * A leader watching a round without live results (seed 000 tallies after the meeting): while it is
 * open they follow its participation against the expected counts and are told when results will be
 * visible; never a rate, a badge or an error. Units that are no target are left out of the roll-up,
 * and today's count starts at the open (no read needed first) and survives a close on the same day.
 */
import type { Dashboard, RoundResults } from '../../src/api/report'
import type { Runtime } from '../../local/runtime'
import { templateById } from '../../src/core'
import { ensureUnits, fullBallot, openRound, TARGETS, TEST_STREET, SELF_REPORTS } from '../helpers/rounds'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

let runtime: Runtime
let admin: Session
let leader: Session
const call = <T>(s: Session, fn: string, action: string, input: unknown) => s.call<Answer<T>>(fn, { action, data: input })
const GROUP = [{ id: 'g', name: '第一组', leadUnitId: 't1', unitIds: TARGETS.map((t) => t.unitId) }]
const sanping = templateById('sanping-yilian')!.ballot

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  await ensureUnits(runtime)
  // A grid beside the branches: a unit of the street that is no target of any round.
  data(await call(admin, 'organize', 'createUnit', { id: 'test-grid', name: '测试网格', parentId: TEST_STREET, kind: 'grid' }))
  const { code } = data(await call<{ code: string }>(admin, 'organize', 'inviteRole', { role: 'leader', unitId: TEST_STREET }))
  leader = await signIn(runtime, 'voter-701')
  data(await call(leader, 'organize', 'redeemRole', { code, displayName: '刘书记' }))
})
afterAll(() => runtime.close())

/** Each of `codes`' evaluators (all-round, of t1) rates every unit of the group 差. */
async function vote(roundId: string, code: string, voters: readonly string[]): Promise<void> {
  for (const name of voters) {
    const resident = await signIn(runtime, name)
    data(await call(resident, 'evaluate', 'redeem', { code }))
    data(await call(resident, 'evaluate', 'submit', { roundId, ballots: TARGETS.map((t) => fullBallot(sanping, t.id, 2)) }))
  }
}

test('an open 三评一联 round: the leader sees each unit\'s ballots against 15 + 5 × 3, when results come, and nothing of what was said', async () => {
  const roundId = await openRound(runtime, { templateId: 'sanping-yilian', reports: SELF_REPORTS, groups: GROUP }, false)
  for (const t of TARGETS) data(await call(admin, 'organize', 'sharedCode', { roundId, categoryId: 'unit', unitId: t.unitId, maxUses: 15 }))
  const { code } = data(await call<{ code: string }>(admin, 'organize', 'sharedCode', { roundId, categoryId: 'all-round', unitId: 't1', maxUses: 5 }))
  expect(data(await call<{ state: string }>(admin, 'organize', 'openRound', { roundId }))).toMatchObject({ state: 'open' })
  // Five all-round evaluators rate the three units: k ballots each, so the closed round shows its rates.
  await vote(roundId, code, ['voter-7100', 'voter-7101', 'voter-7102', 'voter-7103', 'voter-7104'])

  const board = data(await call<Dashboard>(leader, 'report', 'dashboard', {}))
  const row = board.rounds.find((r) => r.id === roundId)!
  expect(row).toMatchObject({ ballots: 15, today: 15, expected: 90, satisfaction: { percent: null }, resultsNotice: expect.stringMatching(/评议结束后可以查看满意率和认定结果/) })
  expect(row.targets).toEqual(TARGETS.map((t) => expect.objectContaining({ targetId: t.id, ballots: 5, expected: 30, badges: [], satisfaction: expect.objectContaining({ percent: null }) })))
  expect(board.attention.filter((a) => a.roundId === roundId)).toEqual([])
  // Every ballot rated 差: a rate leaking anywhere would read 0 %, not 暂无.
  expect(board.satisfaction.percent).toBeNull()
  // The area's figures come from the server: this round is all there is in scope, and no point for the trend yet.
  expect(board.totals).toEqual({ today: 15, ballots: 15, expected: 90 })
  expect(board.trend).toEqual([])
  // The branches show their turnout and why no rate; the grid, no target, is not listed as "0 份".
  expect(board.children.map((c) => c.unitId).sort()).toEqual(['t1', 't2', 't3'])
  expect(board.children.find((c) => c.unitId === 't1')).toMatchObject({ ballots: 5, expected: 30, note: expect.stringMatching(/评议结束后/) })

  const page = data(await call<RoundResults>(leader, 'report', 'roundResults', { roundId }))
  expect(page.round.resultsNotice).toMatch(/^本次评议不公开实时结果，\d+月\d+日 \d\d:\d\d评议结束后可以查看/)
  expect(page.targets).toEqual([])
  expect(page.participation.targets).toEqual(TARGETS.map((t) => ({ id: t.id, name: t.name, ballots: 5, expected: 30, spoiled: 0, blank: 0 })))
  expect(JSON.stringify(page)).not.toMatch(/"satisfaction":\{|"headline"|"overall":\{|"percent":0/)
  // A target's content stays closed to the leader until the round closes.
  expect(await call(leader, 'report', 'targetDetail', { roundId, targetId: 't1' })).toMatchObject({ ok: false, error: { code: 'RESULTS_NOT_YET' } })
  // The organiser still reads the full live results.
  expect(data(await call<RoundResults>(admin, 'report', 'roundResults', { roundId })).round.resultsNotice).toBeNull()

  // Closed: the leader reads the results, and today's ballots do not drop to 0.
  data(await call(admin, 'organize', 'closeRound', { roundId }))
  const closed = data(await call<Dashboard>(leader, 'report', 'dashboard', {}))
  const after = closed.rounds.find((r) => r.id === roundId)!
  expect(after).toMatchObject({ resultsNotice: null, today: 15, ballots: 15, satisfaction: { percent: 0 } })
  expect(closed.trend).toEqual([{ roundId, title: after.title, satisfaction: after.satisfaction }])
  expect(data(await call<RoundResults>(leader, 'report', 'roundResults', { roundId })).targets).toHaveLength(3)
})

test('a leader of one unit follows that unit only; a leader elsewhere learns nothing of the round', async () => {
  const roundId = await openRound(runtime, { templateId: 'sanping-yilian', reports: SELF_REPORTS, groups: GROUP }, false)
  for (const t of TARGETS) data(await call(admin, 'organize', 'sharedCode', { roundId, categoryId: 'unit', unitId: t.unitId, maxUses: 15 }))
  const { code } = data(await call<{ code: string }>(admin, 'organize', 'sharedCode', { roundId, categoryId: 'all-round', unitId: 't1', maxUses: 5 }))
  data(await call(admin, 'organize', 'openRound', { roundId }))
  await vote(roundId, code, ['voter-7200', 'voter-7201'])

  const grant = async (unitId: string, persona: string) => {
    const invite = data(await call<{ code: string }>(admin, 'organize', 'inviteRole', { role: 'leader', unitId }))
    const s = await signIn(runtime, persona)
    data(await call(s, 'organize', 'redeemRole', { code: invite.code, displayName: `领导${persona}` }))
    return s
  }
  const ofT2 = await grant('t2', 'voter-7210')
  const page = data(await call<RoundResults>(ofT2, 'report', 'roundResults', { roundId }))
  expect(page.participation.targets).toEqual([{ id: 't2', name: TARGETS[1]!.name, ballots: 2, expected: 30, spoiled: 0, blank: 0 }])
  const board = data(await call<Dashboard>(ofT2, 'report', 'dashboard', {}))
  expect(board.rounds.find((r) => r.id === roundId)?.targets.map((t) => t.targetId)).toEqual(['t2'])

  data(await call(admin, 'organize', 'createUnit', { id: 'other-street', name: '别的街道', parentId: null, kind: 'street' }))
  const elsewhere = await grant('other-street', 'voter-7211')
  expect(await call(elsewhere, 'report', 'roundResults', { roundId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(data(await call<Dashboard>(elsewhere, 'report', 'dashboard', {})).rounds.map((r) => r.id)).not.toContain(roundId)
})
