/**
 * @module 整改 reminders as WeChat allows them: one-time subscribe messages. Each opt-in (a tap on
 * wx.requestSubscribeMessage, at most 3 templates at once) allows one message, so the server counts
 * the opt-ins it holds per person and template and spends one per message. The scheduler tells the
 * owner 3 days before the deadline, and the owner and the supervisors once it passed; with no opt-in
 * left nothing is sent, the item is marked and shows in the to-do badge instead, and nothing fails.
 */
import { daysLeft, inShanghai, isOverdue } from '../../../src/core'
import { bump } from '../../common/bump'
import { cloudbase, database } from '../../common/cloudbase'
import { functionEnv } from '../../common/env'
import { keyedHash } from '../../common/keyed'
import { unitNameOf } from '../../common/roles'
import { loadUnits, type Unit } from '../../common/units'
import { allItems } from './read'
import { itemOf, type ItemDoc, items } from './items'
import { stateOf } from './views'

export const REMIND_DAYS_BEFORE = 3

export const reminderTemplates = () => {
  const env = functionEnv()
  return { deadlineSoon: env.QUNPING_TEMPLATE_DEADLINE_SOON, overdue: env.QUNPING_TEMPLATE_OVERDUE }
}

const subscriptionId = (openid: string, templateId: string) => keyedHash('subscription', openid, templateId).slice(0, 32)

/** What wx.requestSubscribeMessage answered `accept` for: one more message allowed per template. */
export async function subscribe(openid: string, accepted: readonly string[]): Promise<{ templateIds: string[] }> {
  const known = Object.values(reminderTemplates())
  for (const templateId of new Set(accepted.filter((id) => known.includes(id)))) await bump('subscriptions', subscriptionId(openid, templateId), { openid, templateId })
  return { templateIds: known }
}

/** Spends one opt-in, conditionally, so two senders cannot both spend the last one. */
async function spend(openid: string, templateId: string): Promise<boolean> {
  const _ = database().command
  const { updated } = (await database().collection('subscriptions').where({ _id: subscriptionId(openid, templateId), n: _.gt(0) }).update({ n: _.inc(-1) })) as { updated: number }
  return updated === 1
}

/** WeChat's thing values hold at most 20 characters. */
const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text)

async function tell(openid: string, templateId: string, doc: ItemDoc, units: readonly Unit[], status: string): Promise<boolean> {
  if (!(await spend(openid, templateId))) return false
  const { result } = (await cloudbase().callWxOpenApi({
    apiName: 'subscribeMessage.send',
    requestData: {
      touser: openid, template_id: templateId, page: `organizer/pages/item/index?itemId=${doc._id}`,
      data: {
        thing1: { value: thing(doc.problem) },
        thing2: { value: thing(String(unitNameOf(units, doc.ownerUnitId))) },
        date3: { value: inShanghai(doc.deadline).format('YYYY年M月D日') },
        thing4: { value: status },
      },
    },
  })) as { result: { errcode: number } }
  return result.errcode === 0
}

async function ownerOpenid(doc: ItemDoc): Promise<string[]> {
  const { data } = await database().collection('roles').doc(doc.ownerHolderId).get()
  const openid = (data[0] as { openid?: string } | undefined)?.openid
  return openid ? [openid] : []
}

/** The supervisors: organisers holding their role at the unit above the owner unit. */
async function supervisorOpenids(doc: ItemDoc, units: readonly Unit[]): Promise<string[]> {
  const above = units.find((u) => u.id === doc.ownerUnitId)?.parentId
  if (!above) return []
  const { data } = await database().collection('roles').where({ role: 'organizer', unitId: above }).limit(100).get()
  return [...new Set((data as { openid: string }[]).map((r) => r.openid))]
}

type Due = 'before' | 'overdue'

/** Claims a reminder once (the scheduler may run twice at once), then sends it; `unsent`: who could not be told. */
async function remind(doc: ItemDoc, due: Due, units: readonly Unit[], now: Date): Promise<void> {
  const _ = database().command
  const { updated } = (await items().where({ _id: doc._id, [`reminders.${due}`]: _.exists(false) }).update({ [`reminders.${due}`]: { unsent: [] }, ...(due === 'overdue' ? { overdue: true } : {}) })) as { updated: number }
  if (!updated) return
  const templates = reminderTemplates()
  const recipients = due === 'before' ? await ownerOpenid(doc) : [...new Set([...(await ownerOpenid(doc)), ...(await supervisorOpenids(doc, units))])]
  const status = due === 'before' ? `距整改时限还有${Math.max(0, daysLeft(doc.deadline, now))}天` : '已逾期，请尽快办理'
  const unsent: string[] = []
  for (const openid of recipients) {
    if (!(await tell(openid, due === 'before' ? templates.deadlineSoon : templates.overdue, doc, units, status))) unsent.push(keyedHash('rectification-actor', openid).slice(0, 24))
  }
  if (unsent.length > 0 || recipients.length === 0) await items().doc(doc._id).update({ [`reminders.${due}`]: { unsent: recipients.length === 0 ? ['nobody'] : unsent } })
}

/** Each minute: the owner 3 days before the deadline; owner and supervisors once it has passed. */
export async function remindDue(now: Date): Promise<number> {
  const open = (await allItems()).filter((d) => stateOf(d) !== 'verified')
  if (open.length === 0) return 0
  const units = await loadUnits()
  let sent = 0
  for (const doc of open) {
    if (isOverdue(itemOf(doc), now) && !doc.reminders?.overdue) {
      await remind(doc, 'overdue', units, now)
      sent++
    } else if (!doc.reminders?.before && daysLeft(doc.deadline, now) <= REMIND_DAYS_BEFORE && !isOverdue(itemOf(doc), now)) {
      await remind(doc, 'before', units, now)
      sent++
    }
  }
  return sent
}
