/** Exported files read back as a person reads them: an xlsx sheet as rows of values, its tables by header, a PDF's text. */
import type ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'

export type Row = (string | number | null)[]

/** A sheet as rows of plain values, 1-based columns moved to 0-based; an empty cell reads null. */
export function rowsOf(sheet: ExcelJS.Worksheet): Row[] {
  const rows: Row[] = []
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    rows.push(Array.from({ length: sheet.columnCount }, (_, c) => (row.getCell(c + 1).value as string | number | null) ?? null))
  }
  return rows
}

/** The rows of the table whose header row starts with `header`, up to the blank row that ends it. */
export function tableOf(rows: Row[], header: string): { head: Row; body: Row[] } {
  const at = rows.findIndex((r) => r[0] === header)
  if (at < 0) throw new Error(`no table headed ${header}`)
  const end = rows.findIndex((r, i) => i > at && r.every((v) => v === null))
  return { head: rows[at]!, body: rows.slice(at + 1, end < 0 ? undefined : end) }
}

export const column = (head: Row, name: string) => {
  const i = head.indexOf(name)
  if (i < 0) throw new Error(`no column ${name} in ${head.join('|')}`)
  return i
}

/** A PDF's text in its layout, of the pages given (all when none). */
export const pdfText = (pdf: string, ...pages: number[]) =>
  execFileSync('pdftotext', ['-layout', ...(pages.length ? ['-f', String(pages[0]), '-l', String(pages.at(-1))] : []), pdf, '-'], { encoding: 'utf8' })
