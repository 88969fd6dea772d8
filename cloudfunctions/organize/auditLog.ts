/**
 * @module Reading the audit log: admins read everything, organisers the entries of their subtree;
 * newest first, each entry also as a Chinese sentence; filtered by round, unit (and below), person
 * and action; exported as an xlsx sheet through a temporary URL, as the code sheets are.
 */
import { randomBytes } from 'node:crypto'
import type { AuditEntry, AuditFilter } from '../../src/api/organize'
import { cloudbase, database } from '../common/cloudbase'
import { newWorkbook } from '../common/excel'
import { type Authority, authorize, forbidden, unitNameOf } from '../common/roles'
import { isWithin } from '../common/units'
import { MANAGE } from './access'
import { auditSentence, type StoredEntry } from './auditSentence'

/** The log a street keeps for a term; past this, the newest entries. */
const LIMIT = 5000

async function storedEntries(): Promise<StoredEntry[]> {
  const all: StoredEntry[] = []
  for (let offset = 0; offset < LIMIT; offset += 1000) {
    const { data } = await database().collection('audit').orderBy('at', 'desc').skip(offset).limit(1000).get()
    all.push(...(data as StoredEntry[]))
    if (data.length < 1000) break
  }
  return all
}

async function roundTitles(ids: string[]): Promise<Map<string, string>> {
  const _ = database().command
  const titles = new Map<string, string>()
  for (let i = 0; i < ids.length; i += 100) {
    const { data } = await database().collection('rounds').where({ _id: _.in(ids.slice(i, i + 100)) }).field({ 'round.title': true }).limit(100).get()
    for (const d of data as { _id: string; round: { title: string } }[]) titles.set(d._id, d.round.title)
  }
  return titles
}

export async function auditLog(auth: Authority, filter: AuditFilter): Promise<{ entries: AuditEntry[]; actors: string[] }> {
  if (filter.unitId) authorize(auth, MANAGE, filter.unitId)
  if (!auth.roles.some((r) => MANAGE.includes(r.role))) throw forbidden()
  const visible = (await storedEntries()).filter((e) => auth.covers(MANAGE, e.unitId))
  const aboutRound = (subject: string) => !filter.roundId || subject === filter.roundId || subject.startsWith(`${filter.roundId}/`)
  const inUnit = (unitId: string | null) => !filter.unitId || (unitId !== null && isWithin(auth.units, unitId, filter.unitId))
  const chosen = visible.filter((e) => aboutRound(e.subject) && inUnit(e.unitId) && (!filter.actorName || e.actorName === filter.actorName) && (!filter.action || e.action === filter.action))
  const titles = await roundTitles([...new Set(chosen.map((e) => e.subject.split('/')[0]))])
  const names = { unit: (id: string | null | undefined) => unitNameOf(auth.units, id ?? null), round: (id: string) => titles.get(id) ?? id }
  return {
    entries: chosen.map((e) => ({
      at: new Date(e.at).toISOString(), actorName: e.actorName, action: e.action, subject: e.subject,
      unitName: names.unit(e.unitId), roundTitle: titles.get(e.subject.split('/')[0]) ?? null, sentence: auditSentence(e, names), before: e.before, after: e.after,
    })),
    actors: [...new Set(visible.map((e) => e.actorName))].sort((a, b) => a.localeCompare(b, 'zh')),
  }
}

export async function auditSheet(auth: Authority, filter: AuditFilter): Promise<{ url: string }> {
  const { entries } = await auditLog(auth, filter)
  const workbook = await newWorkbook()
  workbook.title = '操作记录'
  const sheet = workbook.addWorksheet('操作记录')
  sheet.columns = [
    { header: '时间', key: 'at', width: 18 },
    { header: '操作人', key: 'actor', width: 12 },
    { header: '单位', key: 'unit', width: 18 },
    { header: '评议', key: 'round', width: 30 },
    { header: '记录', key: 'sentence', width: 80 },
  ]
  for (const e of entries) sheet.addRow({ at: e.sentence.slice(0, 16), actor: e.actorName, unit: e.unitName, round: e.roundTitle ?? '', sentence: e.sentence })
  const cloudPath = `audit-sheets/${Date.now()}-${randomBytes(6).toString('hex')}.xlsx`
  const { fileID } = await cloudbase().uploadFile({ cloudPath, fileContent: Buffer.from(await workbook.xlsx.writeBuffer()) })
  const { fileList } = await cloudbase().getTempFileURL({ fileList: [fileID] })
  return { url: (fileList[0] as { tempFileURL: string }).tempFileURL }
}
