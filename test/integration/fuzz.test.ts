/**
 * Every action of every function in the API table, fuzzed through the function's real entry with
 * hostile and mutated-valid inputs from a resident, an organiser, an admin and nobody: each answer
 * is `{ok: true}` or a coded error with a Chinese message (never INTERNAL, never a throw), and an
 * error leaves the database byte-for-byte as it was. FUZZ_RUNS sets the inputs per action: 100 here.
 * The world grows with every input, so 300 cost five times as much (bench/fuzz.ts: 309 s against
 * 64 s), for codes that even 300 reached only once or twice (CATEGORY_UNKNOWN, ROUND_ID_TAKEN,
 * REPORT_CHANGED): those have their own tests, and depth is `bench/fuzz.ts` (10 000 per action).
 */
import fc from 'fast-check'
import { api } from '../../src/api'
import { describeCase, everyAction, fuzzCases, judge, prepareScene, startFuzzWorld, type World } from '../helpers/fuzz'
import type { Scene } from '../helpers/fuzz-inputs'

const RUNS = Number(process.env.FUZZ_RUNS ?? 100)
/**
 * One fixed seed per action (FUZZ_SEED shifts them all): at 100 inputs an unseeded run now and then
 * drew only inputs one check refuses, and a gate must answer the same way twice. Depth and fresh
 * draws are bench/fuzz.ts's.
 */
const seedOf = (name: string) => [...name].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, Number(process.env.FUZZ_SEED ?? 0))
let world: World
/**
 * The last scene and the commit it was prepared at: an action whose inputs committed nothing (the
 * readers, and every refusal) leaves it exactly as prepared, so the next action reuses it instead
 * of preparing its own (three rounds and thirty calls). Fewer rounds also keep every list short.
 */
let prepared: { scene: Scene; seq: number } | undefined
async function sceneFor(): Promise<Scene> {
  const { store } = world.runtime.cloudbase
  if (prepared?.seq !== store.currentSeq) prepared = { scene: await prepareScene(world), seq: store.currentSeq }
  return prepared.scene
}

beforeAll(async () => {
  world = await startFuzzWorld(RUNS)
})

afterAll(() => world?.runtime.close())

describe.each(everyAction(api).map(({ fn, action }) => [fn, action]))('%s.%s', (fn, action) => {
  // Generous: under jest each poster QR code takes seconds to draw (sharePoster alone needed ~2 min at 300 inputs).
  test(`${RUNS} hostile inputs: coded Chinese answers, nothing written on refusal`, async () => {
    const scene = await sceneFor()
    const outcomes = new Set<string>()
    await fc.assert(
      fc.asyncProperty(fuzzCases(world, fn, action, scene), async (c) => {
        const verdict = await judge(world, fn, c)
        outcomes.add(verdict.outcome)
        if (verdict.failure) throw new Error(`${verdict.failure}\n  input: ${describeCase(c)}`)
      }),
      { numRuns: RUNS, endOnFailure: true, seed: seedOf(`${fn}.${action}`) },
    )
    // The answers were not all one refusal: the inputs reached past the first check.
    expect(outcomes.size).toBeGreaterThan(1)
  }, 300_000)
})

/** Codes and poster scenes are document ids: what could never be one is refused before any lookup. */
test.each([
  ['evaluate', 'redeem', { code: '$where' }],
  ['evaluate', 'redeem', { code: 'a.b.c.d' }],
  ['organize', 'redeemRole', { code: '__proto__', displayName: '某人' }],
  ['evaluate', 'resolveScene', { scene: '__proto__' }],
  ['evaluate', 'resolveScene', { scene: '$gt' }],
])('%s.%s refuses %j as bad input', async (fn, action, data) => {
  expect(await judge(world, fn, { caller: 'resident', resident: 1, event: { action, data } })).toEqual({ outcome: 'BAD_INPUT' })
})

