/**
 * @module The fuzzer's world and its judge. The demo is seeded into an in-process runtime; each
 * action gets a fresh scene; events go to each function's real entry (`main`) as the platform
 * delivers them (JSON, so `__proto__` arrives as an own key), from a resident, an organiser, an
 * admin or nobody. The judge's rule: the answer is `{ok: true, data}` or a coded error with a
 * Chinese message, never INTERNAL nor a throw, and an error leaves the database as it was.
 */
import fc from 'fast-check'
import { database } from '../../cloudfunctions/common/cloudbase'
import { ADMIN_PERSONA } from '../../local/devlogin'
import { DEMO_ROUND_ID, DEMO_SANPING_ID, seedDemo } from '../../local/demo'
import { FUNCTIONS } from '../../local/functions'
import { functionContext } from '../../local/gateway'
import type { Runtime } from '../../local/runtime'
import type { RoundDetail, UnitView } from '../../src/api/organize'
import { inShanghai } from '../../src/core'
import { dumpDatabase, dumpDifference, guessBudgets } from './dump'
import { validInput, type Scene } from './fuzz-inputs'
import { hostileString, hostileValue, mutation, mutate, withKey } from './hostile'
import { startTestRuntime } from './runtime'

export type CallerKind = 'resident' | 'organiser' | 'admin' | 'nobody'

export interface World {
  runtime: Runtime
  /** A poster's scene for the demo round, made once: drawing a QR code takes seconds under jest. */
  posterScene: string
  /** Residents are drawn from a pool this large, so some are already enrolled or have voted, and none exhausts its budget. */
  residents: number
  openidOf(caller: CallerKind, resident: number): string | undefined
}

type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } }

/** A fixture's call (the admin's unless another persona is named); a refusal here is a broken fixture. */
async function fixture<T>(world: World | { runtime: Runtime }, fn: string, action: string, data: unknown, persona = ADMIN_PERSONA): Promise<T> {
  const answer = (await FUNCTIONS[fn]({ action, data }, functionContext(fn, world.runtime.login.openidOf(persona)))) as Answer
  if (!answer.ok) throw new Error(`fixture ${fn}.${action}: ${answer.error.code} ${answer.error.message}`)
  return answer.data as T
}

/** The demo, plus an organiser of 幸福社区 (persona `organizer`). */
export async function startFuzzWorld(runsPerAction: number): Promise<World> {
  const runtime = await startTestRuntime()
  await seedDemo(FUNCTIONS.organize, runtime.login.openidOf(ADMIN_PERSONA))
  const { code } = await fixture<{ code: string }>({ runtime }, 'organize', 'inviteRole', { role: 'organizer', unitId: 'community-xingfu' })
  await fixture({ runtime }, 'organize', 'redeemRole', { code, displayName: '陈组织员' }, 'organizer')
  const { scene } = await fixture<{ scene: string }>({ runtime }, 'organize', 'sharePoster', { roundId: DEMO_ROUND_ID, channelId: 'grid-1' })
  const persona: Record<CallerKind, (n: number) => string | undefined> = {
    resident: (n) => `voter-${n}`,
    organiser: () => 'organizer',
    admin: () => ADMIN_PERSONA,
    nobody: () => undefined,
  }
  return {
    runtime,
    posterScene: scene,
    residents: Math.max(20, Math.ceil(runsPerAction / 5)),
    openidOf: (caller, n) => {
      const p = persona[caller](n)
      return p && runtime.login.openidOf(p)
    },
  }
}

const ENROLLED = 10

/** Fresh rounds in each state and codes, made through the functions themselves. */
export async function prepareScene(world: World): Promise<Scene> {
  // Each action is fuzzed from unspent budgets, as in a 10-minute window of its own: the code box's
  // per-identity budget, spent by the redeem fuzz before it, would otherwise answer every codeKind input alike.
  await database().collection('limits').where({ window: database().command.exists(true) }).remove()
  const now = inShanghai(new Date())
  const window = { opensAt: now.subtract(1, 'hour').startOf('second').format(), closesAt: now.add(1, 'day').startOf('second').format() }
  const copy = (roundId: string) => fixture<{ roundId: string }>(world, 'organize', 'copyRound', { roundId, title: '模糊测试评议', window }).then((r) => r.roundId)
  const detail = (roundId: string) => fixture<RoundDetail>(world, 'organize', 'getRound', { roundId })
  const [openId, sanpingId, draftId] = [await copy(DEMO_ROUND_ID), await copy(DEMO_SANPING_ID), await copy(DEMO_ROUND_ID)]
  const sanpingDraft = await detail(sanpingId)
  const evaluatorCodes: string[] = []
  for (const target of sanpingDraft.targets.slice(0, 2)) {
    for (const category of sanpingDraft.categories) {
      const { code } = await fixture<{ code: string }>(world, 'organize', 'sharedCode', { roundId: sanpingId, categoryId: category.id, unitId: target.unitId, maxUses: 3 })
      evaluatorCodes.push(code)
    }
  }
  await fixture(world, 'organize', 'openRound', { roundId: openId })
  await fixture(world, 'organize', 'openRound', { roundId: sanpingId })
  const open = await detail(openId)
  await fixture(world, 'organize', 'writeReport', { roundId: openId, targetId: open.targets[0].id, text: '本季度走访居民 100 户。' })
  const roleCodes: string[] = []
  for (const [role, unitId] of [['contact', open.targets[0].unitId], ['leader', 'community-xingfu']]) {
    roleCodes.push((await fixture<{ code: string }>(world, 'organize', 'inviteRole', { role, unitId, maxUses: 2 })).code)
  }
  // Residents 1–10 may vote in the open round, so submits get past the enrolment check.
  const residents = open.categories.find((c) => c.access === 'open')!
  for (let n = 1; n <= ENROLLED; n++) await fixture(world, 'evaluate', 'enrol', { roundId: openId, categoryId: residents.id }, `voter-${n}`)
  const { units } = await fixture<{ units: UnitView[] }>(world, 'organize', 'myUnits', {})
  return { open, sanping: await detail(sanpingId), draft: await detail(draftId), units, evaluatorCodes, roleCodes, posterScenes: [world.posterScene], setupCode: world.runtime.setupCode }
}

export interface FuzzCase {
  caller: CallerKind
  resident: number
  event: unknown
}

/** Events for one action: mostly mutations of a valid input (zero mutations: the valid input itself), some wholly hostile. */
export function fuzzCases(world: World, fn: string, action: string, scene: Scene): fc.Arbitrary<FuzzCase> {
  const data = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(validInput(fn, action, scene), fc.array(mutation, { maxLength: 3 })).map(([valid, ms]) => ms.reduce(mutate, valid)) },
    { weight: 2, arbitrary: hostileValue },
  )
  const event = fc.oneof(
    { weight: 12, arbitrary: fc.record({ action: fc.constant(action), data }) },
    { weight: 1, arbitrary: fc.tuple(data, fc.constantFrom('group', 'userInfo', '__proto__'), hostileValue).map(([d, k, v]) => withKey({ action, data: d }, k, v)) },
    { weight: 1, arbitrary: fc.oneof(hostileString.map((a) => ({ action: a, data: {} })), hostileValue) },
  )
  return fc.record({
    caller: fc.constantFrom<CallerKind>('resident', 'resident', 'organiser', 'admin', 'nobody'),
    resident: fc.oneof(fc.integer({ min: 1, max: ENROLLED }), fc.integer({ min: 1, max: world.residents })),
    event,
  })
}

const CHINESE = /[\u4e00-\u9fff]/
const CODE = /^[A-Z][A-Z0-9_]*$/

function errorProblem(error: unknown): string | undefined {
  const e = error as { code?: unknown; message?: unknown } | null
  if (!e || typeof e.code !== 'string' || !CODE.test(e.code)) return `an error without a stable code: ${JSON.stringify(error)}`
  if (e.code === 'INTERNAL') return `INTERNAL: ${String(e.message)}`
  if (typeof e.message !== 'string' || !CHINESE.test(e.message)) return `${e.code} without a Chinese message: ${JSON.stringify(e.message)}`
  return undefined
}

/** Refusals reported inside a successful answer (a submit's refused targets) follow the same rule. */
function nestedErrorProblem(value: unknown, depth = 0): string | undefined {
  if (!value || typeof value !== 'object' || depth > 6) return undefined
  const v = value as Record<string, unknown>
  if (typeof v.code === 'string' && 'message' in v) return errorProblem(v)
  for (const child of Object.values(v)) {
    const problem = nestedErrorProblem(child, depth + 1)
    if (problem) return problem
  }
  return undefined
}

export interface Verdict {
  /** `ok`, or the error's code. */
  outcome: string
  /** What broke the rule, or undefined when the answer was acceptable. */
  failure?: string
}

/** Delivers the event as the platform does (JSON) to the function's entry, and judges the answer. */
export async function judge(world: World, fn: string, c: FuzzCase): Promise<Verdict> {
  const before = dumpDatabase(world.runtime)
  let answer: Answer
  try {
    answer = (await FUNCTIONS[fn](JSON.parse(JSON.stringify(c.event) ?? 'null'), functionContext(fn, world.openidOf(c.caller, c.resident)))) as Answer
  } catch (e) {
    return { outcome: 'threw', failure: `threw ${(e as Error).stack ?? String(e)}` }
  }
  if (!answer || typeof answer !== 'object' || typeof answer.ok !== 'boolean') return { outcome: 'malformed', failure: `answer is not {ok, …}: ${JSON.stringify(answer)}` }
  if (answer.ok) {
    if (!('data' in answer)) return { outcome: 'ok', failure: 'ok without data' }
    const problem = nestedErrorProblem(answer.data)
    return { outcome: 'ok', ...(problem ? { failure: `inside ok: ${problem}` } : {}) }
  }
  const problem = errorProblem(answer.error)
  if (problem) return { outcome: answer.error?.code ?? 'uncoded', failure: problem }
  const after = dumpDatabase(world.runtime)
  const differences = dumpDifference(before, after)
  const charged = differences.length ? guessBudgets(after) : new Set<string>()
  const changed = differences.filter((d) => !charged.has(d.slice(d.indexOf(' ') + 1)))
  return { outcome: answer.error.code, ...(changed.length ? { failure: `${answer.error.code} but the database changed: ${changed.slice(0, 5).join(', ')}` } : {}) }
}

/** The function names and actions of the API table, with each function's entry; every function in the table must be served. */
export function everyAction(table: Record<string, Record<string, unknown>>): { fn: string; action: string }[] {
  return Object.entries(table).flatMap(([fn, actions]) => {
    if (!FUNCTIONS[fn]) throw new Error(`function ${fn} is in the API table but not served`)
    return Object.keys(actions).map((action) => ({ fn, action }))
  })
}

/** A short, readable form of a failing case for the report: long strings and arrays cut down. */
export function describeCase(c: FuzzCase): string {
  const text = JSON.stringify({ caller: c.caller, event: c.event }, (_k, v: unknown) =>
    typeof v === 'string' && v.length > 60 ? `${v.slice(0, 20)}…(${v.length} chars)` : Array.isArray(v) && v.length > 10 ? [...v.slice(0, 3), `…(${v.length} items)`] : v)
  return text.length > 600 ? `${text.slice(0, 600)}…` : text
}
