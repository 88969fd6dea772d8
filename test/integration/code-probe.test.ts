/**
 * Redeeming someone else's roster code is no "did they vote?" probe for whoever holds the slips:
 * once the prober is enrolled in the round, or once the round is closed, a used and an unused
 * code get the same answer and neither is spent. (What stays open is in the README: redeeming an
 * unused code in an open round, not yet enrolled, spends it, and its owner then finds it used.)
 */
import type { Runtime } from '../../local/runtime'
import { openRound, SELF_REPORTS } from '../helpers/rounds'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

let runtime: Runtime
let admin: Session
let roundId: string
let used: string
let unused: string
let shared: string
const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const redeem = (s: Session, code: string) => s.call<Answer>('evaluate', { action: 'redeem', data: { code } })
const usesLeft = (code: string) => (runtime.cloudbase.store.collection('invitations').get(code)?.doc as unknown as { usesLeft: number }).usesLeft

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  roundId = await openRound(runtime, { templateId: 'sanping-yilian', reports: SELF_REPORTS, groups: [{ id: 'g', name: '第一组', leadUnitId: 't1', unitIds: ['t1', 't2', 't3'] }] }, false)
  const { codes } = data(await organize<{ codes: { code: string }[] }>(admin, 'addRoster', { roundId, categoryId: 'unit', entries: [{ name: '张三', unitId: 't1' }, { name: '李四', unitId: 't1' }] }))
  ;[used, unused] = codes.map((c) => c.code) as [string, string]
  shared = data(await organize<{ code: string }>(admin, 'sharedCode', { roundId, categoryId: 'all-round', unitId: 't2', maxUses: 5 })).code
  expect(data(await organize(admin, 'openRound', { roundId }))).toMatchObject({ state: 'open' })
  data(await redeem(await signIn(runtime, 'voter-1'), used))
})
afterAll(() => runtime.close())

test('an enrolled prober gets one answer for a used and an unused code, and spends neither', async () => {
  const prober = await signIn(runtime, 'voter-2')
  data(await redeem(prober, shared))
  const [a, b] = [await redeem(prober, used), await redeem(prober, unused)]
  expect(a).toEqual(b)
  expect(a).toMatchObject({ ok: false, error: { code: 'ENROLMENT_MISMATCH' } })
  expect([usesLeft(used), usesLeft(unused)]).toEqual([0, 1])
})

test('after the close anyone gets one answer for a used and an unused code, and spends neither', async () => {
  data(await organize(admin, 'closeRound', { roundId }))
  const prober = await signIn(runtime, 'voter-3')
  const [a, b] = [await redeem(prober, used), await redeem(prober, unused)]
  expect(a).toEqual(b)
  expect(a).toMatchObject({ ok: false, error: { code: 'ROUND_NOT_OPEN' } })
  expect([usesLeft(used), usesLeft(unused)]).toEqual([0, 1])
})
