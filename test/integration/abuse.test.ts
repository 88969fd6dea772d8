/** Abuse limits: a budget of ballots and refusals per identity, and bursts of identical answers flagged, never dropped. */
import type { Runtime } from '../../local/runtime'
import { MAX_SUBMITS_PER_WINDOW } from '../../cloudfunctions/evaluate/abuse'
import { BURST_THRESHOLD } from '../../cloudfunctions/evaluate/bursts'
import { main as scheduler } from '../../cloudfunctions/scheduler'
import { timerContext } from '../../local/gateway'
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
const schedulerPass = async () =>
  expect(await scheduler({ Type: 'Timer', TriggerName: 'close-ended-rounds', Time: new Date().toISOString(), Message: '' }, timerContext('scheduler'))).toMatchObject({ ok: true })

test('an identity sending invalid ballots runs out of budget; "already voted" answers cost nothing', async () => {
  const roundId = await openRound(runtime)
  const s = await signIn(runtime, 'voter-1')
  await s.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
  const submit = (ballot: unknown) => s.call<Answer>('evaluate', { action: 'submit', data: { roundId, ballots: [ballot] } })
  expect(await submit(fullBallot(template, 't1'))).toMatchObject({ ok: true })
  for (let i = 0; i < 3 * MAX_SUBMITS_PER_WINDOW; i++) expect(await submit(fullBallot(template, 't1'))).toMatchObject({ ok: true })
  // The recorded ballot cost one unit, the refusals one each; "already voted" nothing.
  for (let i = 0; i < MAX_SUBMITS_PER_WINDOW - 1; i++) expect(await submit({ ...fullBallot(template, 't2'), items: {} })).toMatchObject({ ok: true })
  expect(await submit(fullBallot(template, 't2'))).toEqual({ ok: false, error: { code: 'TOO_MANY_SUBMISSIONS', message: expect.stringMatching(/频繁/) } })
  expect(countersOf(runtime, roundId, 't2').ballots).toBe(0)
})

test('the budget record of a voter who wrote an opinion is that of one who did not: a dump cannot tell them apart', async () => {
  const roundId = await openRound(runtime)
  const records: Record<string, unknown>[] = []
  for (const [i, opinion] of [[30, '楼道灯坏了'], [31, undefined]] as const) {
    const before = new Set(storedDocs(runtime, 'limits').map((d) => d._id))
    const s = await signIn(runtime, `voter-${i}`)
    await s.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
    expect(await s.call('evaluate', { action: 'submit', data: { roundId, ballots: [fullBallot(template, 't1', 0, opinion)] } })).toMatchObject({ ok: true })
    records.push(...storedDocs(runtime, 'limits').filter((d) => !before.has(d._id)))
  }
  const shape = (d: Record<string, unknown>) => ({ ...d, _id: null })
  expect(records).toHaveLength(2)
  expect(shape(records[0]!)).toEqual(shape(records[1]!))
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
  const flags = () => storedDocs(runtime, 'signals').filter((d) => d.kind === 'burst' && d.roundId === roundId)
  // The scheduler's pass, within a minute, raises the flag: the voters paid no request for the watch.
  expect(flags()).toEqual([])
  await schedulerPass()
  expect(flags()).toEqual([expect.objectContaining({ channelId: 'grid-1', targetId: 't3', ballots: BURST_THRESHOLD, identicalBallots: BURST_THRESHOLD })])
})

test('the burst watch notes how many ballots came through a channel, never their answers; as many that differ raise no flag', async () => {
  const roundId = await openRound(runtime, { channels: [{ id: 'grid-1', name: '一网格群' }, { id: 'grid-2', name: '二网格群' }] })
  const levels = template.scale.levels.length
  const notes = () => storedDocs(runtime, 'signals').filter((d) => d.roundId === roundId)
  for (let i = 0; i < BURST_THRESHOLD; i++) {
    const s = await signIn(runtime, `voter-${400 + i}`)
    await s.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
    const ballot = { ...fullBallot(template, 't2', i % levels), items: Object.fromEntries(Object.keys(fullBallot(template, 't2').items).map((id, k) => [id, template.scale.levels[(i + k) % levels]!.id])) }
    await s.call('evaluate', { action: 'submit', data: { roundId, channel: 'grid-1', ballots: [ballot] } })
    if (i === 0) {
      // A quiet window's one ballot: the note counts it by target and channel, nothing of its answers.
      await schedulerPass()
      expect(notes().map((d) => Object.keys(d).sort())).toEqual([['_id', 'kind', 'roundId', 'sums', 'window']])
      expect(JSON.stringify(notes()[0]!.sums)).toBe(JSON.stringify([[JSON.stringify(['t2', 'grid-1']), 1]]))
    }
  }
  await schedulerPass()
  expect(notes().filter((d) => d.kind === 'burst')).toEqual([])
})

/** Content checks (msgSecCheck, sent as `wx.api`) the embedded CloudBase has answered so far. */
const checks = () => runtime.cloudbase.stats['wx.api'] ?? 0

test('an opinion for a target already voted for costs no content check', async () => {
  const roundId = await openRound(runtime)
  const s = await signIn(runtime, 'voter-200')
  await s.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
  const before = checks()
  expect(await s.call('evaluate', { action: 'submit', data: { roundId, ballots: [fullBallot(template, 't1', 0, '路灯坏了')] } })).toMatchObject({ ok: true })
  expect(checks() - before).toBe(1)
  const again = await s.call<Answer<{ outcomes: { status: string }[] }>>('evaluate', {
    action: 'submit',
    data: { roundId, ballots: Array.from({ length: 50 }, (_, i) => fullBallot(template, 't1', 0, `第${i}次提交的意见`)) },
  })
  expect(again.ok && again.data.outcomes.every((o) => o.status === 'already-voted')).toBe(true)
  expect(checks() - before).toBe(1)
})

test(`40 concurrent requests of 20 opinions each cause at most ${MAX_SUBMITS_PER_WINDOW} content checks`, async () => {
  const roundId = await openRound(runtime)
  const s = await signIn(runtime, 'voter-201')
  await s.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
  const before = checks()
  // Distinct risky texts, refused, so no receipt ever spares their check and no memo repeats; and
  // copies for t1, whose receipt appears while other requests are already checking theirs.
  const answers = await Promise.all(
    Array.from({ length: 40 }, (_, r) =>
      s.call<Answer<{ outcomes: { status: string; error?: { code: string } }[] }>>('evaluate', {
        action: 'submit',
        data: { roundId, ballots: Array.from({ length: 20 }, (_, i) => (i % 2 ? fullBallot(template, `t${2 + (i % 4 > 1 ? 1 : 0)}`, 0, `赌博${r}-${i}`) : fullBallot(template, 't1', 0, `意见${r}-${i}`))) },
      }),
    ),
  )
  const outcomes = answers.flatMap((a) => (a.ok ? a.data.outcomes : []))
  expect(checks() - before).toBeLessThanOrEqual(MAX_SUBMITS_PER_WINDOW)
  expect(outcomes.filter((o) => o.status === 'recorded')).toHaveLength(1)
  expect(outcomes.filter((o) => o.error?.code === 'OPINION_REFUSED').length).toBeLessThanOrEqual(MAX_SUBMITS_PER_WINDOW)
  // Every request was answered: with outcomes, or refused as a whole once nothing was left.
  expect(answers.every((a) => a.ok || a.error.code === 'TOO_MANY_SUBMISSIONS')).toBe(true)
})

test('a text found risky is remembered: sent again, by anyone, it is refused without another check', async () => {
  const roundId = await openRound(runtime)
  const [a, b] = await Promise.all(['voter-202', 'voter-203'].map((p) => signIn(runtime, p)))
  for (const s of [a, b]) await s.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
  const text = '有人在楼道里聚众赌博'
  const before = checks()
  for (const s of [a, a, b]) {
    const answer = await s.call<Answer<{ outcomes: { error?: { code: string } }[] }>>('evaluate', { action: 'submit', data: { roundId, ballots: [fullBallot(template, 't1', 0, text)] } })
    expect(answer.ok && answer.data.outcomes[0].error?.code).toBe('OPINION_REFUSED')
  }
  expect(checks() - before).toBe(1)
  // Only a keyed hash of the text is kept, never the text.
  expect(JSON.stringify(storedDocs(runtime, 'opinionChecks'))).not.toContain('赌博')
})
