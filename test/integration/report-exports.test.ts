/**
 * The Excel 统计表 and the PDF report as an office files and reads them, read back: the xlsx with
 * exceljs, the PDF with pdftotext and rendered to PNG with pdftoppm. The demo's 三评一联 round (seed
 * 000: a group of four units, unit and all-round evaluators) is exported while open and once closed.
 */
import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { RoundResults, TargetDetail } from '../../src/api/report'
import { builtinTemplates, inShanghai } from '../../src/core'
import { ADMIN_PERSONA } from '../../local/devlogin'
import { DEMO_SANPING_ID, seedDemo } from '../../local/demo'
import { castDemoBallots } from '../../local/demoBallots'
import { FUNCTIONS } from '../../local/functions'
import type { Runtime } from '../../local/runtime'
import { fullBallot, openRound } from '../helpers/rounds'
import { type Answer, data, roleHoldersAt, type Session, signIn, startTestRuntime } from '../helpers/runtime'
import { column, pdfText, rowsOf, tableOf } from '../helpers/sheets'

let runtime: Runtime
let admin: Session
beforeAll(async () => {
  runtime = await startTestRuntime()
  const codes = await seedDemo(FUNCTIONS.organize, runtime.login.openidOf(ADMIN_PERSONA))
  await castDemoBallots(FUNCTIONS.evaluate, runtime.login.openidOf, codes!)
  admin = await signIn(runtime, 'admin')
})
afterAll(() => runtime.close())

const report = async <T>(action: string, input: unknown) => data(await admin.call<Answer<T>>('report', { action, data: input }))
const organize = async <T>(action: string, input: unknown) => data(await admin.call<Answer<T>>('organize', { action, data: input }))
const today = () => inShanghai(new Date()).format('YYYY-MM-DD')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-exports-'))

async function download(url: string, name: string): Promise<string> {
  const file = path.join(dir, name)
  fs.writeFileSync(file, Buffer.from(await (await fetch(url)).arrayBuffer()))
  return file
}
async function workbook(roundId: string, as = admin) {
  const file = data(await as.call<Answer<{ url: string; fileName: string }>>('report', { action: 'exportRound', data: { roundId } }))
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(await download(file.url, 'book.xlsx'))
  return { file, book }
}
/** 分类各项等次 sums the 测评表 per unit and evaluator category, item by item, as targetDetail counts them. */
async function expectCategoriesSummed(book: ExcelJS.Workbook, results: RoundResults) {
  const { head, body } = tableOf(rowsOf(book.getWorksheet('分类各项等次')!), '评议对象')
  const levels = results.legend.levels
  for (const t of results.targets) {
    const detail = await report<TargetDetail>('targetDetail', { roundId: DEMO_SANPING_ID, targetId: t.targetId })
    for (const c of detail.categories) {
      expect(c.suppressed).toBe(false)
      if (c.suppressed) continue
      const overall = body.find((r) => r[0] === t.name && r[1] === c.name && r[2] === results.legend.overallLabel)!
      expect(levels.map((l) => overall[column(head, l.label)])).toEqual(levels.map((l) => c.overall.find((b) => b.levelId === l.id)!.count))
    }
    // The categories of each item add up to the item's whole distribution.
    for (const item of detail.items) {
      const rows = body.filter((r) => r[0] === t.name && r[2] === item.label)
      expect(rows).toHaveLength(2)
      for (const l of levels) expect(rows.reduce((n, r) => n + (r[column(head, l.label)] as number), 0)).toBe(item.levels.find((b) => b.levelId === l.id)!.count)
    }
  }
}

const categoryLabel = (results: RoundResults, id: string) => results.legend.categories.find((c) => c.id === id)?.name

describe('the 三评一联 round while open', () => {
  let results: RoundResults
  let book: ExcelJS.Workbook
  let fileName: string
  let url: string
  beforeAll(async () => {
    results = await report<RoundResults>('roundResults', { roundId: DEMO_SANPING_ID })
    ;({ book, file: { fileName, url } } = await workbook(DEMO_SANPING_ID))
  })

  test('the file is named as a person would name it: round, 统计表, date; no timestamp, no id', () => {
    expect(fileName).toBe(`${results.round.title}-统计表-${today()}.xlsx`)
    expect(decodeURIComponent(new URL(url).pathname.split('/').pop()!)).toBe(fileName)
    expect(fileName).not.toContain(DEMO_SANPING_ID)
  })

  test('汇总 opens with a title block: round, host unit, window, 初步 status, date printed', () => {
    const rows = rowsOf(book.getWorksheet('汇总')!)
    const block = rows.slice(0, 5).map((r) => r[0])
    expect(block).toEqual([
      `${results.round.title} 统计表`,
      '主办单位：阳光街道',
      expect.stringMatching(/^评议时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2} 至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      '结果状态：初步结果（评议中）',
      `打印日期：${inShanghai(new Date()).format('YYYY年M月D日')}`,
    ])
  })

  test('汇总: 所属单位 is the unit above the target, the group and rank in group, the verdict word beside the rule', () => {
    const { head, body } = tableOf(rowsOf(book.getWorksheet('汇总')!), '评议对象')
    expect(body).toHaveLength(4)
    for (const t of results.targets) {
      const row = body.find((r) => r[0] === t.name)!
      expect(row[column(head, '所属单位')]).toBe('阳光街道')
      expect(row[column(head, '分组')]).toBe('第一组')
      expect(row[column(head, '组内排名')]).toBe(t.rankInGroup)
      expect(row[column(head, '评议票数')]).toBe(t.result.ballots)
      expect(row[column(head, '有效票数')]).toBe(t.result.headline.valid)
      expect(row[column(head, '满意率(%)')]).toBe(t.result.headline.satisfaction.percent)
      expect(row[column(head, '本轮排名')]).toBe(t.rankInRound)
    }
    const law = results.targets.find((t) => t.targetId === 'su-law')!
    const verdict = law.result.verdicts.verdicts[0]!
    expect(body.find((r) => r[0] === law.name)![column(head, '处理规定及结论')]).toBe(`${verdict.ruleName}：返工补课（拟认定：待督导组确认）`)
    // A target no rule fired on has an empty cell, not ''.
    const quiet = results.targets.find((t) => t.result.verdicts.verdicts.length === 0)!
    expect(body.find((r) => r[0] === quiet.name)![column(head, '处理规定及结论')]).toBeNull()
  })

  test('no cell of any sheet holds an empty string', () => {
    for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => expect(cell.value).not.toBe('')))
  })

  test('分类各项等次 withholds every category while the round is open: figures by category come with the final result', () => {
    const { head, body } = tableOf(rowsOf(book.getWorksheet('分类各项等次')!), '评议对象')
    for (const t of results.targets) {
      const rows = body.filter((r) => r[0] === t.name)
      expect(rows.map((r) => r[1])).toEqual(['单位参评人员', '全评参评人员'])
      for (const row of rows) {
        const category = t.result.categories.find((c) => categoryLabel(results, c.categoryId) === row[1])!
        expect(category.suppressed).toBe(true)
        expect(row[column(head, '说明')]).toBe(category.suppressed ? category.reason : null)
        expect(row.slice(2, column(head, '说明'))).toEqual(Array(column(head, '说明') - 2).fill(null))
      }
    }
  })

  test('参评情况: ballots per target against expected ballots per target, and people per category in a table of their own', () => {
    const rows = rowsOf(book.getWorksheet('参评情况')!)
    const ballots = tableOf(rows, '评议对象')
    for (const t of results.participation.targets) {
      const row = ballots.body.find((r) => r[0] === t.name)!
      expect(row[column(ballots.head, '所属单位')]).toBe('阳光街道')
      expect(row[column(ballots.head, '已收票数')]).toBe(14)
      // The expected figure is the core's, whatever it is: per target, never the per-unit quota of one category.
      expect(row[column(ballots.head, '应收票数')]).toBe(t.expected)
      expect(row[column(ballots.head, '收票率(%)')]).toBe(Math.round((14 * 1000) / t.expected!) / 10)
    }
    const people = tableOf(rows, '参评人员类别')
    expect(people.head).toEqual(['参评人员类别', '已参评人数', '每单位应参评人数', '比例要求', null])
    // The demo: 6 of 15 unit evaluators and 2 of 5 all-round evaluators from each of the four units.
    expect(people.body.map((r) => r.slice(0, 3))).toEqual([['单位参评人员', 24, 15], ['全评参评人员', 8, 5], ['合计', 32, null]])
    expect(rows.map((r) => r[0])).toContain('二、参评人员（单位：人）')
    expect(rows.map((r) => r[0])).toContain('一、各评议对象收票情况（单位：票）')
  })

  test('the PDF report: a first page summing up every target, numbers on the bars, per-category bars, a 落款', async () => {
    const file = await report<{ url: string; fileName: string }>('reportPdf', { roundId: DEMO_SANPING_ID })
    expect(file.fileName).toBe(`${results.round.title}-评议报告-${today()}.pdf`)
    const pdf = await download(file.url, 'sanping.pdf')
    // Real text in an embedded subset of the print font: search and copy work.
    expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/[A-Z]{6}\+NotoSans\S*\s.*\syes\s+yes\s/)
    const first = pdfText(pdf, 1, 1)
    expect(first).toContain('主办单位：阳光街道')
    for (const t of results.targets) {
      // One line per target: its name, 所属单位, group, ballots, rate, verdict and ranks.
      const line = first.split('\n').find((l) => l.includes(t.name))!
      // The verdict words, then whether they stand (拟认定 until the supervising group confirms them).
      const verdict = t.badges.length ? `${t.badges.map((b) => b.label).join('、')}\\s+拟认定` : '未触发'
      expect(line).toMatch(new RegExp(`${t.name}\\s+阳光街道\\s+第一组\\s+14\\s+${t.result.headline.satisfaction.percent}%\\s+${verdict}\\s+${t.rankInGroup}\\s+${t.rankInRound}`))
    }
    // The target pages: the overall bar carries its counts, level by level, and its total.
    const law = results.targets.find((t) => t.targetId === 'su-law')!
    const page = pdfText(pdf, 2 + results.targets.indexOf(law))
    const detail = await report<TargetDetail>('targetDetail', { roundId: DEMO_SANPING_ID, targetId: 'su-law' })
    const counts = detail.overall.map((b) => b.count).filter((n) => n > 0)
    const overallLine = page.split('\n').find((l) => l.includes(results.legend.overallLabel) && l.includes('份'))!
    // The live release's: 14 in, 5 left out.
    expect(overallLine.replace(results.legend.overallLabel, '').replace(/\s*份/, ' 份').trim().split(/\s+/)).toEqual([...counts.map(String), String(law.result.counted), '份'])
    expect(page).toContain('分类评价分布')
    for (const c of detail.categories) if (!c.suppressed) expect(page).toMatch(new RegExp(`${c.name} · 满意率 [\\d.]+%`))
    const last = pdfText(pdf).trim().split('\n').slice(-2).map((l) => l.trim())
    expect(last).toEqual(['阳光街道', inShanghai(new Date()).format('YYYY年M月D日')])
    // Rendered, for a person to look at (QUNPING_KEEP_PDF names a folder to keep the pages in).
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(dir, 'sanping')])
    const pngs = fs.readdirSync(dir).filter((f) => f.startsWith('sanping') && f.endsWith('.png'))
    expect(pngs).toHaveLength(1 + results.targets.length)
    if (process.env.QUNPING_KEEP_PDF) for (const png of pngs) fs.copyFileSync(path.join(dir, png), path.join(process.env.QUNPING_KEEP_PDF, png))
  })
})

test('once closed, the 统计表 and the PDF say 最终结果', async () => {
  await organize('closeRound', { roundId: DEMO_SANPING_ID })
  const { book } = await workbook(DEMO_SANPING_ID)
  expect(rowsOf(book.getWorksheet('汇总')!)[3]![0]).toBe('结果状态：最终结果（已结束）')
  await expectCategoriesSummed(book, await report<RoundResults>('roundResults', { roundId: DEMO_SANPING_ID }))
  const file = await report<{ url: string }>('reportPdf', { roundId: DEMO_SANPING_ID })
  expect(pdfText(await download(file.url, 'closed.pdf'), 1, 1)).toContain('最终结果')
})

describe('a round with a small category and opinions with emoji', () => {
  const template = builtinTemplates.find((t) => t.id === 'community-satisfaction')!
  let roundId: string
  beforeAll(async () => {
    roundId = await openRound(runtime, {}, false)
    await organize('updateRound', { roundId, patch: { categories: [...template.categories, { id: 'members', name: '在职党员', scope: { kind: 'round' }, access: 'open' }] } })
    await organize('openRound', { roundId })
    let n = 0
    for (const [categoryId, count, opinion] of [['residents', 10, '服务很好👍，继续加油🎉'], ['members', 2, undefined]] as const) {
      for (let i = 0; i < count; i++) {
        const voter = await signIn(runtime, `voter-${100 + ++n}`)
        data(await voter.call<Answer>('evaluate', { action: 'enrol', data: { roundId, categoryId } }))
        data(await voter.call<Answer>('evaluate', { action: 'submit', data: { roundId, ballots: [fullBallot(template.ballot, 't1', 0, opinion)] } }))
      }
    }
  })

  test('分类各项等次 withholds a category under k (and its complement) with the reason and no figures', async () => {
    const { book } = await workbook(roundId)
    const { head, body } = tableOf(rowsOf(book.getWorksheet('分类各项等次')!), '评议对象')
    const t1 = body.filter((r) => r[0] === '第1党支部')
    expect(t1.map((r) => r[1])).toEqual(['社区居民', '在职党员'])
    for (const row of t1) {
      expect(row[column(head, '说明')]).toMatch(/5 份|评议结束后/)
      expect(row.slice(2, column(head, '说明'))).toEqual(Array(column(head, '说明') - 2).fill(null))
    }
  })

  test('the 所属单位 of a branch is its street; the PDF prints an emoji as its name in brackets, never a blank box', async () => {
    const { book } = await workbook(roundId)
    const { head, body } = tableOf(rowsOf(book.getWorksheet('汇总')!), '评议对象')
    expect(body.find((r) => r[0] === '第1党支部')![column(head, '所属单位')]).toBe('测试街道')
    // The spreadsheet keeps the opinion as written; Excel draws emoji.
    const opinions = tableOf(rowsOf(book.getWorksheet('意见建议')!), '评议对象')
    expect(opinions.head).not.toContain('作者')
    // Those of the live release: 12 in, 5 left out, so at least 5 of the 10 residents' opinions.
    const shown = opinions.body.length
    expect(shown).toBeGreaterThanOrEqual(5)
    expect(opinions.body.map((r) => r[1])).toEqual(Array(shown).fill('服务很好👍，继续加油🎉'))
    // A long opinion wraps within its column instead of running off the printed page.
    const opinionCells: ExcelJS.Cell[] = []
    book.getWorksheet('意见建议')!.eachRow((row) => row.eachCell((cell) => { if (cell.value === '服务很好👍，继续加油🎉') opinionCells.push(cell) }))
    expect(opinionCells.map((c) => c.alignment?.wrapText)).toEqual(Array(shown).fill(true))
    const file = await report<{ url: string; fileName: string }>('reportPdf', { roundId, targetId: 't1' })
    expect(file.fileName).toBe(`测试评议-第1党支部-评议报告-${today()}.pdf`)
    const text = pdfText(await download(file.url, 'emoji.pdf'))
    expect(text).toContain('服务很好[拇指向上]，继续加油[拉炮彩带]')
    expect(text).not.toMatch(/\p{Extended_Pictographic}/u)
  })

  test("an organiser of one branch sees its ballots but no people per category, which are counted over the whole round", async () => {
    const { organizer } = await roleHoldersAt(runtime, admin, 't1', 200)
    const { book } = await workbook(roundId, organizer)
    const rows = rowsOf(book.getWorksheet('参评情况')!)
    expect(tableOf(rows, '评议对象').body.map((r) => r.slice(0, 3))).toEqual([['第1党支部', '测试街道', 12]])
    expect(rows.map((r) => r[0])).toContain('只能查看部分评议对象时不列参评人数。')
    expect(tableOf(rows, '参评人员类别').body.map((r) => r.slice(0, 2))).toEqual([['社区居民', null], ['在职党员', null]])
  })
})

test('two 王伟 of one branch stay apart: the 统计表 has a 职务 column and the PDF names each with their position', async () => {
  const targets = [
    { id: 'w1', name: '王伟', kind: 'cadre', unitId: 't1', position: '支部书记' },
    { id: 'w2', name: '王伟', kind: 'cadre', unitId: 't1', position: '组织委员' },
  ]
  const roundId = await openRound(runtime, { targets })
  const { book } = await workbook(roundId)
  const { head, body } = tableOf(rowsOf(book.getWorksheet('汇总')!), '评议对象')
  expect(body.map((r) => [r[0], r[column(head, '职务')], r[column(head, '所属单位')]])).toEqual([['王伟', '支部书记', '第1党支部'], ['王伟', '组织委员', '第1党支部']])
  const file = await report<{ url: string }>('reportPdf', { roundId })
  const text = pdfText(await download(file.url, 'persons.pdf'))
  expect(text).toContain('王伟 · 支部书记')
  expect(text).toContain('王伟 · 组织委员')
})
