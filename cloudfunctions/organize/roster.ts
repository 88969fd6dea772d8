/**
 * @module Rosters of named evaluators (seed 000: 报督导组审定): one single-use code per person, or
 * a shared code with a use limit; imported from CSV or xlsx, printed per unit as an xlsx sheet.
 */
import ExcelJS from 'exceljs'
import { Readable } from 'node:stream'
import type { InvitationCode } from '../../src/api/organize'
import { domainError, ownEntry } from '../../src/core'
import { audit } from '../common/audit'
import { issueCode } from '../common/invitations'
import { keyedHash } from '../common/keyed'
import { storedUrl } from '../common/print'
import { refuse } from '../common/refuse'
import type { Authority } from '../common/roles'
import type { HandlerContext } from '../common/router'
import type { RoundDoc } from '../common/rounds'
import { rosterInvitations } from './rosterSizes'
import { managedRound } from './rounds'

export interface RosterEntry {
  name: string
  unitId: string
  categoryId: string
  phone?: string
}

function checkEntry(doc: RoundDoc, e: RosterEntry): string | null {
  const category = doc.round.categories.find((c) => c.id === e.categoryId)
  if (!category) return '类别不存在'
  if (category.access !== 'roster') return '该类别无需名单，居民可直接参评'
  if (ownEntry(doc.unitNames, e.unitId) === undefined) return '单位不存在'
  return null
}

async function issueAll(doc: RoundDoc, entries: RosterEntry[], ctx: HandlerContext): Promise<InvitationCode[]> {
  const codes: InvitationCode[] = []
  for (const e of entries) {
    codes.push(await issueCode({
      kind: 'roster', roundId: doc._id, categoryId: e.categoryId, unitId: e.unitId, name: e.name,
      // Only a keyed hash: enough to spot a duplicate person, useless to anyone who copies the table.
      phoneHash: e.phone ? keyedHash('phone', e.phone.replace(/\D/g, '')) : null,
      maxUses: 1, usesLeft: 1, createdBy: ctx.caller.openid,
    }))
  }
  await audit(ctx.caller.openid, { action: 'addRoster', subject: doc._id, unitId: doc.ownerUnitId, after: { entries: entries.length } }, ctx.now)
  return codes
}

export async function addRoster(auth: Authority, roundId: string, entries: RosterEntry[], ctx: HandlerContext) {
  const doc = await managedRound(auth, roundId)
  const problem = entries.map((e) => checkEntry(doc, e)).find(Boolean)
  if (problem) refuse(domainError('ROUND_INVALID', problem))
  return { codes: await issueAll(doc, entries, ctx) }
}

/** Columns by their Chinese headers; a unit or category may be given by id or by name. */
async function readRows(fileName: string, base64: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  const content = Buffer.from(base64, 'base64')
  try {
    const sheet = fileName.toLowerCase().endsWith('.csv')
      ? await workbook.csv.read(Readable.from(content.toString('utf8').replace(/^\uFEFF/, '')))
      : (await workbook.xlsx.load(content as unknown as ArrayBuffer), workbook.worksheets[0])
    const rows: string[][] = []
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '').trim())))
    return rows
  } catch {
    return refuse(domainError('ROSTER_FILE_UNREADABLE'))
  }
}

export async function importRoster(auth: Authority, roundId: string, fileName: string, base64: string, ctx: HandlerContext) {
  const doc = await managedRound(auth, roundId)
  const [header = [], ...rows] = await readRows(fileName, base64)
  const col = (title: string) => header.indexOf(title)
  const [name, unit, category, phone] = [col('姓名'), col('单位'), col('类别'), col('手机')]
  if (name < 0 || unit < 0 || category < 0) refuse(domainError('ROSTER_FILE_UNREADABLE', '表头须包含 姓名、单位、类别'))
  const byName = (names: Record<string, string>, value: string) => (ownEntry(names, value) !== undefined ? value : Object.entries(names).find(([, n]) => n === value)?.[0] ?? value)
  const categoryNames = Object.fromEntries(doc.round.categories.map((c) => [c.id, c.name]))
  const entries: RosterEntry[] = []
  const skipped: { row: number; reason: string }[] = []
  rows.forEach((r, i) => {
    const entry = { name: r[name], unitId: byName(doc.unitNames, r[unit]), categoryId: byName(categoryNames, r[category]), ...(phone >= 0 && r[phone] ? { phone: r[phone] } : {}) }
    const problem = entry.name ? checkEntry(doc, entry) : '姓名为空'
    if (problem) skipped.push({ row: i + 2, reason: problem })
    else entries.push(entry)
  })
  return { codes: await issueAll(doc, entries, ctx), skipped }
}

export async function sharedCode(auth: Authority, input: { roundId: string; categoryId: string; unitId: string; maxUses: number }, ctx: HandlerContext) {
  const doc = await managedRound(auth, input.roundId)
  const problem = checkEntry(doc, { name: '', ...input })
  if (problem) refuse(domainError('ROUND_INVALID', problem))
  const code = await issueCode({ kind: 'roster', roundId: doc._id, categoryId: input.categoryId, unitId: input.unitId, name: null, phoneHash: null, maxUses: input.maxUses, usesLeft: input.maxUses, createdBy: ctx.caller.openid })
  await audit(ctx.caller.openid, { action: 'sharedCode', subject: doc._id, unitId: doc.ownerUnitId, after: { ...input, code: code.code } }, ctx.now)
  return code
}

export async function listCodes(auth: Authority, roundId: string) {
  await managedRound(auth, roundId)
  const codes = (await rosterInvitations(roundId)).map((i) => ({ code: i._id, name: i.name, unitId: i.unitId, usesLeft: i.usesLeft, categoryId: i.categoryId }))
  return { codes }
}

export async function codeSheet(auth: Authority, roundId: string, unitId: string) {
  const doc = await managedRound(auth, roundId)
  const workbook = new ExcelJS.Workbook()
  const unitName = ownEntry(doc.unitNames, unitId) ?? unitId
  workbook.title = `${doc.round.title} · ${unitName} · 参评邀请码`
  const sheet = workbook.addWorksheet(unitName.slice(0, 31))
  sheet.columns = [
    { header: '姓名', key: 'name', width: 14 },
    { header: '类别', key: 'category', width: 18 },
    { header: '邀请码', key: 'code', width: 14 },
    { header: '可用次数', key: 'uses', width: 10 },
  ]
  for (const i of (await rosterInvitations(roundId)).filter((i) => i.unitId === unitId)) {
    sheet.addRow({ name: i.name ?? '（共用码）', category: doc.round.categories.find((c) => c.id === i.categoryId)?.name ?? i.categoryId, code: i._id, uses: i.usesLeft })
  }
  const cloudPath = `code-sheets/${roundId}/${unitId}-${Date.now()}.xlsx`
  const { url } = await storedUrl(cloudPath, Buffer.from(await workbook.xlsx.writeBuffer()))
  return { url }
}
