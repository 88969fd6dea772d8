/**
 * The 输入邀请码 box is no guessing machine: an identity typing wrong codes is stopped after
 * MAX_CODE_GUESSES_PER_WINDOW in ten minutes, on every action the box calls, even in a burst of
 * concurrent requests; good codes cost nothing, and one guesser does not lock out anyone else.
 */
import { MAX_CODE_GUESSES_PER_WINDOW } from '../../cloudfunctions/common/codeGuesses'
import type { Runtime } from '../../local/runtime'
import { openRound, SELF_REPORTS } from '../helpers/rounds'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

let runtime: Runtime
let admin: Session
let roundId: string
let rosterCode: string
beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  roundId = await openRound(runtime, { templateId: 'sanping-yilian', reports: SELF_REPORTS, groups: [{ id: 'g', name: '第一组', leadUnitId: 't1', unitIds: ['t1', 't2', 't3'] }] }, false)
  rosterCode = data(await organize<{ code: string }>(admin, 'sharedCode', { roundId, categoryId: 'all-round', unitId: 't1', maxUses: 50 })).code
  data(await organize(admin, 'addRoster', { roundId, categoryId: 'unit', entries: [{ name: '张三', unitId: 't1' }] }))
  expect(data(await organize(admin, 'openRound', { roundId }))).toMatchObject({ state: 'open' })
})
afterAll(() => runtime.close())

const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const usesLeft = (code: string) => (runtime.cloudbase.store.collection('invitations').get(code)?.doc as unknown as { usesLeft: number }).usesLeft
const TOO_MANY = { ok: false, error: { code: 'TOO_MANY_CODE_GUESSES', message: '邀请码输错的次数太多，请过 10 分钟再试' } }

/** Every action the box calls, with a code that matches nothing. */
const wrongGuesses: ((s: Session, i: number) => Promise<Answer>)[] = [
  (s, i) => organize(s, 'codeKind', { code: `WRONG${i}` }),
  (s, i) => s.call<Answer>('evaluate', { action: 'redeem', data: { code: `WRONG${i}` } }),
  (s, i) => organize(s, 'redeemRole', { code: `WRONG${i}`, displayName: '某人' }),
  (s, i) => organize(s, 'claimSetup', { setupCode: `WRONG${i}`, displayName: '某人' }),
]

test('wrong codes run out after the limit, on every action of the box, and then even a good code waits', async () => {
  const guesser = await signIn(runtime, 'voter-1')
  for (let i = 0; i < MAX_CODE_GUESSES_PER_WINDOW; i++) {
    expect(await wrongGuesses[i % wrongGuesses.length]!(guesser, i)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(CODE_INVALID|SETUP_CODE_WRONG)$/) } })
  }
  for (const [i, guess] of wrongGuesses.entries()) expect(await guess(guesser, 100 + i)).toEqual(TOO_MANY)
  expect(await organize(guesser, 'codeKind', { code: rosterCode })).toEqual(TOO_MANY)
  expect(await guesser.call<Answer>('evaluate', { action: 'redeem', data: { code: rosterCode } })).toEqual(TOO_MANY)
  expect(usesLeft(rosterCode)).toBe(50)
  // Someone else is not held back by the guesser.
  const neighbour = await signIn(runtime, 'voter-2')
  expect(data(await organize(neighbour, 'codeKind', { code: rosterCode }))).toEqual({ kind: 'roster' })
})

test('good codes cost nothing: asking and redeeming many times leaves the whole budget for typing mistakes', async () => {
  const resident = await signIn(runtime, 'voter-3')
  for (let i = 0; i < 2 * MAX_CODE_GUESSES_PER_WINDOW; i++) {
    expect(data(await organize(resident, 'codeKind', { code: rosterCode }))).toEqual({ kind: 'roster' })
    expect(data(await resident.call<Answer<{ roundId: string }>>('evaluate', { action: 'redeem', data: { code: rosterCode } })).roundId).toBe(roundId)
  }
  for (let i = 0; i < MAX_CODE_GUESSES_PER_WINDOW; i++) expect(await organize(resident, 'codeKind', { code: `WRONG${i}` })).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } })
  expect(await organize(resident, 'codeKind', { code: 'WRONG99' })).toEqual(TOO_MANY)
})

test('a burst of concurrent guesses cannot overdraw the budget', async () => {
  const guesser = await signIn(runtime, 'voter-4')
  const answers = await Promise.all(Array.from({ length: 6 * MAX_CODE_GUESSES_PER_WINDOW }, (_, i) => wrongGuesses[i % wrongGuesses.length]!(guesser, i)))
  const looked = answers.filter((a) => !a.ok && a.error.code !== 'TOO_MANY_CODE_GUESSES')
  expect(looked.length).toBeLessThanOrEqual(MAX_CODE_GUESSES_PER_WINDOW)
  expect(answers.filter((a) => !a.ok && a.error.code === 'TOO_MANY_CODE_GUESSES').length).toBeGreaterThanOrEqual(5 * MAX_CODE_GUESSES_PER_WINDOW)
})
