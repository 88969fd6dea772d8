/** @module Targets' self-reports (the unit contact writes, an organiser approves) and reading the audit log. */
import type { AuditEntry } from '../../src/api/organize'
import { domainError } from '../../src/core'
import { audit } from '../common/audit'
import { database } from '../common/cloudbase'
import { refuse } from '../common/refuse'
import { type Authority, authorize, forbidden } from '../common/roles'
import type { HandlerContext } from '../common/router'
import { loadRound, saveRound } from '../common/rounds'
import { MANAGE, REPORT } from './access'
import { managedRound } from './rounds'

export async function writeReport(auth: Authority, roundId: string, targetId: string, text: string, { caller, now }: HandlerContext) {
  const doc = await loadRound(roundId)
  const target = doc.round.targets.find((t) => t.id === targetId) ?? refuse(domainError('TARGET_NOT_IN_ROUND'))
  authorize(auth, REPORT, target.unitId)
  // An organiser's own text needs no second look; a contact's waits for one.
  const approved = auth.covers(MANAGE, doc.ownerUnitId)
  await saveRound({ ...doc, reports: { ...doc.reports, [targetId]: { text, approved } } })
  await audit(caller.openid, { action: 'writeReport', subject: `${roundId}/${targetId}`, unitId: target.unitId, before: doc.reports[targetId] ?? null, after: { text, approved } }, now)
  return { approved }
}

export async function approveReport(auth: Authority, roundId: string, targetId: string, { caller, now }: HandlerContext) {
  const doc = await managedRound(auth, roundId)
  const report = doc.reports[targetId] ?? refuse(domainError('TARGET_NOT_IN_ROUND'))
  await saveRound({ ...doc, reports: { ...doc.reports, [targetId]: { ...report, approved: true } } })
  await audit(caller.openid, { action: 'approveReport', subject: `${roundId}/${targetId}`, unitId: doc.ownerUnitId, before: { approved: report.approved }, after: { approved: true } }, now)
  return { approved: true }
}

export async function myReports(auth: Authority, roundId: string) {
  const doc = await loadRound(roundId)
  const mine = doc.round.targets.filter((t) => auth.covers(REPORT, t.unitId))
  if (mine.length === 0) throw forbidden()
  return {
    title: doc.round.title,
    reports: mine.map((t) => ({ targetId: t.id, name: t.name, text: doc.reports[t.id]?.text ?? '', approved: doc.reports[t.id]?.approved ?? false })),
  }
}

/** Admins read everything; organisers the entries of their subtree. Newest first. */
export async function auditLog(auth: Authority, filter: { unitId?: string; roundId?: string }): Promise<AuditEntry[]> {
  if (filter.unitId) authorize(auth, MANAGE, filter.unitId)
  if (!auth.roles.some((r) => MANAGE.includes(r.role))) throw forbidden()
  const { data } = await database().collection('audit').orderBy('at', 'desc').limit(1000).get()
  const aboutRound = (subject: string) => !filter.roundId || subject === filter.roundId || subject.startsWith(`${filter.roundId}/`)
  return (data as (AuditEntry & { unitId: string; at: Date })[])
    .filter((e) => auth.covers(MANAGE, e.unitId) && aboutRound(e.subject) && (!filter.unitId || e.unitId === filter.unitId))
    .map(({ at, actorName, action, subject, before, after }) => ({ at: new Date(at).toISOString(), actorName, action, subject, before, after }))
}
