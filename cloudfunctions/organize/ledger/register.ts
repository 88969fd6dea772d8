/**
 * @module Registering an item (挂号、登记入账) with 三定: from a target's verdict whose effects call for
 * one, or from opinions the k rule already shows, named by ids that stand for their text alone.
 */
import { randomUUID } from 'node:crypto'
import type { LedgerCandidates, LedgerItem } from '../../../src/api/ledger'
import { acceptsAction, confirmedConsequences, domainError, inShanghai, type RectificationSource, urgentDeadline, type Verdict, type VerdictStanding } from '../../../src/core'
import { audit, actorName } from '../../common/audit'
import { database } from '../../common/cloudbase'
import { keyedHash } from '../../common/keyed'
import { opinionsPage } from '../../common/opinions'
import { refuse } from '../../common/refuse'
import { type RoundFigures, roundFigures, shownFigures } from '../../common/results'
import { type Authority, unitNameOf } from '../../common/roles'
import type { HandlerContext } from '../../common/router'
import { managedRound } from '../rounds'
import { actorFor, type ItemDoc, items } from './items'
import { itemView } from './views'

/**
 * Whether a verdict may found an item: confirmed through its whole chain (已认定, not proposed or set
 * aside) and bringing 整改, 返工 or 诫勉 (core `confirmedConsequences`).
 */
export const verdictStands = (verdict: Verdict & { standing?: VerdictStanding }): boolean => confirmedConsequences([verdict]).length > 0

/** An opinion's id: a keyed hash of its text in its round and target, linked to no ballot and no one. */
export const opinionId = (roundId: string, targetId: string, text: string) => keyedHash('opinion', roundId, targetId, text).slice(0, 16)

const ALL_OPINIONS = 1000

async function registrable(auth: Authority, roundId: string, targetId: string) {
  const doc = await managedRound(auth, roundId)
  if (!acceptsAction(doc.round.state, 'register-rectification')) refuse(domainError('ACTION_NOT_ALLOWED', '评议开始后才能登记整改事项'))
  const target = doc.round.targets.find((t) => t.id === targetId) ?? refuse(domainError('TARGET_NOT_IN_ROUND'))
  return { doc, target }
}

/** The target's verdicts and the opinions k shows, as `figures` hold them. */
async function shown(figures: RoundFigures | null, targetId: string) {
  const result = figures?.byTarget.get(targetId)?.result
  if (!figures || !result) return { verdicts: [], opinions: { items: [], withheld: null } }
  const opinions = await opinionsPage(figures.round, targetId, { basis: figures.basis, counted: result.counted }, 1, ALL_OPINIONS)
  return { verdicts: result.verdicts.verdicts, opinions }
}

async function contactsOf(unitId: string): Promise<{ holderId: string; name: string }[]> {
  const { data } = await database().collection('roles').where({ role: 'contact', unitId }).limit(100).get()
  return (data as { _id: string; name: string }[]).map((r) => ({ holderId: r._id, name: r.name }))
}

export async function ledgerCandidates(auth: Authority, roundId: string, targetId: string, { now }: HandlerContext): Promise<LedgerCandidates> {
  const { doc, target } = await registrable(auth, roundId, targetId)
  const { verdicts, opinions } = await shown(await roundFigures(doc, now), targetId)
  return {
    targetName: target.name,
    ownerUnitId: target.unitId,
    ownerUnitName: String(unitNameOf(auth.units, target.unitId)),
    verdicts: verdicts.map((v) => ({ ruleId: v.ruleId, ruleName: v.ruleName, explanation: v.explanation, offered: verdictStands(v) })),
    opinions: opinions.items.map(({ text }) => ({ id: opinionId(roundId, targetId, text), text })),
    opinionsWithheld: opinions.withheld,
    contacts: await contactsOf(target.unitId),
    urgentDeadline: urgentDeadline(now),
  }
}

export interface Registration {
  roundId: string
  targetId: string
  source: RectificationSource
  problem: string
  responsibility: string
  ownerHolderId: string
  deadline?: string
  urgent: boolean
}

export async function registerItem(auth: Authority, input: Registration, { caller, now }: HandlerContext): Promise<LedgerItem> {
  const { doc, target } = await registrable(auth, input.roundId, input.targetId)
  const owner = (await contactsOf(target.unitId)).find((c) => c.holderId === input.ownerHolderId) ?? refuse(domainError('OWNER_NOT_CONTACT'))
  const deadline = input.deadline ?? (input.urgent ? urgentDeadline(now) : refuse(domainError('DEADLINE_INVALID', '请填写整改时限')))
  if (new Date(deadline).getTime() <= now.getTime()) refuse(domainError('DEADLINE_INVALID'))
  // Judged on what the organiser was shown, read without refreshing: a refusal writes nothing.
  const { verdicts, opinions } = await shown(await shownFigures(doc), target.id)
  checkSource(input, verdicts, new Set(opinions.items.map((o) => opinionId(input.roundId, input.targetId, o.text))))
  const stored: ItemDoc = {
    _id: randomUUID().replaceAll('-', '').slice(0, 20),
    roundId: doc._id, targetId: target.id, source: input.source, problem: input.problem, responsibility: input.responsibility,
    ownerUnitId: target.unitId, ownerName: owner.name, ownerHolderId: owner.holderId, deadline, urgent: input.urgent,
    registeredBy: actorFor(caller.openid, await actorName(caller.openid), 'organizer'), registeredAt: inShanghai(now).format(), events: [], version: 0,
  }
  await items().add(stored)
  await audit(caller.openid, { action: 'registerRectification', subject: `${stored.roundId}/${stored._id}`, unitId: target.unitId, after: { ...stored, ownerHolderId: undefined } }, now)
  return itemView(stored, { units: auth.units, rounds: new Map([[doc._id, doc.round]]), now }, { work: false, supervise: false, photoFolder: null })
}

function checkSource(input: Registration, verdicts: readonly Verdict[], shown: ReadonlySet<string>): void {
  if (input.source.kind === 'verdict') {
    const { ruleId } = input.source
    if (!verdicts.some((v) => v.ruleId === ruleId && verdictStands(v))) refuse(domainError('RECTIFICATION_NOT_OFFERED'))
    return
  }
  if (!input.source.opinionIds.every((id) => shown.has(id))) refuse(domainError('OPINION_NOT_SHOWN'))
}
