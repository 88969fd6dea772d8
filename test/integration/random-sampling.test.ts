/**
 * 随机抽取 (seed 002: 人员名单由被评估单位提供，评估组进行随机抽取; ≥ 30 per municipal unit, ≥ 100 per
 * county, everyone where fewer): the seed is committed (its SHA-256 shown) before the list is in and
 * revealed after, and anyone holding the list re-runs the draw to the same people. Only they get codes.
 */
import { createHash } from 'node:crypto'
import type { Runtime } from '../../local/runtime'
import { type Answer, data, roleHoldersAt, type Session, signIn, startTestRuntime } from '../helpers/runtime'

type Sample = { unitId: string; categoryId: string; minimum: number; commitment: string; seed: string | null; draw: { candidates: number; listHash: string; drawnRows: number[] } | null }
type Drawn = Sample & { codes: { code: string; name: string }[] }

let runtime: Runtime
let admin: Session
let organizer: Session
const hour = 3600_000
const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const refusal = (a: Answer<unknown>) => (a.ok ? 'ok' : a.error.code)
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
/** A unit's list as it sends it: names (one repeated, as real lists have) and phones. */
const people = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => (i === 7 ? `${prefix}1` : `${prefix}${i + 1}`))
const listFile = (names: string[]) => Buffer.from(`姓名,手机\n${names.map((n, i) => `${n},1380000${String(i).padStart(4, '0')}`).join('\n')}\n`).toString('base64')

/** The README's algorithm, written again from its words: key(i) = SHA-256(`${seed}:${i}:${name}`), the n smallest drawn. */
function redraw(seed: string, names: string[], n: number): string[] {
  const keyed = names.map((name, i) => ({ i: i + 1, name, key: sha256(`${seed}:${i + 1}:${name}`) }))
  return [...keyed].sort((a, b) => a.key.localeCompare(b.key)).slice(0, n).sort((a, b) => a.i - b.i).map((k) => k.name)
}

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  await organize(admin, 'createUnit', { id: 'city', name: '市委', parentId: null, kind: 'district' })
  await organize(admin, 'createUnit', { id: 'bureau', name: '市教育局', parentId: 'city', kind: 'unit' })
  await organize(admin, 'createUnit', { id: 'county', name: '某某县', parentId: 'city', kind: 'district' })
  organizer = (await roleHoldersAt(runtime, admin, 'city', 100)).organizer
})
afterAll(() => runtime.close())

async function sampledRound() {
  return data(await organize<{ roundId: string }>(organizer, 'createRound', {
    templateId: 'zhuti-branch', ownerUnitId: 'city', title: '主题教育评估',
    window: { opensAt: new Date(Date.now() - hour).toISOString(), closesAt: new Date(Date.now() + 24 * hour).toISOString() },
    targets: [{ id: 'bureau', name: '市教育局', kind: 'unit', unitId: 'bureau' }, { id: 'county', name: '某某县', kind: 'unit', unitId: 'county' }],
  })).roundId
}
const place = (roundId: string, unitId = 'bureau') => ({ roundId, unitId, categoryId: 'sampled' })
const samplesOf = async (roundId: string) => data(await organize<{ samples: Sample[] }>(organizer, 'listSamples', { roundId })).samples

test('the seed\'s hash is shown before the list is in; after the draw the revealed seed matches it and re-runs to the very people given codes', async () => {
  const roundId = await sampledRound()
  const { commitment } = data(await organize<{ commitment: string }>(organizer, 'commitSample', place(roundId)))
  expect(commitment).toMatch(/^[0-9a-f]{64}$/)
  // Before the draw: the hash, never the seed (the log holds only the hash too).
  expect(await samplesOf(roundId)).toEqual([expect.objectContaining({ unitId: 'bureau', minimum: 30, commitment, seed: null, draw: null })])

  const names = people(80, '教师')
  const drawn = data(await organize<Drawn>(organizer, 'drawSample', { ...place(roundId), size: 35, fileName: '名单.csv', base64: listFile(names) }))
  expect(drawn.codes).toHaveLength(35)
  const [revealed] = await samplesOf(roundId)
  expect(sha256(revealed.seed!)).toBe(commitment)
  expect(revealed.draw).toEqual({ candidates: 80, listHash: sha256(names.join('\n')), drawnRows: drawn.draw!.drawnRows })
  const again = redraw(revealed.seed!, names, 35)
  expect(drawn.codes.map((c) => c.name)).toEqual(again)
  expect(revealed.draw!.drawnRows.map((row) => names[row - 1])).toEqual(again)
  // Only the drawn hold codes: the roster is exactly them.
  const listed = data(await organize<{ codes: { name: string }[] }>(organizer, 'listCodes', { roundId })).codes.map((c) => c.name)
  expect(listed.sort()).toEqual([...again].sort())
})

test('the minimum is enforced per unit (30; a county 100), and a list no longer than it is drawn whole', async () => {
  const roundId = await sampledRound()
  for (const unitId of ['bureau', 'county']) data(await organize(organizer, 'commitSample', place(roundId, unitId)))
  const tooFew = await organize(organizer, 'drawSample', { ...place(roundId), size: 29, fileName: '名单.csv', base64: listFile(people(50, '职工')) })
  expect(tooFew).toEqual({ ok: false, error: { code: 'SAMPLE_TOO_SMALL', message: '抽取人数少于规定的最低人数：本单位名单50人，至少应抽取30人' } })
  expect(refusal(await organize(organizer, 'drawSample', { ...place(roundId, 'county'), size: 60, fileName: '名单.csv', base64: listFile(people(150, '群众')) }))).toBe('SAMPLE_TOO_SMALL')
  expect(data(await organize<Drawn>(organizer, 'drawSample', { ...place(roundId, 'county'), size: 100, fileName: '名单.csv', base64: listFile(people(150, '群众')) })).codes).toHaveLength(100)
  // 不足30人的全部参加: 12 on the list, 12 drawn, whatever was asked.
  const whole = data(await organize<Drawn>(organizer, 'drawSample', { ...place(roundId), size: 5, fileName: '名单.csv', base64: listFile(people(12, '职工')) }))
  expect(whole.draw).toMatchObject({ candidates: 12, drawnRows: Array.from({ length: 12 }, (_, i) => i + 1) })
})

test('one seed and one draw per unit and category; no draw without a committed seed; no roster entered by hand', async () => {
  const roundId = await sampledRound()
  expect(refusal(await organize(organizer, 'drawSample', { ...place(roundId), size: 30, fileName: '名单.csv', base64: listFile(people(40, '甲')) }))).toBe('SAMPLE_NOT_COMMITTED')
  data(await organize(organizer, 'commitSample', place(roundId)))
  expect(refusal(await organize(organizer, 'commitSample', place(roundId)))).toBe('SAMPLE_COMMITTED')
  // Two draws at once (a double tap, or a second list hoping for other people): one is written.
  const racing = await Promise.all([40, 45].map((n) => organize(organizer, 'drawSample', { ...place(roundId), size: 30, fileName: '名单.csv', base64: listFile(people(n, '乙')) })))
  expect(racing.map(refusal).sort()).toEqual(['SAMPLE_DRAWN', 'ok'])
  expect(data(await organize<{ codes: unknown[] }>(organizer, 'listCodes', { roundId })).codes).toHaveLength(30)

  const byHand = await organize(organizer, 'addRoster', { roundId, categoryId: 'sampled', entries: [{ name: '关系户', unitId: 'bureau' }] })
  expect(refusal(byHand)).toBe('ROUND_INVALID')
  expect(refusal(await organize(organizer, 'sharedCode', { roundId, categoryId: 'sampled', unitId: 'bureau', maxUses: 50 }))).toBe('ROUND_INVALID')
  const log = data(await organize<{ entries: { action: string; sentence: string; after: Record<string, unknown> }[] }>(admin, 'auditLog', { roundId }))
  const commit = log.entries.find((e) => e.action === 'commitSample')!
  expect(commit.after).not.toHaveProperty('seed')
  expect(log.entries.find((e) => e.action === 'drawSample')?.after).toMatchObject({ seed: expect.stringMatching(/^[0-9a-f]{64}$/) })
  expect(log.entries.find((e) => e.action === 'drawSample')?.sentence).toMatch(/从市教育局的名单（4[05]人）随机抽取了30人，公布种子 [0-9a-f]{12}…/)
  expect(commit.sentence).toContain('为评议“主题教育评估”中市教育局生成了随机抽取种子')
})

test('a round whose procedure does not sample has nothing to commit or draw', async () => {
  const { roundId } = data(await organize<{ roundId: string }>(organizer, 'createRound', {
    templateId: 'community-satisfaction', ownerUnitId: 'city', title: '满意度',
    window: { opensAt: new Date(Date.now() - hour).toISOString(), closesAt: new Date(Date.now() + 24 * hour).toISOString() },
    targets: [{ id: 'bureau', name: '市教育局', kind: 'unit', unitId: 'bureau' }],
  }))
  expect(refusal(await organize(organizer, 'commitSample', { roundId, unitId: 'bureau', categoryId: 'resident' }))).toBe('SAMPLE_NOT_TAKEN')
})
