/**
 * The households an organiser enters for a round open to all are the round's, on the server: two
 * organisers and a leader read one rate, the leader's dashboard measures against it, only managers
 * may set it, and only while the round is a draft or open. Hostile values change nothing, and a set
 * racing a close (the organiser's or the scheduler's) never loses either.
 */
import { main as scheduler } from '../../cloudfunctions/scheduler'
import { changeRound } from '../../cloudfunctions/common/rounds'
import { timerContext } from '../../local/gateway'
import { database } from '../../cloudfunctions/common/cloudbase'
import type { Runtime } from '../../local/runtime'
import { templateById } from '../../src/core'
import { ensureUnits, fullBallot, openRound, TARGETS, TEST_STREET, SELF_REPORTS } from '../helpers/rounds'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'
import { storedDocs } from '../helpers/store'

type Figures = { ballots: number; voters: number | null; expectedVoters: number | null; takesHouseholds: boolean; households: number | null; targets: { expected: number | null }[] }

let runtime: Runtime
let admin: Session
let organisers: Session[]
let leader: Session
const organize = <T = Figures>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const storedRound = (roundId: string) => storedDocs(runtime, 'rounds').find((d) => d._id === roundId) as { round: { state: string; households?: number }; version: number }
const auditCount = () => storedDocs(runtime, 'audit').length

async function holder(role: 'organizer' | 'leader', persona: string): Promise<Session> {
  const { code } = data(await organize<{ code: string }>(admin, 'inviteRole', { role, unitId: TEST_STREET }))
  const s = await signIn(runtime, persona)
  data(await organize(s, 'redeemRole', { code, displayName: `${role}${persona}` }))
  return s
}

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  await ensureUnits(runtime)
  organisers = [await holder('organizer', 'voter-501'), await holder('organizer', 'voter-502')]
  leader = await holder('leader', 'voter-503')
})
afterAll(() => runtime.close())

test('one organiser sets the households; the other, the leader and the dashboard read the same rate', async () => {
  const roundId = await openRound(runtime)
  const [a, b] = organisers
  const unset = data(await organize(b, 'participation', { roundId }))
  expect(unset).toMatchObject({ takesHouseholds: true, households: null, expectedVoters: null })

  expect(data(await organize(a, 'setHouseholds', { roundId, households: 40 }))).toMatchObject({ households: 40, expectedVoters: 40 })
  for (const name of ['voter-511', 'voter-512']) {
    const resident = await signIn(runtime, name)
    data(await resident.call<Answer>('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } }))
    const ballots = TARGETS.map((t) => fullBallot(templateById('community-satisfaction')!.ballot, t.id))
    data(await resident.call<Answer>('evaluate', { action: 'submit', data: { roundId, ballots } }))
  }
  for (const reader of [a, b, leader]) {
    expect(data(await organize(reader, 'participation', { roundId }))).toMatchObject({ voters: 2, ballots: 6, households: 40, expectedVoters: 40, targets: TARGETS.map(() => ({ expected: 40 })) })
  }
  // The leader's views measure against the same number: 40 households at each of the three targets.
  const results = data(await leader.call<Answer<{ participation: Figures; targets: { expected: number | null }[] }>>('report', { action: 'roundResults', data: { roundId } }))
  expect(results.participation).toMatchObject({ expectedVoters: 40, households: 40 })
  expect(results.targets.map((t) => t.expected)).toEqual([40, 40, 40])
  const board = data(await leader.call<Answer<{ rounds: { id: string; expected: number | null }[] }>>('report', { action: 'dashboard', data: {} }))
  expect(board.rounds.find((r) => r.id === roundId)?.expected).toBe(120)

  const log = data(await organize<{ entries: { action: string; sentence: string }[] }>(admin, 'auditLog', { roundId }))
  expect(log.entries.find((e) => e.action === 'setHouseholds')?.sentence).toMatch(/将评议“测试评议”的参评户数设为40户$/)

  // Cleared, the round has nothing to measure against again.
  expect(data(await organize(b, 'setHouseholds', { roundId, households: null }))).toMatchObject({ households: null, expectedVoters: null })
  expect(storedRound(roundId).round).not.toHaveProperty('households')
})

test('a leader may read the households but not set them; the round is unchanged', async () => {
  const roundId = await openRound(runtime)
  data(await organize(organisers[0], 'setHouseholds', { roundId, households: 300 }))
  const before = storedRound(roundId)
  expect(await organize(leader, 'setHouseholds', { roundId, households: 5 })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '您没有进行这个操作的权限。' } })
  expect(storedRound(roundId)).toEqual(before)
})

test('a draft takes households; a closed or published round refuses them with the reason, and keeps its number', async () => {
  const roundId = await openRound(runtime, {}, false)
  expect(data(await organize(admin, 'setHouseholds', { roundId, households: 800 }))).toMatchObject({ households: 800 })
  data(await organize(admin, 'openRound', { roundId }))
  data(await organize(admin, 'closeRound', { roundId }))
  expect(await organize(admin, 'setHouseholds', { roundId, households: 900 })).toEqual({ ok: false, error: { code: 'HOUSEHOLDS_LOCKED', message: expect.stringMatching(/已结束.*不能再修改/) } })
  data(await organize(admin, 'publishRound', { roundId }))
  expect(await organize(organisers[1], 'setHouseholds', { roundId, households: null })).toMatchObject({ ok: false, error: { code: 'HOUSEHOLDS_LOCKED' } })
  expect(storedRound(roundId).round.households).toBe(800)
  expect(data(await organize(leader, 'participation', { roundId }))).toMatchObject({ households: 800, expectedVoters: 800 })
})

test('a round with a roster (三评一联: 15 + 5 per unit) keeps its roster and refuses households', async () => {
  const roundId = await openRound(runtime, { templateId: 'sanping-yilian', reports: SELF_REPORTS, groups: [{ id: 'g', name: '第一组', leadUnitId: 't1', unitIds: TARGETS.map((t) => t.unitId) }] }, false)
  const before = storedRound(roundId)
  expect(await organize(admin, 'setHouseholds', { roundId, households: 100 })).toMatchObject({ ok: false, error: { code: 'HOUSEHOLDS_NOT_TAKEN', message: expect.stringMatching(/名单/) } })
  expect(storedRound(roundId)).toEqual(before)
  expect(data(await organize(admin, 'participation', { roundId }))).toMatchObject({ takesHouseholds: false, households: null, expectedVoters: 60 })
})

test.each([-1, 0, 1.5, '12', 1e9, { $gt: 0 }, true, [12], '__proto__'])('the value %p is refused at the door and changes nothing', async (households) => {
  const roundId = await openRound(runtime)
  data(await organize(admin, 'setHouseholds', { roundId, households: 50 }))
  const [before, audited] = [storedRound(roundId), auditCount()]
  expect(await organize(organisers[0], 'setHouseholds', { roundId, households })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  expect(storedRound(roundId)).toEqual(before)
  expect(auditCount()).toBe(audited)
})

test('a set racing the organiser’s close: the close lands, and the set either lands with it or is refused, never lost', async () => {
  for (let run = 0; run < 8; run++) {
    const roundId = await openRound(runtime)
    const [closed, set] = await Promise.all([
      organize(organisers[0], 'closeRound', { roundId }),
      organize(organisers[1], 'setHouseholds', { roundId, households: 100 + run }),
    ])
    expect(closed.ok).toBe(true)
    const stored = storedRound(roundId).round
    expect(stored.state).toBe('closed')
    if (set.ok) expect(stored.households).toBe(100 + run)
    else expect({ code: set.error.code, households: stored.households }).toEqual({ code: 'HOUSEHOLDS_LOCKED', households: undefined })
  }
})

test('an edit computed on the open round while the scheduler closes it is redone on the closed round, never writing it back open', async () => {
  const roundId = await openRound(runtime)
  await database().collection('rounds').doc(roundId).update({ 'round.window.closesAt': new Date(Date.now() - 1000).toISOString() })
  const seen: string[] = []
  await changeRound(roundId, async (doc) => {
    seen.push(doc.round.state)
    // The timer fires between this edit's read and its write.
    if (seen.length === 1) data(await scheduler({ Type: 'Timer', TriggerName: 'close-ended-rounds' }, timerContext('scheduler')) as Answer)
    return { ...doc, round: { ...doc.round, households: 70 } }
  })
  expect(seen).toEqual(['open', 'closed'])
  expect(storedRound(roundId).round).toMatchObject({ state: 'closed', households: 70 })
})

test.each(['toString', '__proto__', 'constructor', '$gt', 'root'])('the round id %s is refused with a Chinese message and changes no round', async (roundId) => {
  const [before, audited] = [storedDocs(runtime, 'rounds'), auditCount()]
  const answer = await organize(admin, 'setHouseholds', { roundId, households: 10 })
  expect(answer).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(BAD_INPUT|ROUND_NOT_FOUND)$/), message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
  expect(storedDocs(runtime, 'rounds')).toEqual(before)
  expect(auditCount()).toBe(audited)
})
