/**
 * 会场模式: an organiser opens a meeting session of a 三评一联 round's group, evaluators with roster
 * codes vote through its channel, the big screen counts them per category (never who), and 结束测评
 * stops the session's ballots on the server — a late one is refused and changes nothing, even
 * when it races the end.
 */
import { database } from '../../cloudfunctions/common/cloudbase'
import type { Runtime } from '../../local/runtime'
import type { SessionBoard, SessionView } from '../../src/api/organize'
import { type BallotTemplate } from '../../src/core'
import { fullBallot } from '../helpers/rounds'
import { type Answer, data, roleHoldersAt, type Session, signIn, startTestRuntime } from '../helpers/runtime'

let runtime: Runtime
let admin: Session
let owner: Record<'organizer' | 'leader' | 'contact', Session>
let outsider: Session
let voter = 0

const hour = 3600_000
const at = (ms: number) => new Date(Date.now() + ms).toISOString()
const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const code = (a: Answer<unknown>) => (a.ok ? 'ok' : a.error.code)
const UNITS = [['ua', '和平社区党委'], ['ub', '和平社区居委会']]
const NAMES = ['张一', '张二', '张三', '张四', '张五', '张六']

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  await organize(admin, 'createUnit', { id: 'st', name: '幸福街道', parentId: null, kind: 'street' })
  for (const [id, name] of [['cm', '和平社区'], ['cm2', '友谊社区']]) await organize(admin, 'createUnit', { id, name, parentId: 'st', kind: 'community' })
  for (const [id, name] of UNITS) await organize(admin, 'createUnit', { id, name, parentId: 'cm', kind: 'unit' })
  owner = await roleHoldersAt(runtime, admin, 'cm', 100)
  outsider = (await roleHoldersAt(runtime, admin, 'cm2', 200)).organizer
})
afterAll(() => runtime.close())

interface Meeting {
  roundId: string
  template: BallotTemplate
  /** Per unit, its six unit evaluators' codes. */
  codes: Record<string, string[]>
}

/** An open 三评一联 round of one group (two units), its roster (six named unit evaluators and a shared all-round code per unit) entered and approved by the admin. */
async function openMeetingRound(): Promise<Meeting> {
  const { roundId } = data(await organize<{ roundId: string }>(admin, 'createRound', {
    templateId: 'sanping-yilian', ownerUnitId: 'cm', title: '和平社区三评一联',
    window: { opensAt: at(-hour), closesAt: at(24 * hour) },
    targets: UNITS.map(([id, name]) => ({ id, name, kind: 'unit', unitId: id })),
    groups: [{ id: 'g1', name: '第一组', leadUnitId: 'ua', unitIds: ['ua', 'ub'] }],
    reports: Object.fromEntries(UNITS.map(([id, name]) => [id, `${name}情况报告`])),
  }))
  const codes: Record<string, string[]> = {}
  for (const [unitId] of UNITS) {
    const added = data(await organize<{ codes: { code: string }[] }>(admin, 'addRoster', { roundId, categoryId: 'unit', entries: NAMES.map((name) => ({ name, unitId })) }))
    codes[unitId] = added.codes.map((c) => c.code)
    data(await organize(admin, 'sharedCode', { roundId, categoryId: 'all-round', unitId, maxUses: 5 }))
  }
  const review = data(await organize<{ state: string; revision: number }>(admin, 'rosterReview', { roundId }))
  if (review.state !== 'approved') data(await organize(admin, 'reviewRoster', { roundId, revision: review.revision, approve: true }))
  const opened = data(await organize<{ state: string; blockers: unknown[] }>(admin, 'openRound', { roundId }))
  if (opened.state !== 'open') throw new Error(JSON.stringify(opened.blockers))
  const round = data(await (await signIn(runtime, 'voter-1')).call<Answer<{ template: BallotTemplate }>>('evaluate', { action: 'getRound', data: { roundId } }))
  return { roundId, template: round.template, codes }
}

const openSession = (by: Session, roundId: string, input: Partial<{ name: string; groupId: string | null; opensAt: string; closesAt: string }> = {}) =>
  organize<SessionView>(by, 'openSession', { roundId, name: '第一组集中测评', groupId: 'g1', opensAt: at(-60_000), closesAt: at(2 * hour), ...input })
const board = async (roundId: string, sessionId: string) => data(await organize<SessionBoard>(owner.organizer, 'sessionBoard', { roundId, sessionId }))

/** A new evaluator redeems the slip and submits their own unit's ballot through the channel. */
async function voteWith(m: Meeting, slip: string, channel: string | undefined) {
  const person = await signIn(runtime, `voter-${1000 + voter++}`)
  data(await person.call<Answer>('evaluate', { action: 'redeem', data: { code: slip } }))
  const unitId = Object.keys(m.codes).find((u) => m.codes[u].includes(slip)) as string
  const answer = await person.call<Answer<{ outcomes: { status: string; error?: { code: string } }[] }>>('evaluate', {
    action: 'submit', data: { roundId: m.roundId, ...(channel ? { channel } : {}), ballots: [fullBallot(m.template, unitId)] },
  })
  return { person, answer }
}

const channelBallots = async (roundId: string, channel: string) =>
  data(await organize<{ channels: { id: string; ballots: number }[] }>(owner.organizer, 'participation', { roundId })).channels.find((c) => c.id === channel)?.ballots

test('a session opens with its own channel, counts evaluators per category as they vote, and ends: a late ballot is refused and changes nothing', async () => {
  const m = await openMeetingRound()
  const session = data(await openSession(owner.organizer, m.roundId))
  expect(session).toMatchObject({ name: '第一组集中测评', groupId: 'g1', groupName: '第一组', status: 'open', endedAt: null })
  expect(session.path).toBe(`pages/round/index?roundId=${m.roundId}&channel=${session.id}`)
  const before = await board(m.roundId, session.id)
  // Seed 000: 15 unit evaluators and 5 all-round evaluators per unit, two units in the group.
  expect(before.categories).toEqual([
    { id: 'unit', name: expect.any(String), submitted: 0, expected: 30 },
    { id: 'all-round', name: expect.any(String), submitted: 0, expected: 10 },
  ])
  expect(before).toMatchObject({ ballots: 0, slips: { issued: 12, spent: 0, withheld: 0 }, results: null })

  for (const slip of [...m.codes.ua.slice(0, 3), ...m.codes.ub.slice(0, 2)]) expect((await voteWith(m, slip, session.id)).answer).toMatchObject({ ok: true, data: { outcomes: [{ status: 'recorded' }] } })
  // One voter online, outside the session: not the meeting's.
  expect((await voteWith(m, m.codes.ub[5], undefined)).answer).toMatchObject({ ok: true })
  const during = await board(m.roundId, session.id)
  expect(during.categories[0].submitted).toBe(5)
  expect(during).toMatchObject({ ballots: 5, slips: { issued: 12, spent: 6 } })
  expect(await channelBallots(m.roundId, session.id)).toBe(5)

  const ended = data(await organize<SessionView>(owner.organizer, 'endSession', { roundId: m.roundId, sessionId: session.id }))
  expect(ended).toMatchObject({ status: 'ended', endedAt: expect.any(String) })
  // Ending again changes nothing.
  expect(data(await organize<SessionView>(owner.organizer, 'endSession', { roundId: m.roundId, sessionId: session.id })).endedAt).toBe(ended.endedAt)

  const late = await voteWith(m, m.codes.ua[3], session.id)
  expect(late.answer).toEqual({ ok: false, error: { code: 'SESSION_ENDED', message: '本场测评已结束，不再接受评价' } })
  expect(data(await late.person.call<Answer<{ receipts: unknown[] }>>('evaluate', { action: 'myStatus', data: { roundId: m.roundId } })).receipts).toEqual([])
  expect(await channelBallots(m.roundId, session.id)).toBe(5)
  expect((await board(m.roundId, session.id)).ballots).toBe(5)
  // Opening and ending are audited, once each (the second end changed nothing), under the organiser's name.
  const log = data(await organize<{ entries: { action: string; sentence: string }[] }>(owner.organizer, 'auditLog', { roundId: m.roundId })).entries
  expect(log.filter((e) => e.action === 'openSession' || e.action === 'endSession').map((e) => e.sentence.replace(/^\S+ \S+ /, ''))).toEqual([
    'organizer某 结束了评议“和平社区三评一联”的会场“第一组集中测评”的测评',
    'organizer某 为评议“和平社区三评一联”开设了会场“第一组集中测评”',
  ])
  // The same evaluator may still vote online: the session refused, the round did not.
  const online = await late.person.call<Answer>('evaluate', { action: 'submit', data: { roundId: m.roundId, ballots: [fullBallot(m.template, 'ua')] } })
  expect(online).toMatchObject({ ok: true, data: { outcomes: [{ status: 'recorded' }] } })
})

test('the ended session shows results only where the round lets the room see them: not while a 000 round is open, then once closed', async () => {
  const m = await openMeetingRound()
  const session = data(await openSession(owner.organizer, m.roundId))
  for (const slip of [...m.codes.ua, ...m.codes.ub.slice(0, 2)]) await voteWith(m, slip, session.id)
  const running = await board(m.roundId, session.id)
  expect(running).toMatchObject({ results: null, resultsNotice: '结束测评后可在此展示本场结果' })
  data(await organize(owner.organizer, 'endSession', { roundId: m.roundId, sessionId: session.id }))
  expect(await board(m.roundId, session.id)).toMatchObject({ results: null, resultsNotice: '本轮评议设定结果在评议结束后查看，会场暂不展示结果' })
  data(await organize(admin, 'closeRound', { roundId: m.roundId }))
  const closed = await board(m.roundId, session.id)
  expect(closed.resultsNotice).toBeNull()
  // Six ballots at ua: shown; two at ub: fewer than k, so nothing of what was said.
  expect(closed.results).toEqual([
    expect.objectContaining({ targetId: 'ua', counted: 6, satisfaction: 100 }),
    expect.objectContaining({ targetId: 'ub', counted: 0, satisfaction: null }),
  ])
})

test('refusals: a window outside the round\'s, backwards or already over, an unknown group, a round not open, a session not yet started or past its end', async () => {
  const m = await openMeetingRound()
  expect(code(await openSession(owner.organizer, m.roundId, { opensAt: at(-2 * hour) }))).toBe('SESSION_WINDOW_INVALID')
  expect(code(await openSession(owner.organizer, m.roundId, { closesAt: at(48 * hour) }))).toBe('SESSION_WINDOW_INVALID')
  expect(code(await openSession(owner.organizer, m.roundId, { opensAt: at(hour), closesAt: at(30 * 60_000) }))).toBe('SESSION_WINDOW_INVALID')
  expect(code(await openSession(owner.organizer, m.roundId, { opensAt: at(-50 * 60_000), closesAt: at(-10 * 60_000) }))).toBe('SESSION_WINDOW_INVALID')
  expect(code(await openSession(owner.organizer, m.roundId, { groupId: 'g9' }))).toBe('GROUP_UNKNOWN')
  const { roundId: draft } = data(await organize<{ roundId: string }>(admin, 'createRound', {
    templateId: 'sanping-yilian', ownerUnitId: 'cm', title: '草稿', window: { opensAt: at(-hour), closesAt: at(hour) },
    targets: [{ id: 'ua', name: '和平社区党委', kind: 'unit', unitId: 'ua' }], groups: [{ id: 'g1', name: '第一组', leadUnitId: 'ua', unitIds: ['ua'] }],
  }))
  expect(code(await openSession(owner.organizer, draft, {}))).toBe('ROUND_NOT_OPEN')
  // Nothing was added by the refusals: no channel, no session.
  expect(data(await organize<{ sessions: unknown[] }>(owner.organizer, 'listSessions', { roundId: m.roundId })).sessions).toEqual([])

  const later = data(await openSession(owner.organizer, m.roundId, { name: '下午场', opensAt: at(hour), closesAt: at(2 * hour) }))
  expect(later.status).toBe('not-yet-open')
  const early = await voteWith(m, m.codes.ua[0], later.id)
  expect(early.answer).toEqual({ ok: false, error: { code: 'SESSION_NOT_YET_OPEN', message: '本场测评尚未开始，请稍候再扫码' } })
  expect((await board(m.roundId, later.id)).ballots).toBe(0)

  // A session whose end time has passed takes nothing, 结束测评 pressed or not (time moved in the store, not waited for).
  const lapsed = data(await openSession(owner.organizer, m.roundId, { name: '上午场' }))
  await database().collection('sessions').doc(lapsed.id).update({ closesAt: at(-1000) })
  expect(code((await voteWith(m, m.codes.ua[1], lapsed.id)).answer)).toBe('SESSION_ENDED')
  expect(await board(m.roundId, lapsed.id)).toMatchObject({ ballots: 0, session: { status: 'ended', endedAt: null } })
})

test('only the round\'s organisers open, end and watch a session; hostile and foreign ids are refused alike', async () => {
  const m = await openMeetingRound()
  const session = data(await openSession(owner.organizer, m.roundId))
  const other = await openMeetingRound()
  const resident = await signIn(runtime, 'voter-77')
  for (const who of [owner.leader, owner.contact, outsider, resident]) {
    expect(code(await openSession(who, m.roundId))).toBe('FORBIDDEN')
    for (const action of ['endSession', 'sessionBoard']) expect(code(await organize(who, action, { roundId: m.roundId, sessionId: session.id }))).toBe('FORBIDDEN')
    expect(code(await organize(who, 'listSessions', { roundId: m.roundId }))).toBe('FORBIDDEN')
  }
  expect((await board(m.roundId, session.id)).session.status).toBe('open')
  for (const sessionId of ['__proto__', 'toString', '$gt', '']) expect(code(await organize(owner.organizer, 'sessionBoard', { roundId: m.roundId, sessionId }))).toBe('BAD_INPUT')
  for (const sessionId of ['root', 'ms-00000000', 'grid-1']) expect(code(await organize(owner.organizer, 'endSession', { roundId: m.roundId, sessionId }))).toBe('SESSION_UNKNOWN')
  // A session of one round named under another is no session of it.
  expect(code(await organize(owner.organizer, 'endSession', { roundId: other.roundId, sessionId: session.id }))).toBe('SESSION_UNKNOWN')
  expect((await board(m.roundId, session.id)).session.status).toBe('open')
  // A ballot carrying another round's session as its channel is counted unattributed, not refused by it.
  data(await organize(owner.organizer, 'endSession', { roundId: m.roundId, sessionId: session.id }))
  expect((await voteWith(other, other.codes.ua[0], session.id)).answer).toMatchObject({ ok: true, data: { outcomes: [{ status: 'recorded' }] } })
})

test('the big screen tells how many, never who: two meetings that differ only in which evaluator came answer alike', async () => {
  const boards: SessionBoard[] = []
  for (const which of [0, 1]) {
    const m = await openMeetingRound()
    const session = data(await openSession(owner.organizer, m.roundId))
    await voteWith(m, m.codes.ua[which], session.id)
    const { session: s, ...counts } = await board(m.roundId, session.id)
    // Its id and the minute it was opened differ by construction.
    boards.push({ ...counts, session: { ...s, id: '', path: '', opensAt: '', closesAt: '' } })
    for (const name of NAMES) expect(JSON.stringify(counts)).not.toContain(name)
  }
  expect(boards[0]).toEqual(boards[1])
})

test('结束测评 racing ballots: every ballot answered recorded is counted, none lands after the end answers', async () => {
  const m = await openMeetingRound()
  const session = data(await openSession(owner.organizer, m.roundId))
  const slips = [...m.codes.ua, ...m.codes.ub]
  const voting = slips.map((slip) => voteWith(m, slip, session.id))
  await new Promise((r) => setImmediate(r))
  data(await organize(owner.organizer, 'endSession', { roundId: m.roundId, sessionId: session.id }))
  const afterEnd = await channelBallots(m.roundId, session.id)
  const answers = await Promise.all(voting)
  const recorded = answers.filter((a) => a.answer.ok && (a.answer.data.outcomes[0].status === 'recorded')).length
  const refused = answers.filter((a) => code(a.answer) === 'SESSION_ENDED' || (a.answer.ok && a.answer.data.outcomes[0].error?.code === 'SESSION_ENDED')).length
  expect(recorded + refused).toBe(slips.length)
  expect(await channelBallots(m.roundId, session.id)).toBe(recorded)
  expect(afterEnd).toBe(recorded)
  expect((await board(m.roundId, session.id)).ballots).toBe(recorded)
})
