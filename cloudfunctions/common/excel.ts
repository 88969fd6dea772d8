/**
 * @module exceljs, loaded when a sheet is first read or written: it is the heaviest module the
 * functions use (about half a second to load, more than the SDK), and most invocations — a ballot,
 * a results page — never touch a sheet, so a cold start should not wait for it.
 */
import type ExcelJS from 'exceljs'

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs')
  return new excel.Workbook()
}
