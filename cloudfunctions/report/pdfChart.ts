/**
 * @module The PDF report's distribution chart, drawn with vector operations: one stacked bar per row,
 * each segment labelled with its count where it is wide enough, the row's total at its end.
 */
import type { Legend } from '../../src/api/report'
import type { LevelClass, LevelTally } from '../../src/core'

const CLASS_COLOURS: Record<LevelClass, string> = {
  'satisfied-full': '#2e7d32', 'satisfied-basic': '#81c784', neutral: '#bdbdbd', dissatisfied: '#d32f2f', abstain: '#eeeeee',
}
/** Counts on the dark segments are white, on the light ones near-black: both read at ≥ 4.5:1. */
const ON_COLOUR: Record<LevelClass, string> = {
  'satisfied-full': '#ffffff', 'satisfied-basic': '#1b1b1b', neutral: '#1b1b1b', dissatisfied: '#ffffff', abstain: '#1b1b1b',
}

export interface ChartRow { label: string; tally: LevelTally }

const LEFT = 50, LABEL = 150, WIDTH = 290, ROW = 15

function bar(pdf: PDFKit.PDFDocument, legend: Legend, row: ChartRow, y: number): void {
  const total = legend.levels.reduce((n, l) => n + (row.tally[l.id] ?? 0), 0)
  pdf.fontSize(8).fillColor('#333').text(row.label, LEFT, y + 3, { width: LABEL - 6, lineBreak: false, ellipsis: true })
  let x = LEFT + LABEL
  for (const level of legend.levels) {
    const count = row.tally[level.id] ?? 0
    const w = total > 0 ? (count / total) * WIDTH : 0
    if (w > 0) pdf.rect(x, y, w, ROW - 3).fill(CLASS_COLOURS[level.class])
    if (count > 0 && w >= 6 + 5 * String(count).length) {
      pdf.fontSize(7).fillColor(ON_COLOUR[level.class]).text(String(count), x, y + 2, { width: w, align: 'center', lineBreak: false })
    }
    x += w
  }
  if (total === 0) pdf.rect(LEFT + LABEL, y, WIDTH, ROW - 3).lineWidth(0.5).stroke('#bbb')
  pdf.fontSize(8).fillColor('#333').text(`${total} 份`, LEFT + LABEL + WIDTH + 6, y + 2, { lineBreak: false })
}

/** The rows, then the scale's legend; leaves the cursor under it at the left margin. */
export function distributionChart(pdf: PDFKit.PDFDocument, legend: Legend, rows: readonly ChartRow[]): void {
  let y = pdf.y + 4
  for (const row of rows) {
    if (y + ROW > pdf.page.height - pdf.page.margins.bottom - 20) {
      pdf.addPage()
      y = pdf.y
    }
    bar(pdf, legend, row, y)
    y += ROW
  }
  let x = LEFT + LABEL
  for (const level of legend.levels) {
    pdf.rect(x, y + 2, 8, 8).fill(CLASS_COLOURS[level.class])
    pdf.fontSize(8).fillColor('#333').text(level.label, x + 11, y + 2, { lineBreak: false })
    x += 64
  }
  pdf.x = LEFT
  pdf.y = y + 18
}
