/**
 * Once a round's final results are stored, its live release and live result documents are gone
 * (review finding 2): left beside the final counters, final less the last release is the ballots
 * cast after it — one known resident's whole ballot and opinion when she voted alone after it.
 */
import { database } from '../../cloudfunctions/common/cloudbase'
import { main as scheduler } from '../../cloudfunctions/scheduler'
import { timerContext } from '../../local/gateway'
import type { TargetDetail } from '../../src/api/report'
import { templateById } from '../../src/core'
import { type Answer, fullBallot, openRound } from '../helpers/rounds'
import { signIn, runtimeWithAdmin } from '../helpers/runtime'

const template = templateById('community-satisfaction')!.ballot
const stack = runtimeWithAdmin()

async function vote(roundId: string, who: string, opinion: string) {
  const s = await signIn(stack.runtime, who)
  await s.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
  const answer = await s.call<Answer<{ outcomes: { status: string }[] }>>('evaluate', { action: 'submit', data: { roundId, ballots: [fullBallot(template, 't1', 0, opinion)] } })
  expect(answer).toMatchObject({ ok: true, data: { outcomes: [{ status: 'recorded' }] } })
}

/** What the `results` collection keeps of the round, by kind and basis. */
async function resultsOf(roundId: string): Promise<string[]> {
  const { data } = await database().collection('results').where({ roundId }).limit(1000).get()
  return (data as { kind: string; basis: string }[]).map((d) => `${d.basis} ${d.kind}`).sort()
}

test('storing the final results drops the release and the live results; the stored ones still serve every view', async () => {
  const roundId = await openRound(stack.runtime)
  for (let i = 0; i < 10; i++) await vote(roundId, `voter-${900 + i}`, `意见${i}`)
  // A read takes the first release (5 of the 10 ballots); then one more resident votes after it.
  expect(await stack.admin.call<Answer>('report', { action: 'roundResults', data: { roundId } })).toMatchObject({ ok: true })
  expect(await resultsOf(roundId)).toContain('live release')
  await vote(roundId, 'voter-999', '最后一条意见')

  expect(await stack.admin.call<Answer>('organize', { action: 'closeRound', data: { roundId } })).toMatchObject({ ok: true })
  const kept = await resultsOf(roundId)
  expect(kept.filter((k) => k.startsWith('live'))).toEqual([])
  expect(kept).toContain('stored target')

  // Every view reads the stored results: the final count, and all eleven opinions.
  const detail = await stack.admin.call<Answer<TargetDetail>>('report', { action: 'targetDetail', data: { roundId, targetId: 't1' } })
  expect(detail.ok && detail.data.opinions.items.map((o) => o.text).sort()).toEqual([...Array.from({ length: 10 }, (_, i) => `意见${i}`), '最后一条意见'].sort())
  expect(await resultsOf(roundId)).toEqual(kept)
})

test('a live document written back by a refresh still under way at the close is dropped by the next timer run', async () => {
  const roundId = await openRound(stack.runtime)
  expect(await stack.admin.call<Answer>('organize', { action: 'closeRound', data: { roundId } })).toMatchObject({ ok: true })
  await database().collection('results').doc(`release:${roundId}:t1`).set({ roundId, basis: 'live', kind: 'release', targetId: 't1', opinions: ['迟到的意见'], at: Date.now() })
  expect(await resultsOf(roundId)).toContain('live release')
  const fired = (await scheduler({ Type: 'Timer', TriggerName: 'close-ended-rounds', Time: new Date().toISOString(), Message: '' }, timerContext('scheduler'))) as Answer
  expect(fired).toMatchObject({ ok: true })
  expect((await resultsOf(roundId)).filter((k) => k.startsWith('live'))).toEqual([])
})
