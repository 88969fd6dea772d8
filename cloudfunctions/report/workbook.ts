/**
 * @module The Excel 统计表 as an office files it: a title block, one table per sheet with its header
 * frozen and printed on every page, and cells left empty (not '') where there is no figure.
 */
import type ExcelJS from 'exceljs'
import type { RoundResults, TargetView } from '../../src/api/report'
import { categoryName, type LevelTally, SUBTOTAL_NAMES, toPercent, UNUSABLE_NOTE } from '../../src/core'
import { newWorkbook } from '../common/excel'
import { type Printed, printedDate, statusText, windowText } from './printed'
import { verdictLine } from './views'

type Cell = string | number | null
interface Column { header: string; width: number }

const pct = (p: number | null | undefined) => p ?? null

/** Lines of text from `row` on, the first bold, then a blank row unless `gap` is 0; answers the next free row. */
function caption(sheet: ExcelJS.Worksheet, row: number, lines: readonly string[], size = 11, gap = 1): number {
  lines.forEach((line, i) => {
    const cell = sheet.getCell(row + i, 1)
    cell.value = line
    cell.font = { bold: i === 0, size: i === 0 ? size : 11 }
  })
  return row + lines.length + gap
}

/** A header row and its rows from `row` on; answers the row after a blank one. */
function table(sheet: ExcelJS.Worksheet, row: number, columns: readonly Column[], rows: readonly Cell[][]): number {
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1)
    column.width = Math.max(column.width ?? 0, c.width)
  })
  const header = sheet.getRow(row)
  header.values = columns.map((c) => c.header)
  header.font = { bold: true }
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } }
    cell.border = { bottom: { style: 'thin' } }
  })
  rows.forEach((values, i) => {
    sheet.getRow(row + 1 + i).values = values.map((v) => v ?? undefined) as ExcelJS.CellValue[]
  })
  return row + rows.length + 2
}

/**
 * A sheet that prints on A4 landscape, one page wide; with a `headerRow`, that header stays in view
 * and repeats on every printed page (a sheet of several tables has none).
 */
function sheetFor(book: ExcelJS.Workbook, name: string, headerRow: number | null): ExcelJS.Worksheet {
  const page = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const
  if (headerRow === null) return book.addWorksheet(name, { pageSetup: page })
  return book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRow }], pageSetup: { ...page, printTitlesRow: `${headerRow}:${headerRow}` } })
}

const levelColumns = (results: RoundResults) => results.legend.levels.map((l) => ({ header: l.label, width: 9 }))
const levelCells = (results: RoundResults, tally: LevelTally | undefined) => results.legend.levels.map((l) => tally?.[l.id] ?? 0)
/** The overall question, then every item, in template order. */
const questions = (results: RoundResults) => [{ id: null, label: results.legend.overallLabel }, ...results.legend.sections.flatMap((s) => s.items)]

/** 废票 and 空白票 beside the ballots, where the round takes paper: sheets counted apart, in no rate. */
const unusableColumns = (p: Printed): Column[] => (p.unusable ? [{ header: '废票', width: 7 }, { header: '空白票', width: 8 }] : [])
const unusableCells = (p: Printed, targetId: string): Cell[] => {
  const u = p.unusable?.(targetId)
  return u ? [u.spoiled, u.blank] : []
}

function summarySheet(book: ExcelJS.Workbook, p: Printed): void {
  const { results } = p
  const block = [
    `${results.round.title} 统计表`,
    `主办单位：${p.issuer}`,
    `评议时间：${windowText(results.round.window)}`,
    `结果状态：${statusText(results.round.status)}（${results.round.stateLabel}）`,
    `打印日期：${printedDate(p.printedAt)}`,
  ]
  const sheet = sheetFor(book, '汇总', block.length + 2)
  caption(sheet, 1, block, 16)
  const groupName = (t: TargetView) => results.groups.find((g) => g.id === t.groupId)?.name ?? null
  // A round rating persons names each one's 职务 beside the name; a round of units has no such column.
  const positions = results.targets.some((t) => p.position(t) !== null)
  table(sheet, block.length + 2, [
    { header: '评议对象', width: 24 }, ...(positions ? [{ header: '职务', width: 14 }] : []), { header: '所属单位', width: 18 }, { header: '分组', width: 10 }, { header: '组内排名', width: 9 },
    { header: '评议票数', width: 9 }, ...unusableColumns(p), { header: '有效票数', width: 9 }, { header: '满意率(%)', width: 10 }, { header: '好评率(%)', width: 10 },
    { header: '不满意率(%)', width: 11 }, { header: '平均分', width: 8 }, { header: '本轮排名', width: 9 }, { header: '处理规定及结论', width: 44 },
    { header: '状态', width: 9 },
  ], results.targets.map((t) => {
    const h = t.result.headline
    return [
      t.name, ...(positions ? [p.position(t)] : []), p.belongsTo(t), groupName(t), t.rankInGroup, t.result.ballots, ...unusableCells(p, t.targetId), h.valid, pct(h.satisfaction.percent), pct(h.good.percent),
      pct(h.dissatisfied.percent), h.meanScore.value, t.rankInRound, t.result.verdicts.verdicts.map(verdictLine).join('；') || null,
      statusText(t.result.status),
    ]
  }))
}

/** A sheet with a one-line title naming the round, the sheet and whether its figures are final. */
function titled(book: ExcelJS.Workbook, p: Printed, name: string, oneTable = true): { sheet: ExcelJS.Worksheet; row: number } {
  const sheet = sheetFor(book, name, oneTable ? 3 : null)
  return { sheet, row: caption(sheet, 1, [`${p.results.round.title} · ${name}（${statusText(p.results.round.status)}）`]) }
}

function levelsSheet(book: ExcelJS.Workbook, p: Printed): void {
  const { results } = p
  const { sheet, row } = titled(book, p, '各项等次')
  table(sheet, row, [{ header: '评议对象', width: 24 }, { header: '评议内容', width: 30 }, ...levelColumns(results)], results.targets.flatMap((t) => {
    const c = p.counters(t.targetId)
    return questions(results).map((q) => [t.name, q.label, ...levelCells(results, q.id === null ? c?.overall : c?.items[q.id])])
  }))
}

function categoriesSheet(book: ExcelJS.Workbook, p: Printed): void {
  const { results } = p
  const { sheet, row } = titled(book, p, '分类')
  table(sheet, row, [
    { header: '评议对象', width: 24 }, { header: '参评人员类别', width: 20 }, { header: '票数', width: 8 }, { header: '满意率(%)', width: 10 }, { header: '说明', width: 40 },
  ], results.targets.flatMap((t) => t.result.categories.map((c) => {
    const name = categoryName(results.legend, c.categoryId)
    return c.suppressed ? [t.name, name, null, null, c.reason] : [t.name, name, c.ballots, pct(c.overall.satisfaction.percent), null]
  })))
}

/**
 * The 测评表 summed per unit and evaluator category (seed 000 step 6), item by item; a category the
 * k rule withholds gets one row saying so and no figures.
 */
function categoryLevelsSheet(book: ExcelJS.Workbook, p: Printed): void {
  const { results } = p
  const { sheet, row } = titled(book, p, '分类各项等次')
  const levels = results.legend.levels.map(() => null)
  table(sheet, row, [
    { header: '评议对象', width: 24 }, { header: '参评人员类别', width: 16 }, { header: '评议内容', width: 30 }, ...levelColumns(results), { header: '说明', width: 30 },
  ], results.targets.flatMap((t) => t.result.categories.flatMap((c): Cell[][] => {
    const name = categoryName(results.legend, c.categoryId)
    if (c.suppressed) return [[t.name, name, null, ...levels, c.reason]]
    const tallies = p.counters(t.targetId)?.categories[c.categoryId]
    return questions(results).map((q) => [t.name, name, q.label, ...levelCells(results, q.id === null ? tallies?.overall : tallies?.items[q.id]), null])
  })))
}

/**
 * Ballots per target against the ballots expected per target, and people per category on their
 * own: one table never mixes 票 and 人. `people` is null when the caller sees only part of the round.
 */
function turnoutSheet(book: ExcelJS.Workbook, p: Printed, people: Record<string, number> | null): void {
  const { results } = p
  const { participation } = results
  const { sheet, row } = titled(book, p, '参评情况', false)
  const belongs = new Map(results.targets.map((t) => [t.targetId, p.belongsTo(t)]))
  let at = caption(sheet, row, ['一、各评议对象收票情况（单位：票）', ...(p.unusable ? [UNUSABLE_NOTE] : [])], 11, 0)
  at = table(sheet, at, [{ header: '评议对象', width: 28 }, { header: '所属单位', width: 18 }, { header: '已收票数', width: 12 }, ...unusableColumns(p), { header: '应收票数', width: 12 }, { header: '收票率(%)', width: 12 }],
    participation.targets.map((t) => [t.name, belongs.get(t.id) ?? null, t.ballots, ...unusableCells(p, t.id), t.expected, t.expected ? toPercent({ num: t.ballots, den: t.expected }) : null]))
  at = caption(sheet, at, ['二、参评人员（单位：人）', ...(people ? [] : ['只能查看部分评议对象时不列参评人数。'])], 11, 0)
  at = table(sheet, at, [{ header: '参评人员类别', width: 28 }, { header: '已参评人数', width: 18 }, { header: '每单位应参评人数', width: 12 }, { header: '比例要求', width: 12 }], [
    ...participation.categories.map((c) => [c.name, people ? (people[c.id] ?? 0) : null, c.expectedPerUnit, c.quota]),
    ...(people ? [['合计', Object.values(people).reduce((n, v) => n + v, 0), null, null]] : []),
  ])
  at = caption(sheet, at, ['三、各渠道收票情况（单位：票）'], 11, 0)
  at = table(sheet, at, [{ header: '渠道', width: 28 }, { header: '票数', width: 18 }], [
    ...participation.channels.map((c) => [c.name, c.ballots]),
    ...participation.subtotals.map((s) => [`小计：${SUBTOTAL_NAMES[s.kind]}`, s.ballots]),
    ['合计', participation.ballots],
  ])
  caption(sheet, at, [`来自微信群聊：${participation.groupChats} 个`])
}

function opinionsSheet(book: ExcelJS.Workbook, p: Printed, opinions: readonly { target: string; text: string }[]): void {
  const { sheet, row } = titled(book, p, '意见建议')
  table(sheet, row, [{ header: '评议对象', width: 24 }, { header: '意见建议', width: 80 }], opinions.map((o) => [o.target, o.text]))
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' }
}

export async function workbook(p: Printed, people: Record<string, number> | null, opinions: readonly { target: string; text: string }[]): Promise<Buffer> {
  const book = await newWorkbook()
  book.title = `${p.results.round.title} 统计表`
  summarySheet(book, p)
  levelsSheet(book, p)
  categoriesSheet(book, p)
  categoryLevelsSheet(book, p)
  turnoutSheet(book, p, people)
  opinionsSheet(book, p, opinions)
  return Buffer.from(await book.xlsx.writeBuffer())
}
