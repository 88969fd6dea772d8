/**
 * @module Reading the ledger: one item (its owner, supervisors, and organisers and leaders of the
 * owner unit's subtree), the owner's own items, and the ledger of the caller's subtree with counts.
 */
import type { LedgerItem, UnitLedgerCount } from '../../../src/api/ledger'
import type { RoleName } from '../../../src/api/organize'
import { domainError } from '../../../src/core'
import { database } from '../../common/cloudbase'
import { type Authority, forbidden, missing } from '../../common/roles'
import { RoundDoc } from '../../common/rounds'
import { isWithin } from '../../common/units'
import { READ, supervises } from '../access'
import { ItemDoc, items, loadItem, ownsItem } from './items'
import { photoFolder } from './photos'
import { type ItemContext, itemView, stateOf } from './views'

/** Who may open an item besides its owner; the supervisors are organisers above, so they are among them. */
const LEDGER_READERS: readonly RoleName[] = READ

export async function readableItem(auth: Authority, itemId: string, openid: string): Promise<ItemDoc> {
  const doc = await loadItem(itemId)
  if (!doc) missing(auth, LEDGER_READERS, domainError('RECTIFICATION_NOT_FOUND'))
  if (auth.covers(LEDGER_READERS, doc.ownerUnitId) || (await ownsItem(openid, doc))) return doc
  throw forbidden()
}

export async function canFor(auth: Authority, openid: string, doc: ItemDoc): Promise<LedgerItem['can']> {
  const state = stateOf(doc)
  const work = state !== 'verified' && state !== 'closure-requested' && (await ownsItem(openid, doc))
  return { work, supervise: state === 'closure-requested' && supervises(auth, doc.ownerUnitId), photoFolder: work ? photoFolder(openid) : null }
}

async function roundsOf(docs: readonly ItemDoc[]): Promise<ItemContext['rounds']> {
  const ids = [...new Set(docs.map((d) => d.roundId))]
  const rounds = new Map<string, { title: string; targets: { id: string; name: string }[] }>()
  for (const id of ids) {
    const { data } = await database().collection('rounds').doc(id).get()
    if (data[0]) rounds.set(id, RoundDoc.parse(data[0]).round)
  }
  return rounds
}

export async function viewFor(auth: Authority, doc: ItemDoc, can: LedgerItem['can'], now: Date): Promise<LedgerItem> {
  return itemView(doc, { units: auth.units, rounds: await roundsOf([doc]), now }, can)
}

export async function ledgerItem(auth: Authority, itemId: string, openid: string, now: Date): Promise<LedgerItem> {
  const doc = await readableItem(auth, itemId, openid)
  return viewFor(auth, doc, await canFor(auth, openid, doc), now)
}

export async function allItems(where: Record<string, unknown> = {}): Promise<ItemDoc[]> {
  const all: ItemDoc[] = []
  for (let offset = 0; ; offset += 1000) {
    const { data } = await items().where(where).skip(offset).limit(1000).get()
    all.push(...(data as unknown[]).map((d) => ItemDoc.parse(d)))
    if (data.length < 1000) return all
  }
}

/** 我的整改事项: the items registered to the caller's contact grants, nearest deadline first. */
export async function myItems(auth: Authority, openid: string, now: Date): Promise<{ items: LedgerItem[]; todo: number }> {
  const { data } = await database().collection('roles').where({ openid, role: 'contact' }).limit(100).get()
  const grants = (data as { _id: string }[]).map((g) => g._id)
  const mine = (await Promise.all(grants.map((ownerHolderId) => allItems({ ownerHolderId })))).flat()
  const ctx = { units: auth.units, rounds: await roundsOf(mine), now }
  const views = await Promise.all(mine.map(async (d) => itemView(d, ctx, await canFor(auth, openid, d))))
  return { items: views.sort((a, b) => a.deadline.localeCompare(b.deadline)), todo: views.filter((v) => v.unreminded).length }
}

export interface LedgerFilter {
  roundId?: string
  unitId?: string
  state?: LedgerItem['publicState']
  overdue?: boolean
  ownerUnitId?: string
}

/** The ledger of the caller's subtree: `unitId` narrows it to a unit's subtree; counts are per owner unit. */
export async function ledger(auth: Authority, filter: LedgerFilter, openid: string, now: Date) {
  if (!auth.roles.some((r) => LEDGER_READERS.includes(r.role))) throw forbidden()
  if (filter.unitId && !auth.covers(LEDGER_READERS, filter.unitId)) throw forbidden()
  const within = (await allItems(filter.roundId ? { roundId: filter.roundId } : {})).filter(
    (d) => auth.covers(LEDGER_READERS, d.ownerUnitId) && (!filter.unitId || isWithin(auth.units, d.ownerUnitId, filter.unitId)),
  )
  const ctx = { units: auth.units, rounds: await roundsOf(within), now }
  const all = await Promise.all(within.map(async (d) => itemView(d, ctx, await canFor(auth, openid, d))))
  const shown = all.filter((i) => (!filter.state || i.publicState === filter.state) && (filter.overdue === undefined || i.overdue === filter.overdue) && (!filter.ownerUnitId || i.ownerUnitId === filter.ownerUnitId))
  return {
    items: shown.sort((a, b) => a.registeredAt.localeCompare(b.registeredAt)),
    counts: countsByUnit(all),
    byChild: filter.unitId ? byChild(auth, filter.unitId, all) : [],
    units: [...new Map(all.map((i) => [i.ownerUnitId, { id: i.ownerUnitId, name: i.ownerUnitName }])).values()],
  }
}

/** The dashboard's roll-up: per child of `unitId`, the items owned anywhere in its subtree. */
function byChild(auth: Authority, unitId: string, views: readonly LedgerItem[]): UnitLedgerCount[] {
  return auth.units
    .filter((u) => u.parentId === unitId)
    .flatMap((child) => {
      const [count] = countsByUnit(views.filter((v) => isWithin(auth.units, v.ownerUnitId, child.id)))
      return count ? [{ ...count, unitId: child.id, unitName: child.name }] : []
    })
}

export function countsByUnit(views: readonly LedgerItem[]): UnitLedgerCount[] {
  const counts = new Map<string, UnitLedgerCount>()
  for (const v of views) {
    const c = counts.get(v.ownerUnitId) ?? { unitId: v.ownerUnitId, unitName: v.ownerUnitName, open: 0, overdue: 0, closed: 0 }
    if (v.publicState === '已销号') c.closed++
    else c.open++
    if (v.overdue) c.overdue++
    counts.set(v.ownerUnitId, c)
  }
  return [...counts.values()]
}
