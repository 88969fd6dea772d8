/**
 * Casting ballots through the gateway and the real SDK: one per identity and target whatever the
 * requests race, counters in step with ballots, refusals that change nothing.
 */
import { builtinTemplates } from '../../src/core'
import type { Runtime } from '../../local/runtime'
import type { RoundForResident, TargetOutcome } from '../../src/api/evaluate'
import { type Answer, fullBallot, openRound } from '../helpers/rounds'
import { signIn } from '../helpers/runtime'
import { startTestRuntime } from '../helpers/runtime'
import { countersOf, storedDocs } from '../helpers/store'
import { opinionsPage, storedBallots } from '../../cloudfunctions/common/ballots'
import { database } from '../../cloudfunctions/common/cloudbase'

let runtime: Runtime
beforeAll(async () => {
  runtime = await startTestRuntime()
})
afterAll(() => runtime.close())

const template = builtinTemplates.find((t) => t.id === 'community-satisfaction')!.ballot

async function resident(persona: string, roundId: string) {
  const session = await signIn(runtime, persona)
  const enrolled = await session.call<Answer>('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
  expect(enrolled.ok).toBe(true)
  return {
    submit: (ballots: unknown[], extra: Record<string, unknown> = {}) =>
      session.call<Answer<{ outcomes: TargetOutcome[] }>>('evaluate', { action: 'submit', data: { roundId, ballots, ...extra } }),
    view: () => session.call<Answer<RoundForResident>>('evaluate', { action: 'getRound', data: { roundId } }),
    session,
  }
}

test('1 000 concurrent submits of the same ballot by one identity: 1 ballot, 1 receipt, counters +1, 999 "already voted"', async () => {
  const roundId = await openRound(runtime)
  const zhang = await resident('resident-zhang', roundId)
  const ballot = fullBallot(template, 't1')
  const answers = await Promise.all(Array.from({ length: 1000 }, () => zhang.submit([ballot])))
  const statuses = answers.map((a) => (a.ok ? a.data.outcomes[0].status : a.error.code))
  expect(statuses.filter((s) => s === 'recorded')).toHaveLength(1)
  expect(statuses.filter((s) => s === 'already-voted')).toHaveLength(999)
  expect(await storedBallots(roundId, 't1')).toHaveLength(1)
  expect(storedDocs(runtime, 'receipts').filter((r) => r.roundId === roundId)).toHaveLength(1)
  expect(countersOf(runtime, roundId, 't1').ballots).toBe(1)
  // Every "already voted" answer carries the same receipt as the recorded one.
  const codes = new Set(answers.map((a) => (a.ok ? (a.data.outcomes[0] as { receipt: { code: string } }).receipt.code : '')))
  expect(codes.size).toBe(1)
})

test('a matrix submission records each target on its own and says which were recorded', async () => {
  const roundId = await openRound(runtime)
  const li = await resident('resident-li', roundId)
  const first = await li.submit([fullBallot(template, 't1'), { ...fullBallot(template, 't2'), overall: 'nonsense' }, fullBallot(template, 'nowhere')])
  expect(first.ok && first.data.outcomes.map((o) => [o.targetId, o.status])).toEqual([
    ['t1', 'recorded'],
    ['t2', 'refused'],
    ['nowhere', 'refused'],
  ])
  expect(first.ok && first.data.outcomes[1].status === 'refused' && first.data.outcomes[1].error).toEqual({ code: 'LEVEL_NOT_ON_SCALE', message: expect.stringMatching(/等次/) })
  const again = await li.submit([fullBallot(template, 't1'), fullBallot(template, 't2')])
  expect(again.ok && again.data.outcomes.map((o) => o.status)).toEqual(['already-voted', 'recorded'])
  const view = await li.view()
  expect(view.ok && view.data.receipts.map((r) => r.targetId).sort()).toEqual(['t1', 't2'])
})

test('a risky opinion is refused with a Chinese message, nothing is stored, and the edited ballot then counts', async () => {
  const roundId = await openRound(runtime)
  const wang = await resident('resident-wang', roundId)
  const refused = await wang.submit([fullBallot(template, 't3', 1, '楼下有人聚众赌博')])
  expect(refused.ok && refused.data.outcomes[0]).toEqual({ targetId: 't3', status: 'refused', error: { code: 'OPINION_REFUSED', message: expect.stringMatching(/评分仍然保留/) } })
  expect(countersOf(runtime, roundId, 't3').ballots).toBe(0)
  const edited = await wang.submit([fullBallot(template, 't3', 1, '希望加强楼道照明')])
  expect(edited.ok && edited.data.outcomes[0].status).toBe('recorded')
  expect(countersOf(runtime, roundId, 't3')).toMatchObject({ ballots: 1, opinions: 1 })
})

test('draft, unknown, not-yet-open and ended rounds (server time) refuse ballots with their own codes', async () => {
  const zhang = await signIn(runtime, 'resident-zhang')
  const submitTo = (roundId: string) => zhang.call<Answer>('evaluate', { action: 'submit', data: { roundId, ballots: [fullBallot(template, 't1')] } })
  const draft = await openRound(runtime, {}, false)
  // A draft is the organiser's alone: to residents it does not exist.
  expect(await submitTo(draft)).toMatchObject({ ok: false, error: { code: 'ROUND_NOT_FOUND' } })
  expect(await submitTo('no-such-round')).toMatchObject({ ok: false, error: { code: 'ROUND_NOT_FOUND', message: '评议活动不存在' } })
  const later = await openRound(runtime, { window: { opensAt: '2099-01-01T08:00:00+08:00', closesAt: '2099-02-01T08:00:00+08:00' } })
  expect(await submitTo(later)).toMatchObject({ ok: false, error: { code: 'WINDOW_NOT_YET_OPEN', message: '评议尚未开始' } })
  // Its window ends after it opened (a round cannot be opened already over), without waiting for it.
  const ending = await openRound(runtime, { window: { opensAt: '2020-01-01T08:00:00+08:00', closesAt: '2099-01-01T08:00:00+08:00' } })
  await database().collection('rounds').doc(ending).update({ 'round.window.closesAt': new Date(Date.now() - 1000).toISOString() })
  expect(await submitTo(ending)).toMatchObject({ ok: false, error: { code: 'WINDOW_ENDED', message: '评议已经结束' } })
})

test('a resident must choose a category before voting, and cannot change it afterwards', async () => {
  const roundId = await openRound(runtime)
  const zhang = await signIn(runtime, 'resident-zhang')
  expect(await zhang.call('evaluate', { action: 'submit', data: { roundId, ballots: [fullBallot(template, 't1')] } })).toMatchObject({ ok: false, error: { code: 'NOT_ENROLLED' } })
  expect(await zhang.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })).toMatchObject({ ok: true })
  expect(await zhang.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })).toMatchObject({ ok: true })
  expect(await zhang.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'cadres' } })).toMatchObject({ ok: false, error: { code: 'CATEGORY_UNKNOWN' } })
})

test('a share link\'s channel is counted when it belongs to the round and ignored otherwise', async () => {
  const roundId = await openRound(runtime)
  const zhang = await resident('resident-zhang', roundId)
  const li = await resident('resident-li', roundId)
  await zhang.submit([fullBallot(template, 't1')], { channel: 'grid-1' })
  await li.submit([fullBallot(template, 't1')], { channel: 'grid-9' })
  // Counted from the receipts, which hold no answers: neither the ballot nor its shard keeps the channel.
  const admin = await signIn(runtime, 'admin')
  const turnout = await admin.call<Answer<{ ballots: number; channels: { id: string; ballots: number }[] }>>('organize', { action: 'participation', data: { roundId } })
  expect(turnout).toMatchObject({ ok: true, data: { ballots: 2, channels: [{ id: 'grid-1', ballots: 1 }] } })
  expect(countersOf(runtime, roundId, 't1')).toMatchObject({ ballots: 2, channels: {} })
  expect((await storedBallots(roundId, 't1')).map((b) => Object.keys(b).includes('channelId'))).toEqual([false, false])
})

test('openid, _openid or userInfo in the body never change who voted', async () => {
  const roundId = await openRound(runtime)
  const zhang = await resident('resident-zhang', roundId)
  const liOpenid = runtime.login.openidOf('resident-li')
  const spoofed = await zhang.session.call<Answer<{ outcomes: TargetOutcome[] }>>('evaluate', {
    action: 'submit',
    openid: liOpenid,
    _openid: liOpenid,
    userInfo: { openId: liOpenid },
    data: { roundId, ballots: [fullBallot(template, 't1')] },
  })
  expect(spoofed.ok && spoofed.data.outcomes[0].status).toBe('recorded')
  const inData = await zhang.session.call('evaluate', { action: 'submit', data: { roundId, openid: liOpenid, ballots: [fullBallot(template, 't2')] } })
  expect(inData).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  // The ballot is Zhang's: Li, who never enrolled, has no receipt and may still enrol and vote.
  const li = await resident('resident-li', roundId)
  expect((await li.view()).ok && ((await li.view()) as { data: RoundForResident }).data.receipts).toEqual([])
  const liVotes = await li.submit([fullBallot(template, 't1')])
  expect(liVotes.ok && liVotes.data.outcomes[0].status).toBe('recorded')
  expect(countersOf(runtime, roundId, 't1').ballots).toBe(2)
})

test('opinions are read back a page at a time, as text with no date, every one exactly once', async () => {
  const roundId = await openRound(runtime)
  const personas = ['resident-zhang', 'resident-li', 'resident-wang']
  for (const [i, persona] of personas.entries()) expect((await (await resident(persona, roundId)).submit([fullBallot(template, 't1', 0, `意见${i}`)])).ok).toBe(true)
  const first = await opinionsPage(roundId, 't1', 0, 2)
  const rest = await opinionsPage(roundId, 't1', 2, 2)
  expect([first.total, first.opinions.length, rest.opinions.length]).toEqual([3, 2, 1])
  expect([...first.opinions, ...rest.opinions].map((o) => o.text).sort()).toEqual(['意见0', '意见1', '意见2'])
  for (const o of [...first.opinions, ...rest.opinions]) expect(Object.keys(o)).toEqual(['text'])
})

test('an opening cut short before all pools were made: racing voters complete them, every ballot counted once, in all of the pools', async () => {
  const roundId = await openRound(runtime)
  // The open answered, but none of t1's pools and shards were made (the opening makes a target's pools,
  // then its shards). Every voter misses its pool then, so all race to complete them; a target missing
  // only some pools is completed only by a voter who picks a missing one.
  for (let k = 0; k < 16; k++) for (const coll of ['ballots', 'counters']) await database().collection(coll).doc(`${roundId}:t1:${k}`).remove()
  const voters = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => resident(`voter-${9000 + n}`, roundId)))
  const answers = await Promise.all(voters.map((v, i) => v.submit([fullBallot(template, 't1', i % 4)])))
  expect(answers.map((a) => a.ok && a.data.outcomes[0].status)).toEqual(voters.map(() => 'recorded'))
  const mine = (coll: string) => storedDocs(runtime, coll).filter((d) => d.roundId === roundId && d.targetId === 't1')
  expect([mine('ballots').length, mine('counters').length]).toEqual([16, 16])
  expect(await storedBallots(roundId, 't1')).toHaveLength(6)
  expect(countersOf(runtime, roundId, 't1').ballots).toBe(6)
})
