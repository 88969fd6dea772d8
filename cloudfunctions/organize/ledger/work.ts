/**
 * @module Working an item: the owner (the contact it was registered to) accepts it, adds progress
 * with photos, asks for 销号 and resumes after a send-back; the supervisors — organisers of the unit
 * above the owner unit — verify it or send it back with a reason. Every step is audited.
 */
import type { LedgerItem } from '../../../src/api/ledger'
import { type Actor, domainError, inShanghai, type RectificationEvent, recordRectificationEvent } from '../../../src/core'
import { actorName, audit } from '../../common/audit'
import { orRefuse, refuse } from '../../common/refuse'
import { type Authority, forbidden } from '../../common/roles'
import type { HandlerContext } from '../../common/router'
import { supervises } from '../access'
import { alreadyTaken, appendEvent, actorFor, type ItemDoc, itemOf, ownsItem } from './items'
import { emptyingSlots, keepingPhotos } from './photos'
import { canFor, readableItem, viewFor } from './read'

async function step(auth: Authority, doc: ItemDoc, event: RectificationEvent, ctx: HandlerContext): Promise<LedgerItem> {
  const after = await appendEvent(doc, event)
  await audit(ctx.caller.openid, { action: `rectification:${event.type}`, subject: `${doc.roundId}/${doc._id}`, unitId: doc.ownerUnitId, before: { version: doc.version }, after: event }, ctx.now)
  return viewFor(auth, after, await canFor(auth, ctx.caller.openid, after), ctx.now)
}

const current = async (auth: Authority, doc: ItemDoc, ctx: HandlerContext) => viewFor(auth, doc, await canFor(auth, ctx.caller.openid, doc), ctx.now)

const eventBy = async (openid: string, role: Actor['role'], type: RectificationEvent['type'], note: string | undefined, now: Date): Promise<RectificationEvent> => ({
  type, actor: actorFor(openid, await actorName(openid), role), at: inShanghai(now).format(), ...(note ? { note } : {}),
})

/** The caller's incoming slots are emptied after every step of theirs, taken or refused. */
export function workItem(
  auth: Authority,
  input: { itemId: string; step: 'start' | 'progress' | 'request-closure' | 'resume'; note?: string; photos: string[]; seen?: number },
  ctx: HandlerContext,
): Promise<LedgerItem> {
  return emptyingSlots(ctx.caller.openid, async (own) => {
    const doc = await readableItem(auth, input.itemId, ctx.caller.openid)
    // A foreign item is refused before a single byte is read.
    if (!(await ownsItem(ctx.caller.openid, doc))) throw forbidden()
    if (input.photos.length > 0 && input.step !== 'progress' && input.step !== 'request-closure') refuse(domainError('PHOTO_REFUSED', '只有整改进展和销号申请可以附照片'))
    const event = await eventBy(ctx.caller.openid, 'owner', input.step, input.note, ctx.now)
    // Its photos were kept the first time, and its slots emptied since.
    if (alreadyTaken(doc, input.seen, event)) return current(auth, doc, ctx)
    // Judged on the history before any photo is read; the append below judges it again on its version.
    orRefuse(recordRectificationEvent(itemOf(doc), { ...event, ...(input.photos.length ? { photos: ['pending'] } : {}) }))
    return keepingPhotos(doc._id, own, input.photos, (photos) => step(auth, doc, { ...event, ...(photos.length ? { photos } : {}) }, ctx))
  })
}

export async function superviseItem(auth: Authority, input: { itemId: string; verify: boolean; note?: string; seen?: number }, ctx: HandlerContext): Promise<LedgerItem> {
  const doc = await readableItem(auth, input.itemId, ctx.caller.openid)
  if (!supervises(auth, doc.ownerUnitId)) throw forbidden()
  const event = await eventBy(ctx.caller.openid, 'supervisor', input.verify ? 'verify' : 'send-back', input.note, ctx.now)
  return alreadyTaken(doc, input.seen, event) ? current(auth, doc, ctx) : step(auth, doc, event, ctx)
}
