/**
 * @module Targets' self-reports (the unit contact writes, an organiser approves). Where the procedure
 * asks (seed 000: 经督导组审核把关后，启动本组群众评价工作), only the supervising group approves: the
 * organisers of the unit above the round's owner, never the owner unit's own.
 */
import { acceptsAction, domainError, ownEntry } from '../../src/core'
import { audit } from '../common/audit'
import { keyedHash } from '../common/keyed'
import { refuse } from '../common/refuse'
import { type Authority, authorize, forbidden } from '../common/roles'
import type { HandlerContext } from '../common/router'
import { changeRound, loadRound, type RoundDoc } from '../common/rounds'
import { MANAGE, REPORT, supervises } from './access'

export const revisionOf = (report: RoundDoc['reports'][string] | undefined) => report?.revision ?? 0

/** Who approves the round's reports: its supervisors where the procedure asks for them, else its managers. */
export const approvesReports = (auth: Authority, doc: Pick<RoundDoc, 'round' | 'ownerUnitId'>) => (doc.round.approvals.reports ? supervises(auth, doc.ownerUnitId) : auth.covers(MANAGE, doc.ownerUnitId))

/** A report's writer as the round keeps them: per round and target, so the hash names no one across reports. */
export const reportWriter = (roundId: string, targetId: string, openid: string) => keyedHash('report-writer', roundId, targetId, openid)

export async function writeReport(auth: Authority, roundId: string, targetId: string, text: string, { caller, now }: HandlerContext) {
  const targetOf = (doc: RoundDoc) => {
    const target = doc.round.targets.find((t) => t.id === targetId)
    // Permission before existence: a made-up target is judged at the owner unit, so one who may not
    // write there learns nothing of which targets the round has.
    authorize(auth, REPORT, target?.unitId ?? doc.ownerUnitId)
    return target ?? refuse(domainError('TARGET_NOT_IN_ROUND'))
  }
  const { before, after } = await changeRound(roundId, (doc) => {
    targetOf(doc)
    // Evaluators rated the unit beside this text: once the round closes it is part of the record.
    if (!acceptsAction(doc.round.state, 'write-report')) refuse(domainError('REPORT_LOCKED'))
    // The text of one who may approve needs no second look; anyone else's waits for one.
    const revision = revisionOf(ownEntry(doc.reports, targetId)) + 1
    return { ...doc, reports: { ...doc.reports, [targetId]: { text, approved: approvesReports(auth, doc), revision, writtenBy: reportWriter(roundId, targetId, caller.openid) } } }
  }, { auth, allowed: REPORT })
  // The log names its actor already; the writer's hash stays on the round.
  const logged = (r: RoundDoc['reports'][string] | undefined) => (r ? { text: r.text, approved: r.approved, revision: r.revision } : null)
  const written = after.reports[targetId]
  await audit(caller.openid, { action: 'writeReport', subject: `${roundId}/${targetId}`, unitId: targetOf(after).unitId, before: logged(ownEntry(before.reports, targetId)), after: logged(written) }, now)
  return { approved: written.approved }
}

/** `revision`: the one the organiser read. A text written since is refused: nobody approves what they have not seen. */
export async function approveReport(auth: Authority, roundId: string, targetId: string, revision: number, { caller, now }: HandlerContext) {
  const reportIn = (doc: RoundDoc) => ownEntry(doc.reports, targetId) ?? refuse(domainError('TARGET_NOT_IN_ROUND'))
  const { before } = await changeRound(roundId, (doc) => {
    authorize(auth, MANAGE, doc.ownerUnitId)
    if (!approvesReports(auth, doc)) refuse(domainError('REPORT_SUPERVISORS_ONLY'))
    // Approving after close would show residents, as read, a text no evaluator saw.
    if (!acceptsAction(doc.round.state, 'write-report')) refuse(domainError('REPORT_LOCKED'))
    if (revisionOf(reportIn(doc)) !== revision) refuse(domainError('REPORT_CHANGED'))
    // Checked again on the text approved: one who wrote it (before becoming a supervisor) gives it no second look.
    if (reportIn(doc).writtenBy === reportWriter(roundId, targetId, caller.openid)) refuse(domainError('REPORT_OWN_TEXT'))
    return { ...doc, reports: { ...doc.reports, [targetId]: { ...reportIn(doc), approved: true } } }
  }, { auth, allowed: MANAGE })
  await audit(caller.openid, { action: 'approveReport', subject: `${roundId}/${targetId}`, unitId: before.ownerUnitId, before: { approved: reportIn(before).approved }, after: { approved: true, revision } }, now)
  return { approved: true }
}

export async function myReports(auth: Authority, roundId: string) {
  const doc = await loadRound(roundId, { auth, allowed: REPORT })
  const mine = doc.round.targets.filter((t) => auth.covers(REPORT, t.unitId))
  if (mine.length === 0) throw forbidden()
  return {
    title: doc.round.title,
    writable: acceptsAction(doc.round.state, 'write-report'),
    reports: mine.map((t) => ({ targetId: t.id, name: t.name, text: ownEntry(doc.reports, t.id)?.text ?? '', approved: ownEntry(doc.reports, t.id)?.approved ?? false })),
  }
}

