/**
 * @module The per-unit PDF report. Chinese is real text in an embedded font that pdfkit subsets to
 * the glyphs used, so search, copy and print work; the distribution chart is drawn with vector ops.
 */
import type { RoundResults, TargetView } from '../../src/api/report'
import type { LevelClass } from '../../src/core'
import { a4Pdf } from '../common/print'

const CLASS_COLOURS: Record<LevelClass, string> = {
  'satisfied-full': '#2e7d32', 'satisfied-basic': '#81c784', neutral: '#bdbdbd', dissatisfied: '#d32f2f', abstain: '#eeeeee',
}

const percent = (p: number | null) => (p === null ? '—' : `${p}%`)

/** One stacked bar per row (overall, then each item): level counts as shares of the row's answers. */
function distributionChart(pdf: PDFKit.PDFDocument, results: RoundResults, counts: { label: string; tally: Record<string, number> }[]) {
  const left = 50, labelWidth = 150, width = 320, rowHeight = 14
  let y = pdf.y + 4
  for (const row of counts) {
    const total = results.legend.levels.reduce((n, l) => n + (row.tally[l.id] ?? 0), 0)
    pdf.fontSize(8).fillColor('#333').text(row.label, left, y + 3, { width: labelWidth - 6, lineBreak: false, ellipsis: true })
    let x = left + labelWidth
    for (const level of results.legend.levels) {
      const w = total > 0 ? ((row.tally[level.id] ?? 0) / total) * width : 0
      if (w > 0) pdf.rect(x, y, w, rowHeight - 3).fill(CLASS_COLOURS[level.class])
      x += w
    }
    if (total === 0) pdf.rect(left + labelWidth, y, width, rowHeight - 3).lineWidth(0.5).stroke('#bbb')
    y += rowHeight
  }
  let x = left + labelWidth
  for (const level of results.legend.levels) {
    pdf.rect(x, y + 2, 8, 8).fill(CLASS_COLOURS[level.class])
    pdf.fontSize(8).fillColor('#333').text(level.label, x + 11, y + 2, { lineBreak: false })
    x += 64
  }
  pdf.x = left
  pdf.y = y + 18
}

function targetPage(pdf: PDFKit.PDFDocument, results: RoundResults, t: TargetView, counters: (id: string) => { overall: Record<string, number>; items: Record<string, Record<string, number>> } | undefined, opinions: string[]) {
  const h = t.result.headline
  pdf.fontSize(16).fillColor('#000').text(`${t.name}`, { continued: false })
  pdf.fontSize(10).fillColor('#555').text(`${results.round.title} · ${t.unitName} · ${results.round.stateLabel} · ${t.result.status === 'final' ? '最终结果' : '暂定结果'}`)
  pdf.moveDown(0.5)
  const interval = h.satisfaction.interval ? `（95% 区间 ${(h.satisfaction.interval.low * 100).toFixed(1)}%–${(h.satisfaction.interval.high * 100).toFixed(1)}%）` : ''
  pdf.fontSize(12).fillColor('#000').text(`满意率 ${percent(h.satisfaction.percent)}${interval}`)
  pdf.fontSize(10).text(`评议票数 ${t.result.ballots}${t.expected ? `（应参评 ${t.expected}）` : ''}，有效 ${h.valid}；好评率 ${percent(h.good.percent)}；不满意率 ${percent(h.dissatisfied.percent)}；平均分 ${h.meanScore.value ?? '—'}；本轮排名 ${t.rankInRound ?? '—'}`)
  for (const note of t.notices) pdf.fillColor('#b26a00').text(note)
  pdf.moveDown(0.5).fillColor('#000').fontSize(12).text('评价分布')
  const c = counters(t.targetId)
  const rows = [{ label: results.legend.overallLabel, tally: c?.overall ?? {} }, ...results.legend.sections.flatMap((s) => s.items).map((i) => ({ label: i.label, tally: c?.items[i.id] ?? {} }))]
  distributionChart(pdf, results, rows)

  pdf.fontSize(12).fillColor('#000').text('各项满意率')
  for (const s of results.legend.sections) {
    for (const i of s.items) {
      const item = t.result.breakdown.items[i.id]
      pdf.fontSize(9).text(`${s.title} · ${i.label}：满意率 ${percent(item?.satisfaction.percent ?? null)}，有效 ${item?.valid ?? 0} 份`)
    }
  }
  pdf.moveDown(0.5).fontSize(12).text('评议结论')
  if (t.result.verdicts.verdicts.length === 0) pdf.fontSize(10).text(t.result.verdicts.undetermined ? `${t.result.verdicts.undetermined}。` : '未触发处理规定。')
  for (const v of t.result.verdicts.verdicts) pdf.fontSize(10).fillColor('#c62828').text(v.explanation).fillColor('#000')
  pdf.moveDown(0.5).fontSize(12).text('意见建议摘录')
  if (opinions.length === 0) pdf.fontSize(10).fillColor('#555').text('暂无可显示的意见建议。').fillColor('#000')
  for (const o of opinions) pdf.fontSize(9).text(o)
}

export async function renderPdf(results: RoundResults, opinions: Map<string, string[]>, counters: (id: string) => { overall: Record<string, number>; items: Record<string, Record<string, number>> } | undefined): Promise<Buffer> {
  const { pdf, done } = a4Pdf({ title: `${results.round.title} 评议报告`, margin: 50 })
  results.targets.forEach((t, i) => {
    if (i > 0) pdf.addPage()
    targetPage(pdf, results, t, counters, opinions.get(t.targetId) ?? [])
  })
  if (results.targets.length === 0) pdf.text('没有可显示的评议对象。')
  pdf.end()
  return done
}
