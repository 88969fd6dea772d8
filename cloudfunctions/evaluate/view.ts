/** @module What a resident is shown of rounds: nothing internal, nothing about other people. */
import type { CategoryChoice, HomeRound, Receipt, RoundForResident, RoundSummary } from '../../src/api/evaluate'
import { channelKind, domainError, needsUnit, ownEntry, type Round, roundUnitIds, windowStatus } from '../../src/core'
import { database } from '../common/cloudbase'
import { refuse } from '../common/refuse'
import { loadRound, RoundDoc } from '../common/rounds'
import { findEnrolment } from './enrolment'
import { receiptCode, voterKey } from './keys'

/** States in which residents see a round at all. */
const VISIBLE_STATES = ['open', 'closed', 'published']

/** A round as residents may reach it: a draft is the organiser's alone, and to them it does not exist. */
export function shownToResidents(doc: RoundDoc): RoundDoc {
  if (doc.round.state === 'draft') refuse(domainError('ROUND_NOT_FOUND'))
  return doc
}

export const residentRound = async (roundId: string): Promise<RoundDoc> => shownToResidents(await loadRound(roundId))

export const summarise = (round: Round, now: Date): RoundSummary => ({
  id: round.id,
  title: round.title,
  state: round.state,
  window: round.window,
  windowStatus: windowStatus(round, now),
})

/** The rounds residents see, each with this resident's part in it: receipts held, and whether nothing is left to rate. */
export async function listRounds(openid: string, now: Date): Promise<HomeRound[]> {
  const { data } = await database().collection('rounds').where({ 'round.state': database().command.in(VISIBLE_STATES) }).limit(100).get()
  const docs = (data as unknown[]).map((d) => RoundDoc.parse(d))
  const rounds = await Promise.all(docs.map(async (doc) => {
    const [enrolment, receipts] = await Promise.all([findEnrolment(doc, openid), receiptsOf(doc._id, openid)])
    const rated = new Set(receipts.map((r) => r.targetId))
    const done = !!enrolment && enrolment.eligibleTargetIds.length > 0 && enrolment.eligibleTargetIds.every((id) => rated.has(id))
    return { ...summarise(doc.round, now), receipts: receipts.length, rated: done }
  }))
  return rounds.sort((a, b) => b.window.opensAt.localeCompare(a.window.opensAt))
}

export async function receiptsOf(roundId: string, openid: string): Promise<Receipt[]> {
  const { data } = await database().collection('receipts').where({ roundId, voter: voterKey(roundId, openid) }).limit(1000).get()
  return (data as { _id: string; targetId: string }[]).map((r) => ({ targetId: r.targetId, code: receiptCode(r._id) }))
}

export async function residentView(doc: RoundDoc, openid: string, channel: string | undefined, now: Date): Promise<RoundForResident> {
  const { round } = doc
  const [enrolment, receipts] = await Promise.all([findEnrolment(doc, openid), receiptsOf(round.id, openid)])
  const choices: CategoryChoice[] = round.categories
    .filter((c) => c.access === 'open' && c.scope !== null)
    .map((c) => ({ id: c.id, name: c.name, ...(c.description ? { description: c.description } : {}), needsUnit: needsUnit(round, c.id) }))
  return {
    round: summarise(round, now),
    intro: doc.intro,
    targets: round.targets.map((t) => {
      const report = ownEntry(doc.reports, t.id)
      return { ...t, report: report?.approved ? report.text : '' }
    }),
    units: roundUnitIds(round).map((id) => ({ id, name: ownEntry(doc.unitNames, id) ?? id })),
    template: round.template,
    choices: enrolment ? [] : choices,
    enrolment,
    receipts,
    channel: round.channels.find((c) => c.id === channel && channelKind(c) !== 'paper') ?? null,
  }
}
