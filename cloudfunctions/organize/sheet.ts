/**
 * @module Spreadsheets as offices send them: xlsx, or CSV saved by Excel, which in China writes
 * GBK (GB18030) unless told otherwise; UTF-8 with or without a BOM is read too.
 */
import { Readable } from 'node:stream'
import { domainError, type OrgUnit } from '../../src/core'
import { newWorkbook } from '../common/excel'
import { refuse } from '../common/refuse'

/** UTF-8 when the bytes are valid UTF-8 (GBK text almost never is), GB18030 otherwise. */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    text = new TextDecoder('gb18030').decode(bytes)
  }
  return text.replace(/^\uFEFF/, '')
}

/** Every row's cells as trimmed text, the header first. */
export async function readRows(fileName: string, base64: string): Promise<string[][]> {
  const workbook = await newWorkbook()
  const content = Buffer.from(base64, 'base64')
  try {
    const sheet = fileName.toLowerCase().endsWith('.csv')
      ? await workbook.csv.read(Readable.from(decodeCsv(content)))
      : (await workbook.xlsx.load(content as unknown as ArrayBuffer), workbook.worksheets[0])
    const rows: string[][] = []
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '').trim())))
    return rows
  } catch {
    return refuse(domainError('ROSTER_FILE_UNREADABLE'))
  }
}

/** A row's column index per header title (−1 when absent). */
export function columnsOf<T extends string>(header: readonly string[], titles: readonly T[]): Record<T, number> {
  return Object.fromEntries(titles.map((t) => [t, header.indexOf(t)])) as Record<T, number>
}

/**
 * A cell naming a unit or category by id or by display name, as its id; undefined when nothing
 * or more than one thing answers to it (own keys only: a cell saying "toString" is no unit).
 */
export function idOrName(names: Record<string, string>, value: string): string | undefined {
  if (Object.hasOwn(names, value)) return value
  const matches = Object.keys(names).filter((id) => names[id] === value)
  return matches.length === 1 ? matches[0] : undefined
}

type TreeUnit = Pick<OrgUnit, 'id' | 'name' | 'parentId'>

/**
 * Reads cells naming a unit by id, by name, or by names from a parent down ("东社区/第一网格").
 * Names are unique only among siblings, so a bare name is looked for in `tiers` in turn (the
 * round's own units before every unit it may name) and the first tier with a match answers: one
 * unit, or the paths that would tell its several apart (none: no such unit).
 */
export function unitReader(tree: readonly TreeUnit[], tiers: readonly (readonly string[])[]) {
  const byId = new Map(tree.map((u) => [u.id, u]))
  const named = (id: string | null | undefined, names: string[]): boolean =>
    names.length === 0 || (!!id && byId.get(id)?.name === names.at(-1) && named(byId.get(id)?.parentId, names.slice(0, -1)))
  const pathOf = (id: string) => [byId.get(byId.get(id)?.parentId ?? '')?.name, byId.get(id)?.name].filter(Boolean).join('/')
  return (cell: string): { unitId: string } | { paths: string[] } => {
    if (tiers.some((ids) => ids.includes(cell))) return { unitId: cell }
    const path = cell.split(/[/／]/).map((p) => p.trim())
    for (const ids of tiers) {
      const matches = ids.filter((id) => named(id, [cell]) || named(id, path))
      if (matches.length === 1) return { unitId: matches[0] as string }
      if (matches.length > 1) return { paths: matches.map(pathOf) }
    }
    return { paths: [] }
  }
}

/** Why a cell naming several units is refused, with what to write instead. */
export const ambiguousUnit = (paths: string[]) => `单位名称不唯一，请写明上级单位，如${paths.map((p) => `“${p}”`).join('或')}`
