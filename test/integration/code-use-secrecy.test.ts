/**
 * Whether a named person used their code is never visible to whoever runs the round (issue 10):
 * two identical rounds with the same roster, in one 张三 votes and in the other 李四 (same unit, same
 * category). Everything the organiser can ask for — code list, counts, the code sheet, the printed
 * slips, participation, voiding, reissuing, a re-import, the audit log — answers the same for both
 * once ids, codes and times are normalised.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Runtime } from '../../local/runtime'
import { templateById } from '../../src/core'
import { fullBallot } from '../helpers/rounds'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

// Each slips PDF embeds from the system font collection when run from the sources: seconds per print.
jest.setTimeout(240_000)

interface Code { code: string; name: string | null; unitId: string }
interface World { roundId: string; labels: Map<string, string> }

let runtime: Runtime
let admin: Session
let dir: string
const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const csv = (lines: string[]) => Buffer.from(['姓名,单位,类别', ...lines].join('\r\n')).toString('base64')
const ROSTER = ['张三,甲单位,单位参评人员', '李四,甲单位,单位参评人员', '王五,甲单位,单位参评人员', '赵六,乙单位,全评参评人员']

/** Codes by the place they stand for, round ids, file links and times made alike. */
function normalised(world: World, value: unknown): unknown {
  let text = typeof value === 'string' ? value : JSON.stringify(value)
  for (const [code, label] of world.labels) text = text.split(code).join(`<${label}>`)
  text = text
    .split(world.roundId).join('<round>')
    .replace(/https?:\/\/[^\s"]+/g, '<url>')
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)/g, '<iso>')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d/g, '<time>')
  return typeof value === 'string' ? text : JSON.parse(text)
}

/** Names each code once, by the person or shared place it was issued for. */
function label(world: World, codes: Code[], how: string) {
  for (const c of codes) world.labels.set(c.code, `${how}:${c.name ?? 'shared'}:${c.unitId}`)
}

async function sheetRows(url: string): Promise<string[]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(await (await fetch(url)).arrayBuffer())
  const rows: string[] = []
  book.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).join('|')))
  return rows
}

async function slipsText(world: World): Promise<unknown> {
  const { url, slips } = data(await organize<{ url: string; slips: number }>(admin, 'codeSlips', { roundId: world.roundId }))
  const file = path.join(dir, `${world.roundId}-${Date.now()}.pdf`)
  fs.writeFileSync(file, Buffer.from(await (await fetch(url)).arrayBuffer()))
  return { slips, text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }) }
}

/** Everything the organiser (and a leader, through participation) can read about the round's codes. */
async function organiserView(world: World) {
  const { roundId } = world
  const round = data(await organize(admin, 'getRound', { roundId }))
  return normalised(world, {
    codes: data(await organize(admin, 'listCodes', { roundId })),
    counts: data(await organize(admin, 'codeCounts', { roundId })),
    sheets: [await sheetRows(data(await organize<{ url: string }>(admin, 'codeSheet', { roundId, unitId: 'ua' })).url), await sheetRows(data(await organize<{ url: string }>(admin, 'codeSheet', { roundId, unitId: 'ub' })).url)],
    slips: await slipsText(world),
    participation: data(await organize(admin, 'participation', { roundId })),
    results: data(await admin.call<Answer>('report', { action: 'roundResults', data: { roundId } })),
    rosterSizes: round.rosterSizes,
  })
}

async function newWorld(): Promise<World> {
  const roundId = data(await organize<{ roundId: string }>(admin, 'createRound', {
    templateId: 'sanping-yilian', ownerUnitId: 'st', title: '三评一联', window: { opensAt: new Date(Date.now() - 3600_000).toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() },
    targets: [{ id: 'ua', name: '甲单位', kind: 'unit', unitId: 'ua' }, { id: 'ub', name: '乙单位', kind: 'unit', unitId: 'ub' }],
    groups: [{ id: 'g', name: '第一组', leadUnitId: 'ua', unitIds: ['ua', 'ub'] }],
    reports: { ua: '甲单位情况报告', ub: '乙单位情况报告' },
  })).roundId
  const world: World = { roundId, labels: new Map() }
  label(world, data(await organize<{ codes: Code[] }>(admin, 'importRoster', { roundId, fileName: '名单.csv', base64: csv(ROSTER) })).codes, 'roster')
  label(world, [data(await organize<Code>(admin, 'sharedCode', { roundId, categoryId: 'all-round', unitId: 'ub', maxUses: 3 }))], 'roster')
  data(await organize(admin, 'openRound', { roundId }))
  return world
}

/** `voter` redeems the code of `name` and rates every target they may, all 满意. */
async function vote(world: World, voter: string, name: string) {
  const code = [...world.labels].find(([, l]) => l.includes(`:${name}:`))![0]
  const session = await signIn(runtime, voter)
  const enrolment = data(await session.call<Answer<{ eligibleTargetIds: string[] }>>('evaluate', { action: 'redeem', data: { code } }))
  const ballots = enrolment.eligibleTargetIds.map((t) => fullBallot(templateById('sanping-yilian')!.ballot, t))
  data(await session.call<Answer>('evaluate', { action: 'submit', data: { roundId: world.roundId, ballots } }))
}

const codeOf = (world: World, name: string) => [...world.labels].find(([, l]) => l === `roster:${name}:ua`)![0]

/** What the organiser does after the votes: a lost slip voided, another reissued, a corrected file imported. */
async function manage(world: World) {
  const { roundId } = world
  const voided = await organize(admin, 'voidCode', { roundId, code: codeOf(world, '张三') })
  const reissued = await organize<Code>(admin, 'reissueCode', { roundId, code: codeOf(world, '李四') })
  if (reissued.ok) label(world, [reissued.data], 'reissued')
  const corrected = ['张三,甲单位,全评参评人员', '李四,甲单位,全评参评人员', '王五,甲单位,单位参评人员', '孙七,乙单位,全评参评人员']
  const imported = await organize<{ codes: Code[] }>(admin, 'importRoster', { roundId, fileName: '名单（修订）.csv', base64: csv(corrected) })
  if (imported.ok) label(world, imported.data.codes, 'added')
  return normalised(world, { voided, reissued, imported })
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-code-use-'))
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  await organize(admin, 'createUnit', { id: 'st', name: '幸福街道', parentId: null, kind: 'street' })
  for (const [id, name] of [['ua', '甲单位'], ['ub', '乙单位']]) await organize(admin, 'createUnit', { id, name, parentId: 'st', kind: 'unit' })
})
afterAll(async () => {
  await runtime.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('the organiser cannot tell whether 张三 or 李四 used their code: every answer, export and audit sentence is the same', async () => {
  const [first, second] = [await newWorld(), await newWorld()]
  await vote(first, 'voter-901', '张三')
  await vote(second, 'voter-902', '李四')

  // The code box names both codes alike; only redeeming the used one, which spends nothing, is refused.
  const kinds = async (world: typeof first) => Promise.all(['张三', '李四'].map(async (name) => organize(admin, 'codeKind', { code: codeOf(world, name) })))
  expect(await kinds(first)).toEqual(await kinds(second))
  expect(await (await signIn(runtime, 'voter-903')).call<Answer>('evaluate', { action: 'redeem', data: { code: codeOf(first, '张三') } })).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } })

  const before = await organiserView(first)
  expect(before).toEqual(await organiserView(second))
  expect(before).toMatchObject({ counts: { counts: [{ unitName: '甲单位', issued: 3, used: null }, { unitName: '乙单位', issued: 1, sharedUsed: 0, sharedLeft: 3 }] }, slips: { slips: 5 } })
  const managed = await manage(first)
  expect(managed).toEqual(await manage(second))
  expect(managed).toMatchObject({
    voided: { ok: true, data: { voided: 1 } },
    reissued: { ok: true, data: { code: '<reissued:李四:ua>', name: '李四', usesLeft: 1 } },
    imported: { ok: true, data: { codes: [{ name: '孙七' }], updated: [], skipped: [{ row: 2, reason: expect.stringMatching(/评议已开始/) }, { row: 3, reason: expect.stringMatching(/评议已开始/) }, { row: 4, reason: '已在名单中' }] } },
  })
  expect(await organiserView(first)).toEqual(await organiserView(second))
  const log = async (w: World) => normalised(w, data(await organize<{ entries: unknown[] }>(admin, 'auditLog', { roundId: w.roundId })).entries)
  expect(await log(first)).toEqual(await log(second))
})
