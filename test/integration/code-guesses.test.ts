/**
 * The 输入邀请码 box is no guessing machine: an identity typing wrong codes is stopped after
 * MAX_CODE_GUESSES_PER_WINDOW in ten minutes, on every action the box calls, even in a burst of
 * concurrent requests; good codes cost nothing, and one guesser does not lock out anyone else.
 * Many identities together learn which of a round's codes are used only up to the round's own
 * budget, and nothing short of that many real codes of the round pauses it.
 */
import { WINDOW_MS } from '../../cloudfunctions/common/budget'
import { MAX_CODE_GUESSES_PER_WINDOW, MAX_ROUND_CODE_REFUSALS_PER_WINDOW } from '../../cloudfunctions/common/codeGuesses'
import type { Runtime } from '../../local/runtime'
import { setClock } from '../helpers/clock'
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
afterAll(async () => {
  jest.useRealTimers()
  await runtime.close()
})

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

const PAUSED = { ok: false, error: { code: 'ROUND_CODES_PAUSED', message: '本轮评议的邀请码近期被多次尝试，暂停受理，请过 10 分钟再试；已参评的居民不受影响' } }
const redeem = (s: Session, code: string) => s.call<Answer<{ roundId: string }>>('evaluate', { action: 'redeem', data: { code } })
let personas = 100
const anyone = () => signIn(runtime, `voter-${personas++}`)

/** An open round with `n` named people's codes, the first `used` of them redeemed by their owners. */
async function rosterRound(n: number, used: number) {
  const id = await openRound(runtime, { templateId: 'sanping-yilian', reports: SELF_REPORTS, groups: [{ id: 'g', name: '第一组', leadUnitId: 't1', unitIds: ['t1', 't2', 't3'] }] }, false)
  const entries = Array.from({ length: n }, (_, i) => ({ name: `居民${i}`, unitId: 't1' }))
  const codes = data(await organize<{ codes: { code: string }[] }>(admin, 'addRoster', { roundId: id, categoryId: 'unit', entries })).codes.map((c) => c.code)
  // Every roster category needs a code before the round opens.
  const shared = data(await organize<{ code: string }>(admin, 'sharedCode', { roundId: id, categoryId: 'all-round', unitId: 't1', maxUses: 5 })).code
  expect(data(await organize(admin, 'openRound', { roundId: id }))).toMatchObject({ state: 'open' })
  const owners = await Promise.all(codes.slice(0, used).map(() => anyone()))
  for (const [i, owner] of owners.entries()) data(await redeem(owner, codes[i]!))
  return { id, codes, shared, owners }
}

/** The round's budget counts per ten-minute window: a test that needs one whole starts just after the next boundary. */
function wholeWindow() {
  setClock(Date.now() - (Date.now() % WINDOW_MS) + WINDOW_MS + 100)
}

test('many identities together learn which of a round\'s codes are used only up to its budget; then its codes wait, everyone else\'s do not', async () => {
  const round = await rosterRound(MAX_ROUND_CODE_REFUSALS_PER_WINDOW + 3, MAX_ROUND_CODE_REFUSALS_PER_WINDOW + 1)
  const other = await rosterRound(2, 0)
  wholeWindow()
  // A new identity for every code: the identity budget alone would never stop this.
  const told = []
  for (const code of round.codes.slice(0, MAX_ROUND_CODE_REFUSALS_PER_WINDOW + 1)) told.push(await redeem(await anyone(), code))
  expect(told.slice(0, -1).every((a) => !a.ok && a.error.code === 'CODE_INVALID')).toBe(true)
  expect(told.at(-1)).toEqual(PAUSED)
  // An unused code of the round now waits too (refused before its use is looked at, so unspent);
  // its owner can redeem it once the window ends.
  const unused = round.codes.at(-1)!
  expect(await redeem(await anyone(), unused)).toEqual(PAUSED)
  expect(usesLeft(unused)).toBe(1)
  // Whoever is already enrolled is answered as before, and other rounds are untouched.
  expect(data(await redeem(round.owners[0]!, round.codes[0]!)).roundId).toBe(round.id)
  expect(data(await redeem(await anyone(), other.codes[0]!)).roundId).toBe(other.id)
}, 90_000)

test('no cheap lock-out: random guesses and one used slip repeated by many identities never pause a round', async () => {
  const round = await rosterRound(3, 1)
  wholeWindow()
  for (let i = 0; i < 3 * MAX_ROUND_CODE_REFUSALS_PER_WINDOW; i++) {
    const guesser = await anyone()
    expect(await redeem(guesser, round.codes[0]!)).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } })
    expect(await redeem(guesser, `WRONG${i}`)).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } })
  }
  // An enrolled owner typing a code of another category over and over: refused each time, counted once.
  for (let i = 0; i < MAX_CODE_GUESSES_PER_WINDOW; i++) expect(await redeem(round.owners[0]!, round.shared)).toMatchObject({ ok: false, error: { code: 'ENROLMENT_MISMATCH' } })
  expect(data(await redeem(await anyone(), round.codes[1]!)).roundId).toBe(round.id)
}, 90_000)
