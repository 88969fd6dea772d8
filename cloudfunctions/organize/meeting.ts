/**
 * @module 会场模式: meeting sessions of a round. Opening one adds its channel to the round (its
 * ballot link carries it, as a share channel's does) and stores the session; 结束测评 writes the
 * session document that every ballot through it writes too (evaluate/meeting.ts), so no ballot
 * lands after the end answers. The big screen reads participation only, never who, and results as
 * the report shows them once the session has ended and the round's visibility allows.
 */
import { randomBytes } from 'node:crypto'
import type { SessionBoard, SessionView } from '../../src/api/organize'
import { checkSessionWindow, domainError, expectedInSession, type Round, sessionStatus, sessionTargets, sessionUnitIds, tallyCodes } from '../../src/core'
import { audit } from '../common/audit'
import { database } from '../common/cloudbase'
import { orRefuse, refuse } from '../common/refuse'
import { roundFigures } from '../common/results'
import { type Authority, authorize } from '../common/roles'
import type { HandlerContext } from '../common/router'
import { changeRound, type RoundDoc } from '../common/rounds'
import { loadSession, SessionDoc } from '../common/sessions'
import { inTransaction } from '../common/transaction'
import { badges, targetNotices } from '../report/views'
import { MANAGE } from './access'
import { rosterInvitations } from './rosterSizes'
import { managedRound } from './rounds'
import { sharePath } from './sharing'

function view(round: Round, s: SessionDoc, now: Date): SessionView {
  return {
    id: s._id,
    name: s.name,
    groupId: s.groupId,
    groupName: round.groups.find((g) => g.id === s.groupId)?.name ?? null,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    endedAt: s.endedAt,
    status: sessionStatus(s, now),
    path: sharePath(round.id, s._id),
  }
}

interface NewSession {
  name: string
  groupId: string | null
  opensAt: string
  closesAt: string
}

export async function openSession(auth: Authority, roundId: string, input: NewSession, { caller, now }: HandlerContext): Promise<SessionView> {
  const id = `ms-${randomBytes(4).toString('hex')}`
  const { after: doc } = await changeRound(roundId, (doc) => {
    authorize(auth, MANAGE, doc.ownerUnitId)
    if (doc.round.state !== 'open') refuse(domainError('ROUND_NOT_OPEN'))
    if (input.groupId !== null && !doc.round.groups.some((g) => g.id === input.groupId)) refuse(domainError('GROUP_UNKNOWN'))
    orRefuse(checkSessionWindow(doc.round, input, now))
    return { ...doc, round: { ...doc.round, channels: [...doc.round.channels, { id, name: `会场：${input.name}`, kind: 'meeting' as const }] } }
  }, { auth, allowed: MANAGE })
  const session: SessionDoc = { _id: id, roundId: doc._id, name: input.name, groupId: input.groupId, opensAt: input.opensAt, closesAt: input.closesAt, endedAt: null, ballots: 0, voters: {} }
  await database().collection('sessions').add(session)
  await audit(caller.openid, { action: 'openSession', subject: doc._id, unitId: doc.ownerUnitId, after: { id, name: input.name, groupId: input.groupId, opensAt: input.opensAt, closesAt: input.closesAt } }, now)
  return view(doc.round, session, now)
}

/** Permission first: a session id is looked at only within a round the caller manages. */
async function managedSession(auth: Authority, roundId: string, sessionId: string): Promise<{ doc: RoundDoc; session: SessionDoc }> {
  const doc = await managedRound(auth, roundId)
  const session = await loadSession(sessionId)
  if (!session || session.roundId !== doc._id) return refuse(domainError('SESSION_UNKNOWN'))
  return { doc, session }
}

export async function endSession(auth: Authority, roundId: string, sessionId: string, { caller, now }: HandlerContext): Promise<SessionView> {
  const { doc } = await managedSession(auth, roundId, sessionId)
  const ended = await inTransaction(async (tx) => {
    const ref = tx.collection('sessions').doc(sessionId)
    const found = SessionDoc.parse(((await ref.get()) as { data: unknown }).data)
    if (found.endedAt !== null) return { session: found, changed: false }
    const endedAt = now.toISOString()
    await ref.update({ endedAt })
    return { session: { ...found, endedAt }, changed: true }
  })
  if (ended.changed) await audit(caller.openid, { action: 'endSession', subject: doc._id, unitId: doc.ownerUnitId, after: { id: sessionId, name: ended.session.name } }, now)
  return view(doc.round, ended.session, now)
}

export async function listSessions(auth: Authority, roundId: string, now: Date): Promise<{ sessions: SessionView[] }> {
  const doc = await managedRound(auth, roundId)
  const { data } = await database().collection('sessions').where({ roundId: doc._id }).limit(1000).get()
  const sessions = (data as unknown[]).map((d) => SessionDoc.parse(d)).sort((a, b) => a.opensAt.localeCompare(b.opensAt))
  return { sessions: sessions.map((s) => view(doc.round, s, now)) }
}

/** The room sees figures only where the round lets people beyond its organisers see them now. */
function resultsBarred(round: Round): string | null {
  if (round.visibility.audience === 'organizers') return '本轮评议的结果只对组织方公开，不在会场展示'
  if (round.state === 'open' && !round.visibility.liveDashboard) return '本轮评议设定结果在评议结束后查看，会场暂不展示结果'
  return null
}

export async function sessionBoard(auth: Authority, roundId: string, sessionId: string, now: Date): Promise<SessionBoard> {
  const { doc, session } = await managedSession(auth, roundId, sessionId)
  const { round } = doc
  const units = new Set(sessionUnitIds(round, session.groupId))
  const cells = tallyCodes((await rosterInvitations(doc._id)).filter((c) => units.has(c.unitId)), round.kSuppression)
  const shown = view(round, session, now)
  const barred = shown.status === 'ended' ? resultsBarred(round) : '结束测评后可在此展示本场结果'
  let results: SessionBoard['results'] = null
  if (!barred) {
    const figures = await roundFigures(doc, now)
    results = sessionTargets(round, session.groupId).map((t) => {
      const result = figures.byTarget.get(t.id)?.result
      if (!result) return { targetId: t.id, name: t.name, counted: 0, satisfaction: null, badges: [], notices: [] }
      return { targetId: t.id, name: t.name, counted: result.counted, satisfaction: result.headline.satisfaction.percent, badges: badges(result).map((b) => b.label), notices: targetNotices(round, result) }
    })
  }
  return {
    session: shown,
    roundTitle: round.title,
    ballots: session.ballots,
    categories: expectedInSession(round, session.groupId).map((c) => ({ id: c.categoryId, name: c.name, submitted: session.voters[c.categoryId] ?? 0, expected: c.expected })),
    slips: {
      issued: cells.reduce((n, c) => n + c.issued, 0),
      spent: cells.reduce((n, c) => n + (c.used ?? 0) + c.sharedUsed, 0),
      withheld: cells.filter((c) => c.used === null).length,
    },
    results,
    resultsNotice: barred,
  }
}
