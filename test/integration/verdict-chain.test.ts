/**
 * Verdicts are proposals until confirmed (issue 19). Seed 000: 群众满意率低于2/3的领导班子，经督导组综合分析，
 * 报区教育实践活动办公室同意，提出返工、补课意见. A unit below 2/3 is 拟认定 返工补课; the supervising group
 * (organisers of the street above the unit) confirms it, the district above approves it, and only then is
 * the redo round offered: a draft for the failing unit only, linked to the original. A set-aside verdict
 * keeps its figures, brings no badge, and says why wherever the target is shown.
 */
import type { RoundVerdicts } from '../../src/api/organize'
import type { Dashboard, PublishedResults, RoundResults } from '../../src/api/report'
import type { Runtime } from '../../local/runtime'
import { confirmedConsequences, templateById } from '../../src/core'
import { fullBallot } from '../helpers/rounds'
import { type Answer, data, roleHoldersAt, type Session, signIn, startTestRuntime } from '../helpers/runtime'
import { storedDocs } from '../helpers/store'

let runtime: Runtime
let admin: Session
let street: Record<'organizer' | 'leader' | 'contact', Session>
let district: Record<'organizer' | 'leader' | 'contact', Session>
/** The failing unit's own organiser, and an organiser of a street beside: neither is the supervising group. */
let own: Session
let outsider: Session
let roundId: string

const UNITS = [['u1', '城关街道党政办'], ['u2', '城关街道服务中心'], ['u3', '城关街道执法队']] as const
const sanping = templateById('sanping-yilian')!.ballot
const call = <T>(s: Session, fn: string, action: string, input: unknown) => s.call<Answer<T>>(fn, { action, data: input })
const refusal = (a: Answer<unknown>) => (a.ok ? 'ok' : a.error.code)
const verdicts = async (s: Session = street.organizer) => data(await call<RoundVerdicts>(s, 'organize', 'roundVerdicts', { roundId }))
const item = async (targetId: string, s?: Session) => (await verdicts(s)).verdicts.find((v) => v.targetId === targetId)!
const step = (s: Session, targetId: string, action: string, seen: number, reason?: string) =>
  call<RoundVerdicts>(s, 'organize', 'stepVerdict', { roundId, targetId, ruleId: 'below-two-thirds', action, seen, ...(reason ? { reason } : {}) })
/** Verdicts of the round in the caller's to-do badge (home's 待办, the workbench's 认定确认 line). */
const waiting = async (s: Session) =>
  data(await call<{ rectification: { verdicts: { roundId: string; count: number }[] } | null }>(s, 'evaluate', 'me', {})).rectification?.verdicts.find((v) => v.roundId === roundId)?.count ?? 0
const hour = 3600_000
const window = () => ({ opensAt: new Date(Date.now() - hour).toISOString(), closesAt: new Date(Date.now() + 24 * hour).toISOString() })

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  const create = (id: string, name: string, parentId: string | null, kind: string) => call(admin, 'organize', 'createUnit', { id, name, parentId, kind })
  data(await create('dq', '城关区', null, 'district'))
  data(await create('jd', '城关街道', 'dq', 'street'))
  data(await create('jd2', '东关街道', 'dq', 'street'))
  for (const [id, name] of UNITS) data(await create(id, name, 'jd', 'unit'))
  street = await roleHoldersAt(runtime, admin, 'jd', 9100)
  district = await roleHoldersAt(runtime, admin, 'dq', 9110)
  own = (await roleHoldersAt(runtime, admin, 'u1', 9120)).organizer
  outsider = (await roleHoldersAt(runtime, admin, 'jd2', 9130)).organizer

  // A 三评一联 round of the street: ten all-round evaluators (five from each of two units) rate u1 and u3 差
  // (0 of 10, below 2/3) and u2 好: enough for a live release, which leaves k = 5 out.
  roundId = data(await call<{ roundId: string }>(admin, 'organize', 'createRound', {
    templateId: 'sanping-yilian', ownerUnitId: 'jd', title: '城关街道第一组“三评一联”', window: window(),
    targets: UNITS.map(([id, name]) => ({ id, name, kind: 'unit', unitId: id })),
    groups: [{ id: 'g', name: '第一组', leadUnitId: 'u1', unitIds: UNITS.map(([id]) => id) }],
    reports: Object.fromEntries(UNITS.map(([id, name]) => [id, `${name}情况报告`])),
  })).roundId
  const allRound = await Promise.all(['u1', 'u2'].map(async (unitId) => data(await call<{ code: string }>(admin, 'organize', 'sharedCode', { roundId, categoryId: 'all-round', unitId, maxUses: 5 })).code))
  for (const [id] of UNITS) data(await call(admin, 'organize', 'sharedCode', { roundId, categoryId: 'unit', unitId: id, maxUses: 15 }))
  expect(data(await call<{ state: string }>(admin, 'organize', 'openRound', { roundId })).state).toBe('open')
  for (let i = 0; i < 10; i++) {
    const resident = await signIn(runtime, `voter-${9200 + i}`)
    data(await call(resident, 'evaluate', 'redeem', { code: allRound[i % 2] }))
    data(await call(resident, 'evaluate', 'submit', { roundId, ballots: [fullBallot(sanping, 'u1', 2), fullBallot(sanping, 'u2', 0), fullBallot(sanping, 'u3', 2)] }))
  }
})
afterAll(() => runtime.close())

test('while the round is open a fired rule is only proposed, and nobody may confirm it', async () => {
  const open = await verdicts()
  expect(open).toMatchObject({ final: false, notice: expect.stringMatching(/结果封存后/), verdicts: [], chain: expect.stringMatching(/督导组.*确认后，报再上一级.*批准/) })
  expect(refusal(await step(street.organizer, 'u1', 'confirm', 0))).toBe('VERDICT_NOT_FINAL')
  const live = data(await call<RoundResults>(admin, 'report', 'roundResults', { roundId }))
  expect(live.targets.find((t) => t.targetId === 'u1')?.badges).toEqual([{ label: '返工补课', kind: 'redo', standing: '拟认定' }])
  data(await call(admin, 'organize', 'closeRound', { roundId }))
})

test('the chain: confirmed by the street\'s organisers, approved by the district; every wrong actor, state and order refused', async () => {
  const proposed = await item('u1')
  expect(proposed).toMatchObject({ seen: 0, may: ['confirm', 'set-aside'], standing: { state: 'proposed', label: '拟认定', words: '拟认定：待督导组确认', binding: false } })
  expect(proposed.explanation).toMatch(/^满意率0\/10\(0%\)低于2\/3\(66\.7%\)，触发规则「群众满意率低于2\/3」/)

  // The to-do badge: the street's organisers have u1 and u3 to confirm; the unit's own organiser and the district nothing yet.
  expect(await waiting(street.organizer)).toBe(2)
  expect([await waiting(own), await waiting(district.leader), await waiting(street.leader)]).toEqual([0, 0, 0])

  // Wrong actors: the unit's own organiser, a leader of the street, an organiser of the street beside, the district too early.
  expect(refusal(await step(own, 'u1', 'confirm', 0))).toBe('FORBIDDEN')
  expect((await item('u1', own)).may).toEqual([])
  expect(refusal(await step(street.leader, 'u1', 'confirm', 0))).toBe('FORBIDDEN')
  expect(refusal(await call(outsider, 'organize', 'roundVerdicts', { roundId }))).toBe('FORBIDDEN')
  expect(refusal(await step(outsider, 'u1', 'confirm', 0))).toBe('FORBIDDEN')
  expect(refusal(await step(district.leader, 'u1', 'approve', 0))).toBe('VERDICT_STEP_NOT_ALLOWED')
  expect(refusal(await step(street.organizer, 'u1', 'approve', 0))).toBe('FORBIDDEN')
  // No redo before the chain is complete.
  expect(refusal(await call(street.organizer, 'organize', 'startRedoRound', { roundId, title: '返工补课', window: window() }))).toBe('REDO_NOT_CONFIRMED')
  // A made-up target or rule.
  expect(refusal(await call(street.organizer, 'organize', 'stepVerdict', { roundId, targetId: 'nope', ruleId: 'below-two-thirds', action: 'confirm', seen: 0 }))).toBe('TARGET_NOT_IN_ROUND')
  expect(refusal(await call(street.organizer, 'organize', 'stepVerdict', { roundId, targetId: 'u2', ruleId: 'below-two-thirds', action: 'confirm', seen: 0 }))).toBe('VERDICT_NOT_FOUND')

  const confirmed = data(await step(street.organizer, 'u1', 'confirm', 0)).verdicts.find((v) => v.targetId === 'u1')!
  expect(confirmed.standing).toMatchObject({ state: 'awaiting-approval', label: '拟认定', words: '拟认定：督导组（城关街道组织员）已确认，待上级批准' })
  // A replay of the same step answers the same, and writes nothing more.
  expect(data(await step(street.organizer, 'u1', 'confirm', 0)).verdicts.find((v) => v.targetId === 'u1')).toMatchObject({ seen: 1 })
  // A stale read by someone else is refused: nobody overtakes a step unseen.
  expect(refusal(await step(admin, 'u1', 'confirm', 0))).toBe('VERDICT_CHANGED')
  expect(refusal(await step(street.organizer, 'u1', 'confirm', 1))).toBe('VERDICT_STEP_NOT_ALLOWED')
  expect(refusal(await step(district.leader, 'u1', 'return', 1))).toBe('VERDICT_REASON_REQUIRED')
  expect((await item('u1', district.leader)).may).toEqual(['approve', 'return'])
  // Confirmed, u1 leaves the street's badge and waits in the district's.
  expect([await waiting(street.organizer), await waiting(district.leader)]).toEqual([1, 1])

  // The district's leader and organiser answer at once: one step lands, the other is told it changed.
  const raced = await Promise.all([step(district.leader, 'u1', 'approve', 1), step(district.organizer, 'u1', 'return', 1, '请补充个别谈话情况')])
  expect(raced.map(refusal).sort()).toEqual(['VERDICT_CHANGED', 'ok'])
  if ((await item('u1')).standing.state === 'proposed') {
    expect((await item('u1')).standing.words).toBe('拟认定：上级（城关区组织员）退回，理由：请补充个别谈话情况；待督导组重新确认')
    data(await step(street.organizer, 'u1', 'confirm', 2))
    data(await step(district.leader, 'u1', 'approve', 3))
  }
  const approved = await item('u1')
  expect(approved.standing).toMatchObject({ state: 'confirmed', label: '已认定', binding: true, words: '已认定：督导组（城关街道组织员）确认，上级（城关区领导）批准' })
  expect(approved.may).toEqual([])
  expect(await waiting(district.leader)).toBe(0)
  expect(refusal(await step(district.leader, 'u1', 'return', approved.seen, '再议'))).toBe('VERDICT_STEP_NOT_ALLOWED')

  // Hostile ids are refused at the door and change nothing.
  for (const id of ['__proto__', 'toString', '$gt', 'a:b']) {
    expect(refusal(await call(street.organizer, 'organize', 'stepVerdict', { roundId, targetId: 'u1', ruleId: id, action: 'confirm', seen: 0 }))).toBe('BAD_INPUT')
    expect(refusal(await call(street.organizer, 'organize', 'stepVerdict', { roundId, targetId: id, ruleId: 'below-two-thirds', action: 'confirm', seen: 0 }))).toBe('BAD_INPUT')
  }
  expect((await item('u1')).seen).toBe(approved.seen)

  // Every step landed is in the audit log, as a sentence by name and unit.
  const log = data(await call<{ entries: { action: string; sentence: string }[] }>(admin, 'organize', 'auditLog', { roundId, action: 'verdictStep' }))
  expect(log.entries).toHaveLength(approved.seen)
  expect(log.entries.map((e) => e.sentence).join('\n')).toMatch(/organizer某 确认了评议“城关街道第一组“三评一联””中城关街道党政办的认定“群众满意率低于2\/3”/)
  expect(log.entries.map((e) => e.sentence).join('\n')).toMatch(/leader某 批准了评议“城关街道第一组“三评一联””中城关街道党政办的认定“群众满意率低于2\/3”/)
})

test('a set-aside verdict keeps its figures, brings no consequence, and says why wherever it is shown', async () => {
  expect(refusal(await step(street.organizer, 'u3', 'set-aside', 0))).toBe('VERDICT_REASON_REQUIRED')
  data(await step(street.organizer, 'u3', 'set-aside', 0, '参评人员不足，结果不具代表性'))
  const reason = '不予认定：督导组（城关街道组织员），理由：参评人员不足，结果不具代表性'
  expect((await item('u3')).standing).toMatchObject({ state: 'set-aside', label: '不予认定', binding: false, words: reason })
  expect(refusal(await step(district.leader, 'u3', 'approve', 1))).toBe('VERDICT_STEP_NOT_ALLOWED')

  const results = data(await call<RoundResults>(district.leader, 'report', 'roundResults', { roundId }))
  const u1 = results.targets.find((t) => t.targetId === 'u1')!
  const u3 = results.targets.find((t) => t.targetId === 'u3')!
  expect(u1.badges).toEqual([{ label: '返工补课', kind: 'redo', standing: '已认定' }])
  expect(u3.result.headline.satisfaction.percent).toBe(0)
  expect(u3.badges).toEqual([])
  expect(u3.notices).toContain(`「群众满意率低于2/3」${reason}`)

  const board = data(await call<Dashboard>(district.leader, 'report', 'dashboard', {}))
  const attention = board.attention.filter((a) => a.roundId === roundId)
  expect(attention.find((a) => a.targetId === 'u1')?.explanation).toMatch(/（已认定：督导组（城关街道组织员）确认，上级（城关区领导）批准）$/)
  expect(attention.find((a) => a.targetId === 'u3')?.explanation).toContain(reason)

  data(await call(admin, 'organize', 'publishRound', { roundId }))
  const published = data(await call<PublishedResults>(admin, 'report', 'publishedResults', { roundId }))
  expect(published.targets.find((t) => t.targetId === 'u1')?.verdict).toMatch(/【已认定：督导组（城关街道组织员）确认，上级（城关区领导）批准】$/)
  expect(published.targets.find((t) => t.targetId === 'u3')?.verdict).toContain(`【${reason}】`)
  expect(published.targets.find((t) => t.targetId === 'u3')?.badges).toEqual([])
})

test('the redo round: only the confirmed failing unit, linked to the original, started once however often asked', async () => {
  const offered = await verdicts()
  expect(offered.redo).toEqual({ targetIds: ['u1'], roundId: null, mayStart: true })
  expect((await verdicts(district.leader)).redo.mayStart).toBe(false)
  const ask = () => call<{ roundId: string }>(street.organizer, 'organize', 'startRedoRound', { roundId, title: '城关街道第一组“三评一联”（返工补课）', window: window() })
  const [a, b] = await Promise.all([ask(), ask()])
  expect(data(a).roundId).toBe(data(b).roundId)
  const redoId = data(a).roundId
  expect(data(await ask()).roundId).toBe(redoId)
  const redo = data(await call<{ targets: { id: string }[]; groups: { unitIds: string[]; leadUnitId: string }[]; state: string }>(street.organizer, 'organize', 'getRound', { roundId: redoId }))
  expect(redo).toMatchObject({ state: 'draft', targets: [expect.objectContaining({ id: 'u1' })], groups: [{ id: 'g', name: '第一组', leadUnitId: 'u1', unitIds: ['u1'] }] })
  expect((await verdicts()).redo).toEqual({ targetIds: ['u1'], roundId: redoId, mayStart: false })
  const linked = data(await call<RoundVerdicts>(street.organizer, 'organize', 'roundVerdicts', { roundId: redoId }))
  expect(linked.redoOf).toEqual({ roundId, title: '城关街道第一组“三评一联”' })

  // The redo round runs (its own report, codes, five evaluators now rating the unit 好) and its result sits beside the original's.
  // Its report is approved by the district above the street that owns the round (经督导组审核把关).
  data(await call(street.organizer, 'organize', 'writeReport', { roundId: redoId, targetId: 'u1', text: '返工补课整改情况报告' }))
  const { reports } = data(await call<{ reports: Record<string, { revision: number }> }>(street.organizer, 'organize', 'getRound', { roundId: redoId }))
  data(await call(district.organizer, 'organize', 'approveReport', { roundId: redoId, targetId: 'u1', revision: reports.u1!.revision }))
  data(await call(street.organizer, 'organize', 'sharedCode', { roundId: redoId, categoryId: 'unit', unitId: 'u1', maxUses: 15 }))
  const { code } = data(await call<{ code: string }>(street.organizer, 'organize', 'sharedCode', { roundId: redoId, categoryId: 'all-round', unitId: 'u1', maxUses: 5 }))
  // 名单审定 by the district above the street that owns the round.
  const { revision } = data(await call<{ revision: number }>(district.organizer, 'organize', 'rosterReview', { roundId: redoId }))
  data(await call(district.organizer, 'organize', 'reviewRoster', { roundId: redoId, revision, approve: true }))
  expect(data(await call<{ state: string }>(street.organizer, 'organize', 'openRound', { roundId: redoId }))).toEqual({ state: 'open', blockers: [] })
  for (let i = 0; i < 5; i++) {
    const resident = await signIn(runtime, `voter-${9300 + i}`)
    data(await call(resident, 'evaluate', 'redeem', { code }))
    data(await call(resident, 'evaluate', 'submit', { roundId: redoId, ballots: [fullBallot(sanping, 'u1', 0)] }))
  }
  data(await call(street.organizer, 'organize', 'closeRound', { roundId: redoId }))
  const beside = data(await call<RoundResults>(district.leader, 'report', 'roundResults', { roundId: redoId }))
  expect(beside.targets.map((t) => t.targetId)).toEqual(['u1'])
  expect(beside.redo).toEqual({
    kind: 'redo',
    of: { roundId, title: '城关街道第一组“三评一联”' },
    round: null,
    rows: [expect.objectContaining({ targetId: 'u1', before: expect.objectContaining({ percent: 0 }), after: expect.objectContaining({ percent: 100 }), afterBadges: [] })],
  })
  expect(beside.redo!.rows[0]!.beforeBadges).toEqual([{ label: '返工补课', kind: 'redo', standing: '已认定' }])
  // The original shows the same pair, linking to its redo round.
  expect(data(await call<RoundResults>(district.leader, 'report', 'roundResults', { roundId })).redo).toEqual({ ...beside.redo, of: null, round: { roundId: redoId, title: '城关街道第一组“三评一联”（返工补课）' } })
})

const community = templateById('community-satisfaction')!.ballot

/** A closed community round of one street unit under 004's rules, five residents rating it 不满意 (below 40 %). */
async function liangpingRound(title: string, target: { id: string; name: string }, firstVoter: number): Promise<string> {
  const { roundId: id } = data(await call<{ roundId: string }>(admin, 'organize', 'createRound', {
    templateId: 'community-satisfaction', ownerUnitId: 'jd', title, window: window(), targets: [{ ...target, kind: 'unit', unitId: target.id }],
  }))
  data(await call(admin, 'organize', 'updateRound', { roundId: id, patch: { rules: templateById('liangping-yishu')!.rules } }))
  data(await call(admin, 'organize', 'openRound', { roundId: id }))
  for (let i = 0; i < 5; i++) {
    const resident = await signIn(runtime, `voter-${firstVoter + i}`)
    data(await call(resident, 'evaluate', 'enrol', { roundId: id, categoryId: 'residents' }))
    data(await call(resident, 'evaluate', 'submit', { roundId: id, ballots: [fullBallot(community, target.id, 2)] }))
  }
  data(await call(admin, 'organize', 'closeRound', { roundId: id }))
  return id
}

test('004\'s rules on a one-step round: the supervisors\' confirmation extends the target\'s window by two months in an extension round of its own, the sealed original untouched, and the ledger reads 整改 and 诫勉', async () => {
  const id = await liangpingRound('两评一树规则的满意度测评', { id: 'u2', name: '城关街道服务中心' }, 9400)
  const listed = data(await call<RoundVerdicts>(street.organizer, 'organize', 'roundVerdicts', { roundId: id }))
  expect(listed.chain).toBe('由督导组（上级单位组织员）确认或不予认定')
  expect(listed.verdicts.map((v) => [v.ruleId, v.standing.state])).toEqual([['poor', 'proposed'], ['very-poor', 'proposed']])
  for (const ruleId of ['poor', 'very-poor']) data(await call(street.organizer, 'organize', 'stepVerdict', { roundId: id, targetId: 'u2', ruleId, action: 'confirm', seen: 0 }))

  const [target] = data(await call<RoundResults>(street.organizer, 'report', 'roundResults', { roundId: id })).targets
  const [poor, veryPoor] = target!.result.verdicts.verdicts
  const closed = data(await call<{ window: { closesAt: string } }>(admin, 'organize', 'getRound', { roundId: id })).window.closesAt
  const until = new Date(closed)
  until.setMonth(until.getMonth() + 2)
  expect(Date.parse(veryPoor!.standing!.extendedUntil!)).toBe(until.getTime())
  expect(veryPoor!.standing!.words).toMatch(/^已认定：督导组（城关街道组织员）确认；评议活动延期2个月，至\d{4}年\d+月\d+日$/)
  expect(poor!.standing!.extendedUntil).toBeNull()
  expect(confirmedConsequences(target!.result.verdicts.verdicts)).toEqual([
    { ruleId: 'poor', ruleName: poor!.ruleName, effects: [{ kind: 'rectify' }, { kind: 'warning-talk' }], explanation: poor!.explanation },
  ])

  // The confirmation made the extension: a draft for u2 alone, linked, its window closing at the extended close.
  const { extensions } = data(await call<RoundVerdicts>(street.organizer, 'organize', 'roundVerdicts', { roundId: id }))
  expect(extensions).toEqual([{ targetId: 'u2', targetName: '城关街道服务中心', until: veryPoor!.standing!.extendedUntil, roundId: expect.stringMatching(/^x[0-9a-f]{12}$/) }])
  const extensionId = extensions[0]!.roundId!
  const extension = data(await call<{ state: string; targets: { id: string }[]; window: { closesAt: string } }>(admin, 'organize', 'getRound', { roundId: extensionId }))
  expect([extension.state, extension.targets.map((t) => t.id), Date.parse(extension.window.closesAt)]).toEqual(['draft', ['u2'], until.getTime()])
  const linked = data(await call<RoundVerdicts>(street.organizer, 'organize', 'roundVerdicts', { roundId: extensionId }))
  expect(linked.extensionOf).toEqual({ roundId: id, title: '两评一树规则的满意度测评' })
  // A replayed confirmation makes no second extension.
  data(await call(street.organizer, 'organize', 'stepVerdict', { roundId: id, targetId: 'u2', ruleId: 'very-poor', action: 'confirm', seen: 0 }))
  expect(storedDocs(runtime, 'rounds').filter((r) => r.extensionOf === id).map((r) => r._id)).toEqual([extensionId])

  // The original stays sealed: no ballot lands there, and its figures — the ones the verdict was confirmed on — stay.
  const rated = await signIn(runtime, 'voter-9400')
  expect(refusal(await call(rated, 'evaluate', 'submit', { roundId: id, ballots: [fullBallot(community, 'u2', 0)] }))).toBe('ROUND_NOT_OPEN')
  // Once the organisers open the extension, u2 takes ballots again there, one per person as in any round.
  data(await call(admin, 'organize', 'openRound', { roundId: extensionId }))
  data(await call(rated, 'evaluate', 'enrol', { roundId: extensionId, categoryId: 'residents' }))
  data(await call(rated, 'evaluate', 'submit', { roundId: extensionId, ballots: [fullBallot(community, 'u2', 0)] }))
  const again = data(await call<{ outcomes: { status: string }[] }>(rated, 'evaluate', 'submit', { roundId: extensionId, ballots: [fullBallot(community, 'u2', 1)] }))
  expect(again.outcomes.map((r) => r.status)).toEqual(['already-voted'])
  const after = data(await call<RoundResults>(street.organizer, 'report', 'roundResults', { roundId: id })).targets[0]!
  expect(after.result.headline).toEqual(target!.result.headline)
  // The extension's results sit beside the original's, as a redo round's do.
  expect(data(await call<RoundResults>(street.organizer, 'report', 'roundResults', { roundId: extensionId })).redo).toMatchObject({
    kind: 'extension', of: { roundId: id, title: '两评一树规则的满意度测评' }, round: null,
    rows: [expect.objectContaining({ targetId: 'u2', before: expect.objectContaining({ percent: 0 }) })],
  })
})

test('004\'s extension set aside makes no extension round', async () => {
  const id = await liangpingRound('两评一树规则（不予认定）', { id: 'u3', name: '城关街道执法队' }, 9450)
  const setAside = data(await call<RoundVerdicts>(street.organizer, 'organize', 'stepVerdict', { roundId: id, targetId: 'u3', ruleId: 'very-poor', action: 'set-aside', seen: 0, reason: '系新调整班子，不予延期' }))
  expect(setAside.extensions).toEqual([])
  expect(storedDocs(runtime, 'rounds').filter((r) => r.extensionOf === id)).toEqual([])
})
