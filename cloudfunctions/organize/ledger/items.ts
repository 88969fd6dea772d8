/**
 * @module Stored rectification items: the core's item (its history append-only) plus the owner's
 * role grant. Every append is conditional on the history length it read, so two steps racing
 * cannot both land on the same state.
 */
import { z } from 'zod'
import { domainError, type Actor, recordRectificationEvent, type RectificationEvent, RectificationItem } from '../../../src/core'
import { database } from '../../common/cloudbase'
import { keyedHash } from '../../common/keyed'
import { orRefuse, refuse } from '../../common/refuse'

export const ItemDoc = RectificationItem.omit({ id: true }).extend({
  _id: z.string(),
  /** The `roles` grant of the contact who owns the item: whoever holds it works the item. */
  ownerHolderId: z.string(),
  /** The number of events: what the next append is conditional on. */
  version: z.number().int().nonnegative(),
  /** Set by the scheduler once the deadline passed (the 台账 can be filtered on it). */
  overdue: z.boolean().optional(),
  /**
   * Reminders the scheduler claimed, 3 days before the deadline and once it passed; `unsent`: the
   * actor pseudonyms it could not tell (no opt-in left, or WeChat refused), shown in the to-do badge.
   */
  reminders: z.object({ before: z.object({ unsent: z.array(z.string()) }).optional(), overdue: z.object({ unsent: z.array(z.string()) }).optional() }).optional(),
})
export type ItemDoc = z.infer<typeof ItemDoc>

export const items = () => database().collection('rectifications')
export const itemOf = ({ _id, ownerHolderId: _h, version: _v, overdue: _o, reminders: _r, ...rest }: ItemDoc): RectificationItem => ({ id: _id, ...rest })

/** An actor as the history names them: a keyed pseudonym, so items carry no openid. */
export const actorFor = (openid: string, name: string, role: Actor['role']): Actor => ({ id: keyedHash('rectification-actor', openid).slice(0, 24), name, role })

export async function loadItem(itemId: string): Promise<ItemDoc | null> {
  const { data } = await items().doc(itemId).get()
  return data[0] ? ItemDoc.parse(data[0]) : null
}

export async function ownsItem(openid: string, doc: ItemDoc): Promise<boolean> {
  const { data } = await database().collection('roles').doc(doc.ownerHolderId).get()
  const grant = data[0] as { openid?: string; role?: string; unitId?: string } | undefined
  return grant?.openid === openid && grant.role === 'contact' && grant.unitId === doc.ownerUnitId
}

/**
 * Whether `event` was already taken from a page that showed `seen` steps: the caller's own same step
 * sits at that place (a retry after a lost answer). A page behind someone else's step is refused.
 */
export function alreadyTaken(doc: ItemDoc, seen: number | undefined, event: RectificationEvent): boolean {
  if (seen === undefined || seen === doc.events.length) return false
  const taken = doc.events[seen]
  if (taken && taken.actor.id === event.actor.id && taken.type === event.type && (taken.note ?? '') === (event.note ?? '')) return true
  return refuse(domainError('RECTIFICATION_CHANGED'))
}

/** Appends one event on the version read; refused when the item moved meanwhile. */
export async function appendEvent(doc: ItemDoc, event: RectificationEvent): Promise<ItemDoc> {
  const next = orRefuse(recordRectificationEvent(itemOf(doc), event))
  const { updated } = (await items().where({ _id: doc._id, version: doc.version }).update({ events: database().command.push(event), version: doc.version + 1 })) as { updated: number }
  if (!updated) refuse(domainError('RECTIFICATION_CHANGED'))
  return { ...doc, events: next.events, version: doc.version + 1 }
}
