/**
 * The first start's demo: ballots cast through the real submit path by distinct identities make the
 * dashboard show something real — a branch over a third 不满意 and a unit below 2/3 — and the
 * counters they leave agree with a recount of the stored ballots.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Dashboard, RoundResults } from '../../src/api/report'
import { ADMIN_PERSONA } from '../../local/devlogin'
import { DEMO_ROUND_ID, DEMO_SANPING_ID, seedDemo } from '../../local/demo'
import { castDemoBallots } from '../../local/demoBallots'
import { FUNCTIONS } from '../../local/functions'
import type { Runtime } from '../../local/runtime'
import type { Answer } from '../helpers/rounds'
import { signIn, startTestRuntime } from '../helpers/runtime'

let runtime: Runtime
let seconds = 0
beforeAll(async () => {
  runtime = await startTestRuntime()
  const started = Date.now()
  const codes = await seedDemo(FUNCTIONS.organize, runtime.login.openidOf(ADMIN_PERSONA))
  await castDemoBallots(FUNCTIONS.evaluate, runtime.login.openidOf, codes!)
  seconds = (Date.now() - started) / 1000
  console.log(`demo seeded with ballots in ${seconds.toFixed(1)} s`)
})
afterAll(() => runtime.close())

const ok = <T>(answer: Answer<T>): T => {
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.data
}

test('the leader dashboard shows the demo area with verdicts: 003\'s full rules for a branch, 返工补课 for a street unit', async () => {
  const leader = await signIn(runtime, 'admin')
  const board = ok(await leader.call<Answer<Dashboard>>('report', { action: 'dashboard', data: {} }))
  expect(board.rounds.map((r) => r.id).sort()).toEqual([DEMO_ROUND_ID, DEMO_SANPING_ID].sort())
  const badges = board.rounds.flatMap((r) => r.targets.filter((t) => t.badges.length > 0).map((t) => `${t.targetId}:${t.badges.map((b) => b.label).join()}`))
  // b2 is below 60 % and over a third 不满意: 003 judges both, never the rating alone.
  expect(badges.sort()).toEqual(['b2:整改,诫勉谈话,不得评先评优,基本称职', 'su-law:返工补课'])
  expect(board.attention.filter((a) => a.kind === 'verdict').map((a) => a.targetId).sort()).toEqual(['b2', 'b2', 'su-law'])
  expect(board.children.map((c) => c.name)).toEqual(['光明区'])
  // The area's satisfaction pools every target's counts in the rounds shown, as the round results count them.
  const overall = await Promise.all(board.rounds.map(async (r) => ok(await leader.call<Answer<RoundResults>>('report', { action: 'roundResults', data: { roundId: r.id } })).targets.map((t) => t.result.breakdown.overall)))
  const counts = overall.flat()
  board.rounds.forEach((r, i) => expect(r.satisfaction.den).toBe(overall[i]!.reduce((n, s) => n + s.valid, 0)))
  expect(board.satisfaction).toMatchObject({
    num: counts.reduce((n, s) => n + s.counts['satisfied-full'] + s.counts['satisfied-basic'], 0),
    den: counts.reduce((n, s) => n + s.valid, 0),
  })
  expect(board.satisfaction.den).toBeGreaterThan(0)
  const street = ok(await leader.call<Answer<Dashboard>>('report', { action: 'dashboard', data: { unitId: 'street-yangguang' } }))
  expect(street.children.find((c) => c.unitId === 'community-xingfu')).toMatchObject({ ballots: 160, targetsWithVerdict: 1, hasChildren: true })
})

test('the 三评一联 demo expects 35 ballots per unit (15 + 5 × 4) in JSON, the dashboard, the xlsx and the PDF', async () => {
  const admin = await signIn(runtime, 'admin')
  const units = ['su-office', 'su-service', 'su-law', 'su-affairs']
  const results = ok(await admin.call<Answer<RoundResults>>('report', { action: 'roundResults', data: { roundId: DEMO_SANPING_ID } }))
  expect(results.targets.map((t) => [t.targetId, t.expected])).toEqual(units.map((id) => [id, 35]))
  expect(results.participation.targets.map((t) => t.expected)).toEqual([35, 35, 35, 35])
  expect(results.participation.expectedVoters).toBe(80)
  const board = ok(await admin.call<Answer<Dashboard>>('report', { action: 'dashboard', data: {} }))
  const row = board.rounds.find((r) => r.id === DEMO_SANPING_ID)!
  expect(row.targets.map((t) => t.expected)).toEqual([35, 35, 35, 35])
  expect(row.expected).toBe(140)

  const file = ok(await admin.call<Answer<{ url: string }>>('report', { action: 'exportRound', data: { roundId: DEMO_SANPING_ID } }))
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(await (await fetch(file.url)).arrayBuffer()) as never)
  const rows: unknown[][] = []
  book.getWorksheet('参评情况')!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)))
  for (const t of results.targets) expect(rows.find((r) => r.some((cell) => String(cell).includes(t.name)))).toContain(35)

  const pdf = ok(await admin.call<Answer<{ url: string }>>('report', { action: 'reportPdf', data: { roundId: DEMO_SANPING_ID, targetId: 'su-law' } }))
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-pdf-'))
  fs.writeFileSync(path.join(dir, 'r.pdf'), Buffer.from(await (await fetch(pdf.url)).arrayBuffer()))
  expect(execFileSync('pdftotext', [path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' })).toMatch(/应参评 35/)
})

test('closing the demo rounds finds the counters equal to a recount of the ballots', async () => {
  const admin = await signIn(runtime, 'admin')
  for (const roundId of [DEMO_ROUND_ID, DEMO_SANPING_ID]) {
    ok(await admin.call<Answer>('organize', { action: 'closeRound', data: { roundId } }))
    const results = ok(await admin.call<Answer<RoundResults>>('report', { action: 'roundResults', data: { roundId } }))
    expect(results.round.mismatch).toBeNull()
    expect(results.round.basis).toBe('stored')
  }
})
