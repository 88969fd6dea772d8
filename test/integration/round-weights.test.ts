/**
 * Category weights (or pooled counting) are the organiser's to set per round, as DOMAIN.md asks:
 * on creation and while a draft, validated (whole percentages adding up to 100, existing categories,
 * each once), refused unchanged when wrong, locked once the round opens, and every change audited.
 */
import type { Runtime } from '../../local/runtime'
import type { PublishedResults, RoundResults } from '../../src/api/report'
import { type Aggregation, templateById } from '../../src/core'
import { ensureUnits, fullBallot, TARGETS, TEST_STREET } from '../helpers/rounds'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'
import { storedDocs } from '../helpers/store'

let runtime: Runtime
let admin: Session
const organize = <T = Record<string, unknown>>(action: string, input: unknown) => admin.call<Answer<T>>('organize', { action, data: input })
const stored = (roundId: string) => (storedDocs(runtime, 'rounds').find((d) => d._id === roundId) as { round: { aggregation: Aggregation } }).round.aggregation
const weighted = (internal: number, social: number, socialCategories = ['deputies', 'service']): Aggregation => ({
  mode: 'weighted',
  parts: [
    { id: 'internal', name: '内部评议', categoryIds: ['internal'], weight: internal },
    { id: 'social', name: '社会评议', categoryIds: socialCategories, weight: social },
  ],
})

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  await ensureUnits(runtime)
})
afterAll(() => runtime.close())

const draft = async (extra: Record<string, unknown> = {}) => data(await organize<{ roundId: string }>('createRound', {
  templateId: 'liangping-yishu', ownerUnitId: TEST_STREET, title: '两评一树',
  window: { opensAt: new Date(Date.now() - 3600_000).toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() },
  targets: TARGETS, groups: [{ id: 'g', name: '第一组', leadUnitId: 't1', unitIds: TARGETS.map((t) => t.unitId) }],
  ...extra,
})).roundId

test('004\'s 40 / 60 can be set to 30 / 70 on creation, changed while a draft, or turned into pooled counting; each change is audited', async () => {
  const roundId = await draft({ aggregation: weighted(30, 70) })
  expect(stored(roundId)).toEqual(weighted(30, 70))
  expect(data(await organize<{ aggregation: Aggregation }>('getRound', { roundId })).aggregation).toEqual(weighted(30, 70))

  expect(data(await organize<{ aggregation: Aggregation }>('updateRound', { roundId, patch: { aggregation: weighted(50, 50) } })).aggregation).toEqual(weighted(50, 50))
  data(await organize('updateRound', { roundId, patch: { aggregation: { mode: 'pooled' } } }))
  expect(stored(roundId)).toEqual({ mode: 'pooled' })

  const log = data(await organize<{ entries: { action: string; before: unknown; after: unknown }[] }>('auditLog', { roundId })).entries
  const changes = log.filter((e) => e.action === 'updateRound')
  expect(changes).toEqual(expect.arrayContaining([
    expect.objectContaining({ before: { aggregation: weighted(30, 70) }, after: { aggregation: weighted(50, 50) } }),
    expect.objectContaining({ before: { aggregation: weighted(50, 50) }, after: { aggregation: { mode: 'pooled' } } }),
  ]))
})

test('weights that do not add up to 100 %, name a category the round lacks or count one twice are refused, and change nothing', async () => {
  const roundId = await draft()
  const before = stored(roundId)
  const attempts: [Aggregation, RegExp][] = [
    [weighted(40, 50), /合计应为 100%，现为 90%/],
    [weighted(60, 60), /现为 120%/],
    [weighted(0, 100), /「内部评议」的权重应大于 0%/],
    [weighted(40, 60, ['deputies', 'nobody']), /「nobody」不存在/],
    [weighted(40, 60, ['deputies', 'internal']), /只能计入一个部分/],
  ]
  for (const [aggregation, says] of attempts) {
    expect(await organize('updateRound', { roundId, patch: { aggregation } })).toMatchObject({ ok: false, error: { code: 'WEIGHTS_INVALID', message: expect.stringMatching(says) } })
    expect(stored(roundId)).toEqual(before)
  }
  // On creation too: no round is created.
  const rounds = storedDocs(runtime, 'rounds').length
  expect(await organize('createRound', {
    templateId: 'liangping-yishu', ownerUnitId: TEST_STREET, title: '两评一树',
    window: { opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() }, targets: TARGETS,
    aggregation: weighted(10, 10),
  })).toMatchObject({ ok: false, error: { code: 'WEIGHTS_INVALID' } })
  expect(await organize('createRound', {
    templateId: 'liangping-yishu', ownerUnitId: TEST_STREET, title: '两评一树',
    window: { opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() }, targets: TARGETS,
    aggregation: weighted(100, 0),
  })).toMatchObject({ ok: false, error: { code: 'WEIGHTS_INVALID', message: expect.stringContaining('「社会评议」的权重应大于 0%') } })
  expect(storedDocs(runtime, 'rounds')).toHaveLength(rounds)
  // Hostile shapes stop at the door.
  for (const aggregation of [{ mode: 'weighted', parts: [] }, { mode: 'weighted', parts: [{ id: 'p', name: 'x', categoryIds: ['internal'], weight: 100.5 }] }, { mode: '$gt' }, { mode: 'weighted', parts: [{ id: '__proto__', name: 'x', categoryIds: ['toString'], weight: 100 }] }]) {
    const answer = await organize('updateRound', { roundId, patch: { aggregation } })
    expect(answer.ok).toBe(false)
    expect(stored(roundId)).toEqual(before)
  }
})

test('once the round is open the weights are locked', async () => {
  const roundId = await draft()
  for (const categoryId of ['internal', 'deputies', 'service']) {
    for (const t of TARGETS) data(await organize('sharedCode', { roundId, categoryId, unitId: t.unitId, maxUses: 5 }))
  }
  expect(data(await organize<{ state: string }>('openRound', { roundId }))).toMatchObject({ state: 'open' })
  expect(await organize('updateRound', { roundId, patch: { aggregation: weighted(50, 50) } })).toMatchObject({ ok: false, error: { code: 'EDIT_LOCKED' } })
  expect(stored(roundId)).toEqual(weighted(40, 60))
})

test('a 004 round whose 社会评议 has no ballots says so, in the notices and the published verdict, rather than "all 不了解"', async () => {
  const roundId = await draft()
  const codes: Record<string, string> = {}
  for (const categoryId of ['internal', 'deputies', 'service']) {
    codes[categoryId] = data(await organize<{ code: string }>('sharedCode', { roundId, categoryId, unitId: 't1', maxUses: 5 })).code
  }
  data(await organize('openRound', { roundId }))
  const ballot = fullBallot(templateById('liangping-yishu')!.ballot, 't1')
  // k internal ballots, so the part is shown and only the empty social part stands in the way.
  for (const name of ['voter-801', 'voter-802', 'voter-803', 'voter-804', 'voter-805']) {
    const resident = await signIn(runtime, name)
    data(await resident.call<Answer>('evaluate', { action: 'redeem', data: { code: codes.internal } }))
    data(await resident.call<Answer>('evaluate', { action: 'submit', data: { roundId, ballots: [ballot] } }))
  }
  data(await organize('closeRound', { roundId }))
  const why = '「社会评议」尚无评价，按权重计算的总体结果暂不能得出，不能按规则认定'
  const results = data(await admin.call<Answer<RoundResults>>('report', { action: 'roundResults', data: { roundId } }))
  const t1 = results.targets.find((t) => t.targetId === 't1')!
  expect(t1.result.headline.valid).toBe(5)
  expect(t1.notices).toContain(why)
  expect(t1.notices.join()).not.toMatch(/不了解/)
  data(await organize('publishRound', { roundId }))
  const published = data(await admin.call<Answer<PublishedResults>>('report', { action: 'publishedResults', data: { roundId } }))
  expect(published.targets.find((t) => t.targetId === 't1')).toMatchObject({ valid: 5, verdict: why })
})

test('review 1: 8 internal, 3 deputies all 不满意, 10 service — no view subtracts service from 社会评议 to read the deputies', async () => {
  const roundId = await draft()
  const counts: Record<string, [number, number]> = { internal: [8, 0], deputies: [3, 2], service: [10, 0] }
  const codes: Record<string, string> = {}
  for (const categoryId of Object.keys(counts)) {
    codes[categoryId] = data(await organize<{ code: string }>('sharedCode', { roundId, categoryId, unitId: 't1', maxUses: 10 })).code
  }
  data(await organize('openRound', { roundId }))
  let n = 900
  for (const [categoryId, [howMany, level]] of Object.entries(counts)) {
    for (let i = 0; i < howMany; i++) {
      const resident = await signIn(runtime, `voter-${n++}`)
      data(await resident.call<Answer>('evaluate', { action: 'redeem', data: { code: codes[categoryId] } }))
      data(await resident.call<Answer>('evaluate', { action: 'submit', data: { roundId, ballots: [fullBallot(templateById('liangping-yishu')!.ballot, 't1', level)] } }))
    }
  }
  data(await organize('closeRound', { roundId }))
  const results = data(await admin.call<Answer<RoundResults>>('report', { action: 'roundResults', data: { roundId } }))
  const t1 = results.targets.find((t) => t.targetId === 't1')!
  expect(t1.result.categories.map((c) => [c.categoryId, c.suppressed])).toEqual([['internal', false], ['deputies', true], ['service', true]])
  // 社会评议 is shown on all 13, and neither of its categories beside it.
  expect(t1.result.headline.parts.map((p) => p.summary.answers)).toEqual([8, 13])
})
