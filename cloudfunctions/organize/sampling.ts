/**
 * @module 随机抽取 (seed 002): an organiser draws n people from the list a unit provides, per unit and
 * category. The draw's seed is committed before the list is imported — its SHA-256 shown first — and
 * revealed after, so anyone holding the list can re-run the draw and get the same people:
 *   the list's non-empty 姓名 in file order, numbered from 1; key(i) = SHA-256 hex of `${seed}:${i}:${name}`
 *   (UTF-8); the n smallest keys are drawn. Only the drawn get codes.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { SampleView } from '../../src/api/organize'
import { acceptsAction, domainError, minimumFor, ownEntry, sampleSize } from '../../src/core'
import { audit } from '../common/audit'
import { database } from '../common/cloudbase'
import { orRefuse, refuse } from '../common/refuse'
import type { Authority } from '../common/roles'
import type { Unit } from '../common/units'
import type { HandlerContext } from '../common/router'
import type { RoundDoc } from '../common/rounds'
import { isDuplicate } from '../common/transaction'
import { issueAll } from './roster'
import { noteRosterChange } from './rosterReview'
import { managedRound } from './rounds'
import { columnsOf, readRows } from './sheet'

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

interface SampleDoc {
  _id: string
  roundId: string
  unitId: string
  categoryId: string
  /** Secret until the draw: whoever knew it before the list was in could shape the list to it. */
  seed: string
  commitment: string
  draw: { candidates: number; listHash: string; drawnRows: number[] } | null
}

const kindOf = (units: readonly Unit[], unitId: string) => units.find((u) => u.id === unitId)?.kind ?? 'unit'
const samples = () => database().collection('samples')
const sampleId = (roundId: string, unitId: string, categoryId: string) => sha256(JSON.stringify([roundId, unitId, categoryId]))

/** The rows drawn (numbered from 1, in list order) for a seed: the documented algorithm. */
function draw(seed: string, names: readonly string[], n: number): number[] {
  const keyed = names.map((name, i) => ({ row: i + 1, key: sha256(`${seed}:${i + 1}:${name}`) }))
  return keyed.sort((a, b) => (a.key < b.key ? -1 : 1)).slice(0, n).map((k) => k.row).sort((a, b) => a - b)
}

/** A draft round whose procedure samples, and a roster category and unit of it. */
async function sampledPlace(auth: Authority, input: { roundId: string; unitId: string; categoryId: string }) {
  const doc = await managedRound(auth, input.roundId)
  const sampling = doc.round.sampling ?? refuse(domainError('SAMPLE_NOT_TAKEN'))
  if (!acceptsAction(doc.round.state, 'edit')) refuse(domainError('EDIT_LOCKED'))
  if (doc.round.categories.find((c) => c.id === input.categoryId)?.access !== 'roster') refuse(domainError('CATEGORY_UNKNOWN'))
  if (!Object.hasOwn(doc.unitNames, input.unitId)) refuse(domainError('UNIT_NOT_IN_ROUND'))
  return { doc, minimum: minimumFor(sampling, kindOf(auth.units, input.unitId)) }
}

export async function commitSample(auth: Authority, input: { roundId: string; unitId: string; categoryId: string }, { caller, now }: HandlerContext) {
  const { doc } = await sampledPlace(auth, input)
  const seed = randomBytes(32).toString('hex')
  const commitment = sha256(seed)
  try {
    await samples().add({ _id: sampleId(doc._id, input.unitId, input.categoryId), ...input, seed, commitment, draw: null })
  } catch (e) {
    if (isDuplicate(e)) refuse(domainError('SAMPLE_COMMITTED'))
    throw e
  }
  await audit(caller.openid, { action: 'commitSample', subject: doc._id, unitId: doc.ownerUnitId, after: { unitId: input.unitId, categoryId: input.categoryId, commitment } }, now)
  return { commitment }
}

export async function drawSample(auth: Authority, input: { roundId: string; unitId: string; categoryId: string; size: number; fileName: string; base64: string }, ctx: HandlerContext) {
  const { doc, minimum } = await sampledPlace(auth, input)
  const id = sampleId(doc._id, input.unitId, input.categoryId)
  const { data } = await samples().doc(id).get()
  const sample = (data[0] as SampleDoc | undefined) ?? refuse(domainError('SAMPLE_NOT_COMMITTED'))
  if (sample.draw) refuse(domainError('SAMPLE_DRAWN'))
  const [header = [], ...rows] = await readRows(input.fileName, input.base64)
  const col = columnsOf(header, ['姓名', '手机'] as const)
  if (col.姓名 < 0) refuse(domainError('ROSTER_FILE_UNREADABLE', '表头须包含 姓名'))
  const people = rows.map((r) => ({ name: r[col.姓名] ?? '', phone: col.手机 >= 0 ? r[col.手机] : undefined })).filter((p) => p.name)
  const names = people.map((p) => p.name)
  const n = orRefuse(sampleSize(people.length, input.size, minimum))
  const result = { candidates: people.length, listHash: sha256(names.join('\n')), drawnRows: draw(sample.seed, names, n) }
  // One draw per place: two at once, only one is written and issues codes.
  const { updated } = (await samples().where({ _id: id, draw: null }).update({ draw: result })) as { updated: number }
  if (!updated) refuse(domainError('SAMPLE_DRAWN'))
  const drawn = result.drawnRows.map((row) => people[row - 1])
  const codes = await issueAll(doc, drawn.map((p) => ({ name: p.name, unitId: input.unitId, categoryId: input.categoryId, ...(p.phone ? { phone: p.phone } : {}) })), ctx)
  await noteRosterChange(auth, doc, ctx)
  await audit(ctx.caller.openid, { action: 'drawSample', subject: doc._id, unitId: doc.ownerUnitId, after: { unitId: input.unitId, categoryId: input.categoryId, ...result, seed: sample.seed } }, ctx.now)
  return { ...viewOf({ ...sample, draw: result }, doc, minimum), codes }
}

function viewOf(s: SampleDoc, doc: RoundDoc, minimum: number): SampleView {
  return {
    unitId: s.unitId,
    unitName: ownEntry(doc.unitNames, s.unitId) ?? s.unitId,
    categoryId: s.categoryId,
    minimum,
    commitment: s.commitment,
    // Revealed only once the list is in and drawn from.
    seed: s.draw ? s.seed : null,
    draw: s.draw,
  }
}

export async function listSamples(auth: Authority, roundId: string): Promise<{ samples: SampleView[] }> {
  const doc = await managedRound(auth, roundId)
  const sampling = doc.round.sampling ?? refuse(domainError('SAMPLE_NOT_TAKEN'))
  const { data } = await samples().where({ roundId }).limit(1000).get()
  return { samples: (data as SampleDoc[]).map((s) => viewOf(s, doc, minimumFor(sampling, kindOf(auth.units, s.unitId)))) }
}
