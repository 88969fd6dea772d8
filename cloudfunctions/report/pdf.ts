/**
 * @module The PDF report: a first page summing up every target (rate, verdict, rank), a page per
 * target, and the 落款 of the host unit. Chinese is real text in an embedded font that pdfkit subsets
 * to the glyphs used, so search, copy and print work; opinions pass through `printable` first.
 */
import type { TargetView } from '../../src/api/report'
import { categoryName, UNUSABLE_NOTE } from '../../src/core'
import { a4Pdf, printable } from '../common/print'
import { type ChartRow, distributionChart } from './pdfChart'
import { type Printed, printedDate, statusText, windowText } from './printed'

const LEFT = 50, WIDTH = 495
const percent = (p: number | null) => (p === null ? '—' : `${p}%`)
/** 王伟 · 支部书记: a person with their 职务, as the pages write them. */
const named = (p: Printed, t: TargetView) => [t.name, p.position(t)].filter(Boolean).join(' · ')

/** Starts a new page when fewer than `height` points are left on this one. */
function room(pdf: PDFKit.PDFDocument, height: number): void {
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage()
}

function verdictWords(t: TargetView): string {
  if (t.badges.length > 0) return t.badges.map((b) => b.label).join('、')
  if (t.result.verdicts.verdicts.some((v) => v.standing?.state === 'set-aside')) return '—'
  if (t.result.verdicts.verdicts.length > 0) return t.result.verdicts.verdicts.map((v) => v.consequence).join('、')
  return t.result.verdicts.undetermined ? '暂无结论' : '未触发'
}

/** 拟认定 / 已认定 / 不予认定: whether the verdict words beside it stand (the strongest of the target's verdicts). */
function standingWord(t: TargetView): string {
  const states = t.result.verdicts.verdicts.map((v) => v.standing?.label ?? '拟认定')
  return (['已认定', '拟认定', '不予认定'] as const).find((l) => states.includes(l)) ?? ''
}

function roundHeading(pdf: PDFKit.PDFDocument, p: Printed): void {
  const { round } = p.results
  pdf.fontSize(18).fillColor('#000').text(`${round.title} 评议报告`, LEFT, pdf.y, { width: WIDTH, align: 'center' })
  pdf.moveDown(0.3).fontSize(10).fillColor('#555').text(`主办单位：${p.issuer}　　评议时间：${windowText(round.window)}`, { width: WIDTH, align: 'center' })
  pdf.text(`${statusText(round.status)}（${round.stateLabel}）`, { width: WIDTH, align: 'center' })
  for (const note of round.notices) pdf.fillColor('#b26a00').text(note, { width: WIDTH, align: 'center' })
  pdf.moveDown(1)
}

/** The summary table: one row per target, its header repeated on each page it runs onto. */
function summaryTable(pdf: PDFKit.PDFDocument, p: Printed): void {
  const { results, unusable } = p
  const grouped = results.groups.length > 0
  // Room for the 废票/空白 column comes out of the widest.
  const narrow = unusable ? 50 : 0
  const columns: { header: string; width: number; cell: (t: TargetView) => string; align?: 'right' | 'center' }[] = [
    { header: '评议对象', width: (grouped ? 110 : 145) - narrow, cell: (t) => named(p, t) },
    { header: '所属单位', width: grouped ? 55 : 80, cell: (t) => p.belongsTo(t) ?? '' },
    ...(grouped ? [{ header: '分组', width: 45, cell: (t: TargetView) => results.groups.find((g) => g.id === t.groupId)?.name ?? '' }] : []),
    { header: '票数', width: 35, cell: (t) => String(t.result.ballots), align: 'right' },
    ...(unusable ? [{ header: '废票/空白', width: narrow, cell: (t: TargetView) => `${unusable(t.targetId).spoiled}/${unusable(t.targetId).blank}`, align: 'center' as const }] : []),
    { header: '满意率', width: 50, cell: (t) => percent(t.result.headline.satisfaction.percent), align: 'right' },
    { header: '评议结论', width: grouped ? 75 : 90, cell: verdictWords, align: 'center' },
    { header: '认定', width: 45, cell: standingWord, align: 'center' },
    ...(grouped ? [{ header: '组内排名', width: 40, cell: (t: TargetView) => String(t.rankInGroup ?? '—'), align: 'center' as const }] : []),
    { header: '本轮排名', width: grouped ? 40 : 50, cell: (t) => String(t.rankInRound ?? '—'), align: 'center' },
  ]
  const ROW = 20
  const row = (cells: string[], header: boolean, shade: boolean) => {
    room(pdf, ROW)
    const y = pdf.y
    // Shading starts below the rule above, which it would otherwise paint over.
    if (header || shade) pdf.rect(LEFT, y + 0.5, WIDTH, ROW - 0.5).fill(header ? '#e8e8e8' : '#f6f6f6')
    let x = LEFT
    cells.forEach((text, i) => {
      const c = columns[i]!
      pdf.fontSize(header ? 8 : 9).fillColor(header ? '#000' : '#222').text(text, x + 3, y + 6, { width: c.width - 6, align: header ? 'center' : (c.align ?? 'left'), lineBreak: false, ellipsis: true })
      x += c.width
    })
    pdf.moveTo(LEFT, y + ROW).lineTo(LEFT + WIDTH, y + ROW).lineWidth(0.5).stroke('#ccc')
    pdf.x = LEFT
    pdf.y = y + ROW
  }
  const headers = columns.map((c) => c.header)
  row(headers, true, false)
  results.targets.forEach((t, i) => {
    if (pdf.y + ROW > pdf.page.height - pdf.page.margins.bottom) {
      pdf.addPage()
      row(headers, true, false)
    }
    row(columns.map((c) => c.cell(t)), false, i % 2 === 1)
  })
  const thresholds = results.legend.thresholds.map((th) => `${th.ruleName}（${th.percent}%）`)
  if (thresholds.length > 0) pdf.moveDown(0.8).fontSize(8).fillColor('#555').text(`处理规定：${thresholds.join('；')}`, LEFT, pdf.y, { width: WIDTH })
  if (unusable) pdf.moveDown(0.3).fontSize(8).fillColor('#555').text(`${UNUSABLE_NOTE}。`, LEFT, pdf.y, { width: WIDTH })
}

/** Each evaluator category's own bar where the k rule allows it; a withheld one says so instead. */
function categoryLines(pdf: PDFKit.PDFDocument, p: Printed, t: TargetView): void {
  const { legend } = p.results
  if (t.result.categories.length < 2) return
  room(pdf, 60)
  pdf.moveDown(0.3).fontSize(12).fillColor('#000').text('分类评价分布', LEFT)
  const counters = p.counters(t.targetId)
  const shown: ChartRow[] = []
  for (const c of t.result.categories) {
    if (!c.suppressed) shown.push({ label: `${categoryName(legend, c.categoryId)} · 满意率 ${percent(c.overall.satisfaction.percent)}`, tally: counters?.categories[c.categoryId]?.overall ?? {} })
  }
  if (shown.length > 0) distributionChart(pdf, legend, shown)
  for (const c of t.result.categories) {
    if (c.suppressed) pdf.fontSize(9).fillColor('#555').text(`${categoryName(legend, c.categoryId)}：${c.reason}`, LEFT).fillColor('#000')
  }
}

function targetPage(pdf: PDFKit.PDFDocument, p: Printed, t: TargetView, opinions: readonly string[]): void {
  const { legend, round } = p.results
  const h = t.result.headline
  const unit = p.belongsTo(t)
  pdf.fontSize(16).fillColor('#000').text(named(p, t), LEFT)
  pdf.fontSize(10).fillColor('#555').text([round.title, unit, statusText(t.result.status)].filter(Boolean).join(' · '))
  pdf.moveDown(0.5)
  const interval = h.satisfaction.interval ? `（95% 区间 ${(h.satisfaction.interval.low * 100).toFixed(1)}%–${(h.satisfaction.interval.high * 100).toFixed(1)}%）` : ''
  pdf.fontSize(12).fillColor('#000').text(`满意率 ${percent(h.satisfaction.percent)}${interval}`)
  const ranks = [t.rankInGroup !== null ? `组内排名 ${t.rankInGroup}` : null, `本轮排名 ${t.rankInRound ?? '—'}`].filter(Boolean).join('；')
  const u = p.unusable?.(t.targetId)
  const unusableText = u ? `；废票 ${u.spoiled} 张、空白票 ${u.blank} 张（不计入票数和满意率）` : ''
  pdf.fontSize(10).text(`评议票数 ${t.result.ballots}${t.expected ? `（应参评 ${t.expected}）` : ''}，有效 ${h.valid}${unusableText}；好评率 ${percent(h.good.percent)}；不满意率 ${percent(h.dissatisfied.percent)}；平均分 ${h.meanScore.value ?? '—'}；${ranks}`)
  for (const note of t.notices) pdf.fillColor('#b26a00').text(note)
  pdf.moveDown(0.5).fillColor('#000').fontSize(12).text('评价分布')
  const c = p.counters(t.targetId)
  distributionChart(pdf, legend, [{ label: legend.overallLabel, tally: c?.overall ?? {} }, ...legend.sections.flatMap((s) => s.items).map((i) => ({ label: i.label, tally: c?.items[i.id] ?? {} }))])
  categoryLines(pdf, p, t)

  room(pdf, 40)
  pdf.moveDown(0.3).fontSize(12).fillColor('#000').text('各项满意率', LEFT)
  for (const s of legend.sections) {
    for (const i of s.items) {
      const item = t.result.breakdown.items[i.id]
      pdf.fontSize(9).text(`${s.title} · ${i.label}：满意率 ${percent(item?.satisfaction.percent ?? null)}，有效 ${item?.valid ?? 0} 份`)
    }
  }
  room(pdf, 40)
  pdf.moveDown(0.5).fontSize(12).text('评议结论')
  if (t.result.verdicts.verdicts.length === 0) pdf.fontSize(10).text(t.result.verdicts.undetermined ? `${t.result.verdicts.undetermined}。` : '未触发处理规定。')
  for (const v of t.result.verdicts.verdicts) pdf.fontSize(10).fillColor('#c62828').text(v.explanation).fillColor('#000').text(v.standing?.words ?? '')
  room(pdf, 40)
  pdf.moveDown(0.5).fontSize(12).text('意见建议摘录')
  if (opinions.length === 0) pdf.fontSize(10).fillColor('#555').text('暂无可显示的意见建议。').fillColor('#000')
  for (const o of opinions) pdf.fontSize(9).text(printable(o))
}

/** The 落款: the host unit and the date, right-aligned under the last page's content. */
function imprint(pdf: PDFKit.PDFDocument, p: Printed): void {
  room(pdf, 70)
  pdf.moveDown(2).fontSize(11).fillColor('#000')
  pdf.text(p.issuer, LEFT, pdf.y, { width: WIDTH, align: 'right' })
  pdf.text(printedDate(p.printedAt), LEFT, pdf.y, { width: WIDTH, align: 'right' })
}

export async function renderPdf(p: Printed, opinions: ReadonlyMap<string, string[]>): Promise<Buffer> {
  const { results } = p
  const { pdf, done } = await a4Pdf({ title: `${results.round.title} 评议报告`, margin: 50 })
  roundHeading(pdf, p)
  if (results.targets.length === 0) pdf.fontSize(10).text('没有可显示的评议对象。')
  if (results.targets.length > 1) summaryTable(pdf, p)
  results.targets.forEach((t, i) => {
    if (i > 0 || results.targets.length > 1) pdf.addPage()
    targetPage(pdf, p, t, opinions.get(t.targetId) ?? [])
  })
  imprint(pdf, p)
  pdf.end()
  return done
}
