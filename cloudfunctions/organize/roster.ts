/**
 * @module Rosters of named evaluators (seed 000: 报督导组审定): one single-use code per person, or
 * a shared code with a use limit; imported from CSV or xlsx, printed per unit as an xlsx sheet.
 * Offices re-import a corrected file: a person already on the roster keeps their code.
 */
import type { InvitationCode, ListedCode } from '../../src/api/organize'
import { categoryName, domainError, mobileNumber, ownEntry, phoneProblem, roundUnitIds } from '../../src/core'
import { audit } from '../common/audit'
import { database } from '../common/cloudbase'
import { newWorkbook } from '../common/excel'
import { issueCode, type RosterInvitation } from '../common/invitations'
import { keyedHash } from '../common/keyed'
import { storedUrl } from '../common/print'
import { refuse } from '../common/refuse'
import type { Authority } from '../common/roles'
import type { HandlerContext } from '../common/router'
import type { RoundDoc } from '../common/rounds'
import { assertRosterApproved, noteRosterChange } from './rosterReview'
import { liveCodes, rosterInvitations } from './rosterSizes'
import { managedRound } from './rounds'
import { ambiguousUnit, columnsOf, idOrName, readRows, unitReader } from './sheet'

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
  if (doc.round.sampling) return '本轮评议的参评人员由随机抽取产生（抽取后自动生成邀请码），不能直接添加'
  if (!Object.hasOwn(doc.unitNames, e.unitId)) return '单位不存在'
  if (e.phone !== undefined && !mobileNumber(e.phone)) return phoneProblem(e.phone)
  return null
}

// Only a keyed hash of the 11 digits (however written): enough to spot a duplicate person, useless to anyone who copies the table.
const phoneHashOf = (phone: string | undefined) => {
  const digits = phone && mobileNumber(phone)
  return digits ? keyedHash('phone', digits) : null
}

/**
 * Entries imported before phones were read as their 11 digits hashed every digit written, so
 * "+86 138…" was stored as the hash of 86138…: a re-import also looks a person up under the
 * prefixed forms, however the number is written now.
 */
const legacyPhoneHashesOf = (phone: string | undefined) => {
  const digits = phone && mobileNumber(phone)
  return digits ? [`86${digits}`, `0086${digits}`].map((d) => keyedHash('phone', d)) : []
}

/** Name, unit and phone (by its hash) together say who a roster entry is. */
const personKey = (name: string, unitId: string, phoneHash: string | null) => JSON.stringify([name, unitId, phoneHash])

export async function issueAll(doc: RoundDoc, entries: RosterEntry[], ctx: HandlerContext): Promise<InvitationCode[]> {
  const codes: InvitationCode[] = []
  for (const e of entries) {
    codes.push(await issueCode({
      kind: 'roster', roundId: doc._id, categoryId: e.categoryId, unitId: e.unitId, name: e.name,
      phoneHash: phoneHashOf(e.phone), maxUses: 1, usesLeft: 1, createdBy: ctx.caller.openid,
    }))
  }
  return codes
}

export async function addRoster(auth: Authority, roundId: string, entries: RosterEntry[], ctx: HandlerContext) {
  const doc = await managedRound(auth, roundId)
  const problem = entries.map((e) => { const p = checkEntry(doc, e); return p && `${e.name}：${p}` }).find(Boolean)
  if (problem) refuse(domainError('ROUND_INVALID', problem))
  const codes = await issueAll(doc, entries, ctx)
  await noteRosterChange(auth, doc, ctx)
  await audit(ctx.caller.openid, { action: 'addRoster', subject: doc._id, unitId: doc.ownerUnitId, after: { entries: entries.length } }, ctx.now)
  return { codes }
}

/**
 * A known person moved to another category keeps their code, only while the round is a draft: no
 * code can have been used yet. Once open, a move is refused for everyone alike, since refusing only
 * the used codes would tell the organiser who voted (the condition on uses covers a round opening
 * meanwhile). Someone truly in the wrong category: void their code and add them again.
 */
async function recategorise(doc: RoundDoc, code: RosterInvitation, categoryId: string): Promise<boolean> {
  if (doc.round.state !== 'draft') return false
  const { updated } = (await database().collection('invitations').where({ _id: code._id, usesLeft: code.maxUses }).update({ categoryId })) as { updated: number }
  return updated > 0
}

/**
 * How a file's 单位 column is read: a name is looked for among the round's own units (its targets'
 * and groups') first, then any unit the round knows, under the names the round shows; the tree
 * supplies the parents of a 上级/单位 path.
 */
function unitColumn(doc: RoundDoc, units: Authority['units']) {
  const inTree = new Set(units.map((u) => u.id))
  const known = Object.keys(doc.unitNames)
  const tree = [...units, ...known.filter((id) => !inTree.has(id)).map((id) => ({ id, name: '', parentId: null }))]
    .map((u) => ({ ...u, name: ownEntry(doc.unitNames, u.id) ?? u.name }))
  return unitReader(tree, [roundUnitIds(doc.round).filter((id) => Object.hasOwn(doc.unitNames, id)), known])
}

export async function importRoster(auth: Authority, roundId: string, fileName: string, base64: string, ctx: HandlerContext) {
  const doc = await managedRound(auth, roundId)
  const [header = [], ...rows] = await readRows(fileName, base64)
  const col = columnsOf(header, ['姓名', '单位', '类别', '手机'] as const)
  if (col.姓名 < 0 || col.单位 < 0 || col.类别 < 0) refuse(domainError('ROSTER_FILE_UNREADABLE', '表头须包含 姓名、单位、类别'))
  const categoryNames = Object.fromEntries(doc.round.categories.map((c) => [c.id, c.name]))
  const unitOf = unitColumn(doc, auth.units)
  const known = new Map((await rosterInvitations(roundId)).filter((i) => i.name !== null).map((i) => [personKey(i.name ?? '', i.unitId, i.phoneHash), i]))
  const knownAs = (e: RosterEntry) => [phoneHashOf(e.phone), ...legacyPhoneHashesOf(e.phone)].map((h) => known.get(personKey(e.name, e.unitId, h))).find(Boolean)
  const rowOf = new Map<string, number>()
  const fresh: RosterEntry[] = []
  const moves: { code: RosterInvitation; categoryId: string; row: number }[] = []
  const skipped: { row: number; reason: string }[] = []
  rows.forEach((r, i) => {
    const row = i + 2
    const unit = unitOf(r[col.单位] ?? '')
    const entry = { name: r[col.姓名], unitId: 'unitId' in unit ? unit.unitId : '', categoryId: idOrName(categoryNames, r[col.类别]) ?? r[col.类别], ...(col.手机 >= 0 && r[col.手机] ? { phone: r[col.手机] } : {}) }
    const key = personKey(entry.name, entry.unitId, phoneHashOf(entry.phone))
    const [first, code] = [rowOf.get(key), knownAs(entry)]
    const problem = !entry.name ? '姓名为空' : 'paths' in unit ? (unit.paths.length > 0 ? ambiguousUnit(unit.paths) : '单位不存在') : checkEntry(doc, entry)
    if (problem) skipped.push({ row, reason: problem })
    else if (first) skipped.push({ row, reason: `与第${first}行重复` })
    else if (code?.categoryId === entry.categoryId) skipped.push({ row, reason: '已在名单中' })
    else if (code) moves.push({ code, categoryId: entry.categoryId, row })
    else fresh.push(entry)
    if (!problem && !first) rowOf.set(key, row)
  })
  const updated: InvitationCode[] = []
  for (const m of moves) {
    if (await recategorise(doc, m.code, m.categoryId)) updated.push({ code: m.code._id, name: m.code.name, unitId: m.code.unitId, usesLeft: m.code.usesLeft })
    else skipped.push({ row: m.row, reason: '评议已开始，类别不再更改（可作废原邀请码后重新添加）' })
  }
  const codes = await issueAll(doc, fresh, ctx)
  if (codes.length + updated.length > 0) {
    await noteRosterChange(auth, doc, ctx)
    await audit(ctx.caller.openid, { action: 'importRoster', subject: doc._id, unitId: doc.ownerUnitId, after: { added: codes.length, updated: updated.length, skipped: skipped.length } }, ctx.now)
  }
  return { codes, updated, skipped: skipped.sort((a, b) => a.row - b.row) }
}

export async function sharedCode(auth: Authority, input: { roundId: string; categoryId: string; unitId: string; maxUses: number }, ctx: HandlerContext) {
  const doc = await managedRound(auth, input.roundId)
  const problem = checkEntry(doc, { name: '', ...input })
  if (problem) refuse(domainError('ROUND_INVALID', problem))
  const code = await issueCode({ kind: 'roster', roundId: doc._id, categoryId: input.categoryId, unitId: input.unitId, name: null, phoneHash: null, maxUses: input.maxUses, usesLeft: input.maxUses, createdBy: ctx.caller.openid })
  await noteRosterChange(auth, doc, ctx)
  await audit(ctx.caller.openid, { action: 'sharedCode', subject: doc._id, unitId: doc.ownerUnitId, after: { categoryId: input.categoryId, unitId: input.unitId, maxUses: input.maxUses } }, ctx.now)
  return code
}

/** A person's code shows no uses: whether it was used is theirs alone. A shared code is no one's, so its uses left are shown. */
const sharedUsesLeft = (i: RosterInvitation) => (i.name === null ? i.usesLeft : null)

export async function listCodes(auth: Authority, roundId: string): Promise<{ codes: ListedCode[] }> {
  const doc = await managedRound(auth, roundId)
  return { codes: (await liveCodes(doc)).map((i) => ({ code: i._id, name: i.name, unitId: i.unitId, categoryId: i.categoryId, usesLeft: sharedUsesLeft(i) })) }
}

export async function codeSheet(auth: Authority, roundId: string, unitId: string) {
  const doc = await managedRound(auth, roundId)
  await assertRosterApproved(doc)
  const workbook = await newWorkbook()
  const unitName = ownEntry(doc.unitNames, unitId) ?? unitId
  workbook.title = `${doc.round.title} · ${unitName} · 参评邀请码`
  const sheet = workbook.addWorksheet(unitName.slice(0, 31))
  sheet.columns = [
    { header: '姓名', key: 'name', width: 14 },
    { header: '类别', key: 'category', width: 18 },
    { header: '邀请码', key: 'code', width: 14 },
    { header: '共用码剩余次数', key: 'uses', width: 14 },
  ]
  for (const i of (await liveCodes(doc)).filter((i) => i.unitId === unitId)) {
    sheet.addRow({ name: i.name ?? '（共用码）', category: categoryName(doc.round, i.categoryId), code: i._id, uses: sharedUsesLeft(i) ?? '' })
  }
  const cloudPath = `code-sheets/${roundId}/${unitId}-${Date.now()}.xlsx`
  const { url } = await storedUrl(cloudPath, Buffer.from(await workbook.xlsx.writeBuffer()))
  return { url }
}
