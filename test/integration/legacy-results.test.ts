/**
 * Results stored before live releases carry an older shape: no `counted`, `undetermined` a
 * boolean, figures computed without withholding anything below k. Read today they must not show a
 * 2-ballot target's rate, verdict or opinions, nor print "true" as its verdict.
 */
import type { RoundResults, TargetDetail } from '../../src/api/report'
import { builtinTemplates, type Round, targetResult } from '../../src/core'
import { database } from '../../cloudfunctions/common/cloudbase'
import { opinionsPage } from '../../cloudfunctions/common/opinions'
import { type Answer, fullBallot, openRound } from '../helpers/rounds'
import { signIn, runtimeWithAdmin } from '../helpers/runtime'

const stack = runtimeWithAdmin()

const template = builtinTemplates.find((t) => t.id === 'community-satisfaction')!.ballot
const ok = <T>(answer: Answer<T>): T => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.data
}

let voters = 0
async function cast(roundId: string, targetLevels: Record<string, number>, count: number, opinion: string) {
  for (let i = 0; i < count; i++) {
    const voter = await signIn(stack.runtime, `voter-${++voters}`)
    ok(await voter.call<Answer>('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } }))
    const ballots = Object.entries(targetLevels).map(([targetId, level]) => fullBallot(template, targetId, level, opinion))
    ok(await voter.call<Answer>('evaluate', { action: 'submit', data: { roundId, ballots } }))
  }
}

/** Rewrites a stored target document as the code before live releases wrote it: everything shown, whatever the count. */
async function toOldShape(roundId: string, targetId: string): Promise<void> {
  const results = database().collection('results')
  const { data: [mark] } = await results.doc(`stored:${roundId}`).get()
  const { data: [roundDoc] } = await database().collection('rounds').doc(roundId).get()
  const round = { ...(roundDoc as { round: Round }).round, ...(mark as { judgedBy: Partial<Round> }).judgedBy }
  const id = `stored:${roundId}:${targetId}`
  const { data: [doc] } = await results.doc(id).get()
  const { _id, turnout, ...kept } = doc as { _id: string; turnout: unknown; counters: Parameters<typeof targetResult>[2] }
  const { counted, ...old } = targetResult(round, targetId, kept.counters)
  await results.doc(id).set({ ...kept, result: { ...old, verdicts: { ...old.verdicts, undetermined: old.verdicts.undetermined !== null } } })
}

test('a stored result of the old shape shows nothing of a target under k, and its verdict is a sentence', async () => {
  const roundId = await openRound(stack.runtime)
  await cast(roundId, { t1: 0, t2: 0 }, 2, '门口的路灯一直不亮')
  await cast(roundId, { t2: 2 }, 4, '办事要跑好几趟')
  ok(await stack.admin.call<Answer>('organize', { action: 'closeRound', data: { roundId } }))
  await toOldShape(roundId, 't1')
  await toOldShape(roundId, 't2')

  const results = ok(await stack.admin.call<Answer<RoundResults>>('report', { action: 'roundResults', data: { roundId } }))
  const t1 = results.targets.find((t) => t.targetId === 't1')!.result
  expect(t1.ballots).toBe(2)
  expect(t1.counted).toBe(0)
  expect(t1.headline.satisfaction.den).toBe(0)
  expect(t1.verdicts.undetermined).toEqual(expect.any(String))
  // Above k the stored figures are what they were.
  const t2 = results.targets.find((t) => t.targetId === 't2')!.result
  expect(t2.headline.satisfaction).toMatchObject({ num: 2, den: 6 })

  const detail = ok(await stack.admin.call<Answer<TargetDetail>>('report', { action: 'targetDetail', data: { roundId, targetId: 't1' } }))
  expect(detail.opinions.items).toEqual([])
  expect(detail.opinions.withheld).toContain('匿名')
  expect(detail.overall.every((bar) => bar.count === 0)).toBe(true)

  ok(await stack.admin.call<Answer>('organize', { action: 'publishRound', data: { roundId } }))
  const resident = await signIn(stack.runtime, 'resident-wang')
  const published = ok(await resident.call<Answer<{ targets: { targetId: string; verdict: string }[] }>>('report', { action: 'publishedResults', data: { roundId } }))
  const verdict = published.targets.find((t) => t.targetId === 't1')!.verdict
  expect(verdict).not.toContain('true')
  expect(verdict).toContain('不足 5 份')
})

test('opinions fail closed when the count they rest on is missing', async () => {
  const roundId = await openRound(stack.runtime)
  await cast(roundId, { t3: 0 }, 1, '希望多组织活动')
  const { data: [doc] } = await database().collection('rounds').doc(roundId).get()
  const missing = { basis: 'stored' as const } as { basis: 'stored'; counted: number }
  const page = await opinionsPage((doc as { round: Round }).round, 't3', missing, 1)
  expect(page.items).toEqual([])
  expect(page.withheld).toContain('匿名')
})
