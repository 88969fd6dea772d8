/**
 * Paper ballots (issue 20): printed with a serial, a check code and the holder's roster code, entered
 * twice by two organisers, recorded through the online cast only when the entries agree (or a third
 * person settled them), one vote per person across paper and online, spoiled and blank sheets
 * counted apart, and the entries gone once recorded.
 */
import ExcelJS from 'exceljs'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Runtime } from '../../local/runtime'
import { templateById, templateItems } from '../../src/core'
import { ensureUnits, fullBallot, openRound, SELF_REPORTS, TEST_STREET } from '../helpers/rounds'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'
import { countersOf, storedDocs } from '../helpers/store'
import { type Printed, readPaperPdf } from '../helpers/paper'
import { column, pdfText, rowsOf, tableOf } from '../helpers/sheets'

// Run from the sources, the PDF embeds from the system's CJK font collection: seconds on a shared machine.
jest.setTimeout(120_000)

interface Participation { ballots: number; targets: { id: string; ballots: number; spoiled: number; blank: number }[]; subtotals: { kind: string; ballots: number }[] }

let runtime: Runtime
let admin: Session
let org1: Session
let org2: Session
let roundId: string
const paper: Printed[] = []
const template = templateById('sanping-yilian')!.ballot
const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })

async function grant(role: string, unitId: string, persona: string): Promise<Session> {
  const { code } = data(await organize<{ code: string }>(admin, 'inviteRole', { role, unitId }))
  const holder = await signIn(runtime, persona)
  data(await organize(holder, 'redeemRole', { code, displayName: persona }))
  return holder
}

const entry = (p: Printed, sheets: unknown[], over: Record<string, unknown> = {}) => ({ roundId, serial: p.serial, check: p.check, ...(p.code ? { code: p.code } : {}), sheets, ...over })
const rated = (targetId: string, level = 0) => ({ mark: 'ballot', ballot: fullBallot(template, targetId, level) })
const enter = (s: Session, input: unknown) => organize<{ status: string; targets?: string[] }>(s, 'enterPaper', input)
const participation = async () => data(await organize<Participation>(admin, 'participation', { roundId }))
/** Ballots of the unit category (one sheet: their own unit t1), in print order. */
const unitBallots = () => paper.filter((p) => p.units.length === 1)

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  await ensureUnits(runtime)
  roundId = await openRound(runtime, { templateId: 'sanping-yilian', reports: SELF_REPORTS, groups: [{ id: 'g', name: '第一组', leadUnitId: 't1', unitIds: ['t1', 't2', 't3'] }] }, false)
  data(await organize(admin, 'addRoster', { roundId, categoryId: 'unit', entries: ['甲', '乙', '丙', '丁'].map((name) => ({ name, unitId: 't1' })) }))
  data(await organize(admin, 'addRoster', { roundId, categoryId: 'all-round', entries: ['戊', '己'].map((name) => ({ name, unitId: 't2' })) }))
  data(await organize(admin, 'openRound', { roundId }))
  org1 = await grant('organizer', TEST_STREET, 'voter-9101')
  org2 = await grant('organizer', TEST_STREET, 'voter-9102')
  const { url, ballots } = data(await organize<{ url: string; ballots: number }>(org1, 'printPaper', { roundId }))
  expect(ballots).toBe(6)
  paper.push(...(await readPaperPdf(url)))
})
afterAll(() => runtime.close())
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paper-exports-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

test('one paper ballot per person, each with its own serial, check code and roster code, one sheet per target they rate', () => {
  expect(paper).toHaveLength(6)
  expect(new Set(paper.map((p) => p.serial)).size).toBe(6)
  expect(paper.every((p) => p.code !== null)).toBe(true)
  expect(unitBallots().map((p) => p.units)).toEqual(Array(4).fill(['第1党支部']))
  expect(paper.filter((p) => p.units.length === 3).map((p) => p.units.sort())).toEqual(Array(2).fill(['第1党支部', '第2党支部', '第3党支部']))
  // The database holds serials without the codes printed beside them.
  const stored = storedDocs(runtime, 'paperBallots')
  expect(stored).toHaveLength(6)
  expect(JSON.stringify(stored)).not.toMatch(new RegExp(paper.map((p) => p.code).join('|')))
})

test('two agreeing entries record one paper ballot, leave no entry behind, and spend the code so it is refused online', async () => {
  const p = unitBallots()[0]!
  const before = (await participation()).ballots
  expect(data(await organize(org1, 'readPaper', { roundId, serial: p.serial, check: p.check, code: p.code!.toLowerCase() }))).toEqual({ serial: p.serial, categoryName: '单位参评人员', roster: true, state: 'printed', targets: [{ id: 't1', name: '第1党支部' }] })
  expect(data(await enter(org1, entry(p, [rated('t1')])))).toEqual({ status: 'first-entry' })
  expect((await participation()).ballots).toBe(before)
  // The same organiser again is no second entry.
  expect(await enter(org1, entry(p, [rated('t1')]))).toMatchObject({ ok: false, error: { code: 'PAPER_ENTERED_BY_YOU', message: expect.stringContaining('另一位组织员') } })
  expect(data(await enter(org2, entry(p, [rated('t1')])))).toEqual({ status: 'recorded', receipts: 1 })
  const after = await participation()
  expect(after.ballots).toBe(before + 1)
  expect(after.subtotals.find((s) => s.kind === 'paper')!.ballots).toBe(1)
  expect(after.subtotals.reduce((n, s) => n + s.ballots, 0)).toBe(after.ballots)
  // A third entry is refused, saying it was recorded.
  expect(await enter(admin, entry(p, [rated('t1')]))).toMatchObject({ ok: false, error: { code: 'PAPER_RECORDED' } })
  const doc = storedDocs(runtime, 'paperBallots').find((d) => d.serial === p.serial)!
  expect(doc).toMatchObject({ state: 'recorded', entries: [] })
  expect(doc.agreed).toBeUndefined()
  // The person whose code it is cannot vote again online.
  const owner = await signIn(runtime, 'voter-9107')
  expect(await owner.call('evaluate', { action: 'redeem', data: { code: p.code } })).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } })
})

test('disagreeing entries wait for a third person, count nothing until settled, and an enterer cannot settle', async () => {
  const p = unitBallots()[1]!
  const before = countersOf(runtime, roundId, 't1').ballots
  data(await enter(org1, entry(p, [rated('t1', 0)])))
  expect(data(await enter(org2, entry(p, [rated('t1', 1)])))).toEqual({ status: 'disputed', targets: ['t1'] })
  expect(countersOf(runtime, roundId, 't1').ballots).toBe(before)
  expect(await enter(admin, entry(p, [rated('t1', 0)]))).toMatchObject({ ok: false, error: { code: 'PAPER_DISPUTED' } })
  const queue = data(await organize<{ status: { disputed: number }; disputes: { serial: string; entries: unknown[]; mine: boolean }[] }>(org1, 'paperQueue', { roundId }))
  expect(queue.status.disputed).toBe(1)
  expect(queue.disputes).toEqual([expect.objectContaining({ serial: p.serial, mine: true, codesAgree: true, entries: [expect.anything(), expect.anything()] })])
  // A pending entry keeps the typed code only as a keyed hash: a database copy ties it to no invitation.
  expect(JSON.stringify(storedDocs(runtime, 'paperBallots'))).not.toContain(p.code!)
  // Neither enterer reconciles: the first no more than the second.
  for (const enterer of [org1, org2]) expect(await organize(enterer, 'settlePaper', entry(p, [rated('t1', 1)]))).toMatchObject({ ok: false, error: { code: 'PAPER_SETTLER_ENTERED' } })
  expect(countersOf(runtime, roundId, 't1').ballots).toBe(before)
  expect(data(await organize(admin, 'settlePaper', entry(p, [rated('t1', 1)])))).toEqual({ status: 'recorded', receipts: 1 })
  const counters = countersOf(runtime, roundId, 't1')
  expect(counters.ballots).toBe(before + 1)
  expect(counters.overall[template.scale.levels[1]!.id]).toBeGreaterThanOrEqual(1)
  expect(data(await organize<{ disputes: unknown[] }>(admin, 'paperQueue', { roundId })).disputes).toEqual([])
})

test('a wrong check code, an unknown serial, a missing code and the wrong targets are refused, saying which, and store nothing', async () => {
  const p = unitBallots()[2]!
  const wrongCheck = String((Number(p.check) + 1) % 1_000_000).padStart(6, '0')
  expect(await organize(org1, 'readPaper', { roundId, serial: p.serial, check: wrongCheck, code: p.code })).toMatchObject({ ok: false, error: { code: 'PAPER_CHECK_WRONG' } })
  expect(await enter(org1, entry(p, [rated('t1')], { check: wrongCheck }))).toMatchObject({ ok: false, error: { code: 'PAPER_CHECK_WRONG', message: expect.stringContaining('校验码') } })
  expect(await enter(org1, entry(p, [rated('t1')], { serial: p.serial === '00000000' ? '00000001' : '00000000' }))).toMatchObject({ ok: false, error: { code: 'PAPER_SERIAL_UNKNOWN' } })
  expect(await enter(org1, { roundId, serial: p.serial, check: p.check, sheets: [rated('t1')] })).toMatchObject({ ok: false, error: { code: 'PAPER_CODE_REQUIRED' } })
  expect(await enter(org1, entry(p, [rated('t2')]))).toMatchObject({ ok: false, error: { code: 'PAPER_SHEETS_MISMATCH' } })
  // Someone else's code with this serial's check code: the check binds both.
  expect(await enter(org1, entry(p, [rated('t1')], { code: unitBallots()[3]!.code }))).toMatchObject({ ok: false, error: { code: 'PAPER_CHECK_WRONG' } })
  expect(storedDocs(runtime, 'paperBallots').find((d) => d.serial === p.serial)).toMatchObject({ state: 'printed', entries: [] })
})

test('a code redeemed online first makes its paper ballot refused, saying the code was spent', async () => {
  const p = unitBallots()[2]!
  const voter = await signIn(runtime, 'voter-9108')
  data(await voter.call<Answer>('evaluate', { action: 'redeem', data: { code: p.code } }))
  expect(await enter(org1, entry(p, [rated('t1')]))).toMatchObject({ ok: false, error: { code: 'PAPER_CODE_SPENT', message: expect.stringContaining('已在网上参评') } })
  // Printing again still makes everyone's paper, used codes too: what is printed says nothing of who voted.
  expect(data(await organize<{ ballots: number }>(org1, 'printPaper', { roundId, unitId: 't1' })).ballots).toBe(4)
})

test('spoiled and blank sheets are counted per target apart from ballots and never reach a rate; a row left empty or ticked twice spoils its sheet', async () => {
  const p = paper.find((x) => x.units.length === 3)!
  const before = { t1: countersOf(runtime, roundId, 't1'), t2: countersOf(runtime, roundId, 't2'), t3: countersOf(runtime, roundId, 't3') }
  const [, third, fourth] = templateItems(template).map((i) => i.id)
  const spoiledBy = (faults: Record<string, string>) => ({ mark: 'spoiled', targetId: 't1', faults: { items: faults } })
  // A sheet with an item left empty is no ballot with that item missing: entered as one, it is refused.
  const { [third!]: _left, ...partial } = fullBallot(template, 't1').items
  expect(await enter(org1, entry(p, [{ mark: 'ballot', ballot: { ...fullBallot(template, 't1'), items: partial } }, { mark: 'blank', targetId: 't2' }, rated('t3')]))).toMatchObject({ ok: false, error: { code: 'ITEM_MISSING' } })
  for (const hostile of ['__proto__', 'toString', '$gt', 'i99']) {
    expect(await enter(org1, entry(p, [spoiledBy({ [hostile]: 'unmarked' }), { mark: 'blank', targetId: 't2' }, rated('t3')]))).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(PAPER_FAULTS_UNKNOWN|BAD_INPUT)$/) } })
  }
  expect(await enter(org1, entry(p, [spoiledBy({}), { mark: 'blank', targetId: 't2' }, rated('t3')]))).toMatchObject({ ok: false, error: { code: 'PAPER_FAULTS_UNKNOWN' } })
  expect(storedDocs(runtime, 'paperBallots').find((d) => d.serial === p.serial)).toMatchObject({ state: 'printed', entries: [] })
  // Two typists who read different faulty rows disagree, though either reading spoils the sheet.
  const sheets = [spoiledBy({ [third!]: 'unmarked' }), { mark: 'blank', targetId: 't2' }, rated('t3')]
  data(await enter(org1, entry(p, sheets)))
  expect(data(await enter(org2, entry(p, [spoiledBy({ [fourth!]: 'several' }), ...sheets.slice(1)])))).toEqual({ status: 'disputed', targets: ['t1'] })
  expect(data(await organize(admin, 'settlePaper', entry(p, [...sheets].reverse())))).toEqual({ status: 'recorded', receipts: 3 })
  expect(countersOf(runtime, roundId, 't1')).toEqual(before.t1)
  expect(countersOf(runtime, roundId, 't2')).toEqual(before.t2)
  expect(countersOf(runtime, roundId, 't3').ballots).toBe(before.t3.ballots + 1)
  const rows = (await participation()).targets
  expect(rows.find((t) => t.id === 't1')).toMatchObject({ spoiled: 1, blank: 0 })
  expect(rows.find((t) => t.id === 't2')).toMatchObject({ spoiled: 0, blank: 1 })
  expect(rows.find((t) => t.id === 't3')).toMatchObject({ spoiled: 0, blank: 0 })
})

test('two organisers entering the same serial at once record one ballot', async () => {
  const p = paper.filter((x) => x.units.length === 3)[1]!
  const before = ['t1', 't2', 't3'].map((t) => countersOf(runtime, roundId, t).ballots)
  const sheets = ['t1', 't2', 't3'].map((t) => rated(t, 2))
  const answers = await Promise.all([enter(org1, entry(p, sheets)), enter(org2, entry(p, sheets))])
  expect(answers.map((a) => data(a).status).sort()).toEqual(['first-entry', 'recorded'])
  expect(['t1', 't2', 't3'].map((t) => countersOf(runtime, roundId, t).ballots)).toEqual(before.map((n) => n + 1))
})

test('only organisers of the round\'s subtree may enter, and a unit\'s own organiser only its unit\'s ballots', async () => {
  const p = unitBallots()[3]!
  data(await organize(admin, 'createUnit', { id: 'elsewhere', name: '别的街道', parentId: null, kind: 'street' }))
  const outsider = await grant('organizer', 'elsewhere', 'voter-9103')
  const leader = await grant('leader', TEST_STREET, 'voter-9104')
  const ofT3 = await grant('organizer', 't3', 'voter-9105')
  const ofT1 = await grant('organizer', 't1', 'voter-9106')
  for (const s of [outsider, leader, ofT3]) {
    expect(await enter(s, entry(p, [rated('t1')]))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await organize(s, 'printPaper', { roundId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  }
  // A made-up serial is no probe for an outsider either.
  expect(await enter(outsider, entry(p, [rated('t1')], { serial: '00000000' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(data(await enter(ofT1, entry(p, [rated('t1')])))).toEqual({ status: 'first-entry' })
  expect(data(await enter(org1, entry(p, [rated('t1')])))).toMatchObject({ status: 'recorded' })
})

test('while a changed roster waits for 名单审定 again, a paper ballot with a code is refused, as the code would be online', async () => {
  data(await organize(org1, 'addRoster', { roundId, categoryId: 'unit', entries: [{ name: '庚', unitId: 't1' }] }))
  expect(await enter(org2, entry(unitBallots()[2]!, [rated('t1')]))).toMatchObject({ ok: false, error: { code: 'ROSTER_NOT_APPROVED' } })
  const { revision } = data(await organize<{ revision: number }>(admin, 'rosterReview', { roundId }))
  data(await organize(admin, 'reviewRoster', { roundId, revision, approve: true }))
})

test('counters equal a recount of the stored ballots after paper and online ballots, and the close finds no mismatch', async () => {
  const online = await signIn(runtime, 'voter-9108')
  data(await online.call<Answer>('evaluate', { action: 'submit', data: { roundId, ballots: [fullBallot(template, 't1', 1)] } }))
  const { ballots, subtotals } = await participation()
  expect(subtotals).toEqual([{ kind: 'online', ballots: 1 }, { kind: 'meeting', ballots: 0 }, { kind: 'paper', ballots: ballots - 1 }])
  data(await organize(admin, 'closeRound', { roundId }))
  expect(data(await organize(admin, 'publishRound', { roundId }))).toMatchObject({ state: 'published' })
})

test('the 统计表 and the PDF report print each target\'s 废票 and 空白票 beside its ballots, and no rate counts them', async () => {
  const { targets } = await participation()
  const results = data(await admin.call<Answer<{ targets: { targetId: string; name: string; result: { ballots: number; headline: { valid: number } } }[] }>>('report', { action: 'roundResults', data: { roundId } }))
  const download = async (action: string, name: string) => {
    const { url } = data(await admin.call<Answer<{ url: string }>>('report', { action, data: { roundId } }))
    const file = path.join(dir, name)
    fs.writeFileSync(file, Buffer.from(await (await fetch(url)).arrayBuffer()))
    return file
  }
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(await download('exportRound', 'book.xlsx'))
  const summary = tableOf(rowsOf(book.getWorksheet('汇总')!), '评议对象')
  const turnout = tableOf(rowsOf(book.getWorksheet('参评情况')!), '评议对象')
  const pdf = await download('reportPdf', 'report.pdf')
  for (const t of results.targets) {
    const { spoiled, blank } = targets.find((x) => x.id === t.targetId)!
    for (const { head, body } of [summary, turnout]) {
      const row = body.find((r) => r[0] === t.name)!
      expect([row[column(head, '废票')], row[column(head, '空白票')]]).toEqual([spoiled, blank])
    }
    // Ballots and the rates' base are the ballots alone.
    const row = summary.body.find((r) => r[0] === t.name)!
    expect([row[column(summary.head, '评议票数')], row[column(summary.head, '有效票数')]]).toEqual([t.result.ballots, t.result.headline.valid])
    expect(pdfText(pdf, 1).split('\n').find((l) => l.includes(t.name))).toMatch(new RegExp(`${t.name}.*\\s${t.result.ballots}\\s+${spoiled}/${blank}\\s`))
  }
  expect(targets.find((t) => t.id === 't1')!.spoiled).toBeGreaterThan(0)
  expect(targets.find((t) => t.id === 't2')!.blank).toBeGreaterThan(0)
  const pages = pdfText(pdf).split('\f').map((page) => page.replace(/\s+/g, ''))
  for (const t of results.targets) {
    const { spoiled, blank } = targets.find((x) => x.id === t.targetId)!
    expect(pages.find((page) => page.startsWith(t.name))).toContain(`废票${spoiled}张、空白票${blank}张（不计入票数和满意率）`)
  }
  expect(rowsOf(book.getWorksheet('参评情况')!).map((r) => r[0])).toEqual(expect.arrayContaining(['小计：网上', '小计：会场', '小计：纸质票', '合计']))
})
