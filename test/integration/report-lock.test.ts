/**
 * A self-report is what evaluators read beside the unit they rated: once the round closes it is
 * part of the record. Neither the contact's rewrite nor an organiser's late approval (which would
 * show residents, as read, a text no evaluator saw) is accepted, and a refusal changes nothing.
 */
import type { Runtime } from '../../local/runtime'
import { openRound } from '../helpers/rounds'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'
import { storedDocs } from '../helpers/store'

let runtime: Runtime
let admin: Session
const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const stored = (roundId: string) => storedDocs(runtime, 'rounds').find((d) => d._id === roundId)

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
})
afterAll(() => runtime.close())

test.each([['closeRound', 'voter-1061'], ['publishRound', 'voter-1062']])('after %s the reports are sealed: no rewrite, no late approval, nothing changed', async (last, persona) => {
  const roundId = await openRound(runtime)
  const { code } = data(await organize<{ code: string }>(admin, 'inviteRole', { role: 'contact', unitId: 't2' }))
  const contact = await signIn(runtime, persona)
  data(await organize(contact, 'redeemRole', { code, displayName: '第二支部联系人' }))
  data(await organize(admin, 'writeReport', { roundId, targetId: 't1', text: '第一支部情况报告' }))
  data(await organize(contact, 'writeReport', { roundId, targetId: 't2', text: '第二支部情况报告' }))
  data(await organize(admin, 'closeRound', { roundId }))
  if (last === 'publishRound') data(await organize(admin, 'publishRound', { roundId }))
  const before = stored(roundId)
  const sealed = { ok: false, error: { code: 'REPORT_LOCKED', message: '评议已结束，情况报告已随评议存档，不能再修改或审核' } }

  expect(await organize(contact, 'writeReport', { roundId, targetId: 't2', text: '结束后改写' })).toEqual(sealed)
  expect(await organize(admin, 'writeReport', { roundId, targetId: 't1', text: '结束后改写' })).toEqual(sealed)
  expect(await organize(admin, 'approveReport', { roundId, targetId: 't2', revision: 1 })).toEqual(sealed)
  expect(stored(roundId)).toEqual(before)
  // The contact's page reads the sealed text and offers no form.
  expect(data(await organize(contact, 'myReports', { roundId }))).toMatchObject({ writable: false, reports: [{ targetId: 't2', text: '第二支部情况报告', approved: false }] })
})

test('while the round is open the contact may still rewrite, and the organiser approve what they read', async () => {
  const roundId = await openRound(runtime)
  data(await organize(admin, 'writeReport', { roundId, targetId: 't3', text: '第三支部情况报告' }))
  expect(data(await organize(admin, 'writeReport', { roundId, targetId: 't3', text: '第三支部情况报告（补充）' }))).toEqual({ approved: true })
})
