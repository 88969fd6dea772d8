/** @module An item as a reader sees it: names instead of ids, actors by role and unit, photos as temporary links. */
import type { LedgerEvent, LedgerItem } from '../../../src/api/ledger'
import { closing, daysLeft, isOverdue, publicState, rectificationState, type RectificationEvent, type RectificationState } from '../../../src/core'
import { cloudbase } from '../../common/cloudbase'
import { unitNameOf } from '../../common/roles'
import type { Unit } from '../../common/units'
import { itemOf, type ItemDoc } from './items'

/** Owners and supervisors appear by unit and role only: a resident never sees who they are. */
function byRole(event: RectificationEvent, doc: ItemDoc, units: readonly Unit[]): string {
  if (event.actor.role === 'owner') return `${unitNameOf(units, doc.ownerUnitId)} 单位联系人`
  const above = units.find((u) => u.id === doc.ownerUnitId)?.parentId
  return above ? `${unitNameOf(units, above)} 组织员（上级审核）` : '上级审核'
}

export async function photoLinks(fileIds: readonly string[]): Promise<Map<string, string>> {
  if (fileIds.length === 0) return new Map()
  const { fileList } = await cloudbase().getTempFileURL({ fileList: [...fileIds] })
  return new Map((fileList as { fileID: string; tempFileURL: string }[]).map((f) => [f.fileID, f.tempFileURL]))
}

export interface ItemContext {
  units: readonly Unit[]
  rounds: ReadonlyMap<string, { title: string; targets: readonly { id: string; name: string }[] }>
  now: Date
}

export const stateOf = (doc: ItemDoc): RectificationState => {
  const state = rectificationState(itemOf(doc))
  // A stored history is only ever appended through the core; one that does not replay was edited by hand.
  if (!state.ok) throw new Error(`rectification ${doc._id}: ${state.error.code}`)
  return state.value
}

/** `events`: which of them to show (residents see only the closing note, once verified). */
export async function itemView(doc: ItemDoc, ctx: ItemContext, can: LedgerItem['can'], events: 'all' | 'public' = 'all'): Promise<LedgerItem> {
  const item = itemOf(doc)
  const round = ctx.rounds.get(doc.roundId)
  const closed = closing(item)
  const state = stateOf(doc)
  const shown = events === 'all' ? doc.events : []
  const links = await photoLinks([...shown.flatMap((e) => e.photos ?? []), ...(events === 'public' ? (closed?.photos ?? []) : [])])
  const view = (e: RectificationEvent): LedgerEvent => ({ type: e.type, by: byRole(e, doc, ctx.units), at: e.at, note: e.note ?? null, photos: (e.photos ?? []).map((p) => links.get(p) ?? '').filter(Boolean) })
  const publicClosing: LedgerEvent[] = events === 'public' && closed
    ? [{ type: 'verify', by: byRole(doc.events[doc.events.length - 1], doc, ctx.units), at: closed.verifiedAt, note: closed.note, photos: closed.photos.map((p) => links.get(p) ?? '').filter(Boolean) }]
    : []
  return {
    id: doc._id,
    roundId: doc.roundId,
    roundTitle: round?.title ?? doc.roundId,
    targetId: doc.targetId,
    targetName: round?.targets.find((t) => t.id === doc.targetId)?.name ?? doc.targetId,
    source: doc.source.kind === 'verdict' ? '评议结果' : '群众意见',
    problem: doc.problem,
    responsibility: doc.responsibility,
    ownerUnitId: doc.ownerUnitId,
    ownerUnitName: String(unitNameOf(ctx.units, doc.ownerUnitId)),
    ownerName: events === 'all' ? doc.ownerName : '单位联系人',
    deadline: doc.deadline,
    urgent: doc.urgent,
    state,
    publicState: publicState(item, ctx.now),
    overdue: isOverdue(item, ctx.now),
    daysLeft: daysLeft(doc.deadline, ctx.now),
    registeredAt: doc.registeredAt,
    verifiedAt: closed?.verifiedAt ?? null,
    unreminded: events === 'all' && state !== 'verified' && Object.values(doc.reminders ?? {}).some((r) => r.unsent.length > 0),
    can,
    events: events === 'all' ? shown.map(view) : publicClosing,
  }
}
