/** @module Rounds as organisers handle them: from a template or a past round, edited, moved through their states. */
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import type { NewRound, RoundDetail, RoundListItem, RoundPatch } from '../../src/api/organize'
import { acceptsAction, checkAggregation, closedWindow, domainError, draftRoundFromTemplate, inShanghai, inShanghaiWindow, issuesBeforeOpen, nextState, type ReadinessContext, Round, type RoundAction, roundStatus } from '../../src/core'
import { audit } from '../common/audit'
import { preparePools } from '../common/ballots'
import { database } from '../common/cloudbase'
import { orRefuse, refuse } from '../common/refuse'
import { type Authority, authorize } from '../common/roles'
import type { HandlerContext } from '../common/router'
import { assertPublishable, dayStart, storeFinalResults } from '../common/results'
import { changeRound, loadRound, type RoundDoc, RoundDoc as RoundDocSchema } from '../common/rounds'
import { isDuplicate } from '../common/transaction'
import { isWithin } from '../common/units'
import { MANAGE, READ } from './access'
import { roundCounters, totalBallots } from './counters'
import { approvesReports, reportWriter, revisionOf } from './reports'
import { rosterSizes } from './rosterSizes'
import { rosterReview } from '../common/rosterReview'

/** What may still change once residents are voting: the end of the window and the texts. */
const EDITABLE_WHEN_OPEN = ['title', 'intro', 'window'] as const

const listItem = (doc: RoundDoc, ballots: number, now: Date): RoundListItem => ({
  id: doc._id,
  title: doc.round.title,
  state: doc.round.state,
  status: roundStatus(doc.round, now),
  ownerUnitId: doc.ownerUnitId,
  window: doc.round.window,
  ballots,
})

/** What opening waits for: the roster, its review and the reports as stored now. */
async function readinessOf(doc: RoundDoc, now: Date): Promise<ReadinessContext> {
  const [sizes, review] = await Promise.all([rosterSizes(doc._id), rosterReview(doc._id)])
  return { now, rosterSizes: sizes, rosterApproved: review.state === 'approved', reports: doc.reports }
}

export async function detail(doc: RoundDoc, now: Date, auth: Authority): Promise<RoundDetail> {
  const [counters, sizes, readiness] = await Promise.all([roundCounters(doc._id), rosterSizes(doc._id), readinessOf(doc, now)])
  const { round } = doc
  return {
    ...listItem(doc, totalBallots(counters), now),
    procedure: round.procedure,
    intro: doc.intro,
    targets: round.targets,
    groups: round.groups,
    channels: round.channels,
    categories: round.categories,
    template: round.template,
    rules: round.rules,
    aggregation: round.aggregation,
    reports: Object.fromEntries(Object.entries(doc.reports).map(([id, r]) => [id, { text: r.text, approved: r.approved, revision: revisionOf(r) }])),
    approvesReports: approvesReports(auth, doc),
    rosterSizes: sizes,
    blockers: round.state === 'draft' ? issuesBeforeOpen(round, readiness) : [],
    sampling: round.sampling ?? null,
  }
}

export async function managedRound(auth: Authority, roundId: string, allowed = MANAGE): Promise<RoundDoc> {
  const doc = await loadRound(roundId, { auth, allowed })
  authorize(auth, allowed, doc.ownerUnitId)
  return doc
}

export async function listRounds(auth: Authority, now: Date): Promise<RoundListItem[]> {
  const { data } = await database().collection('rounds').limit(1000).get()
  const docs = (data as unknown[]).map((d) => RoundDocSchema.parse(d)).filter((d) => auth.covers(READ, d.ownerUnitId))
  const items = await Promise.all(docs.map(async (d) => listItem(d, totalBallots(await roundCounters(d._id)), now)))
  return items.sort((a, b) => b.window.opensAt.localeCompare(a.window.opensAt))
}

function checkTargets(auth: Authority, ownerUnitId: string, targets: readonly { unitId: string }[]) {
  if (!auth.units.some((u) => u.id === ownerUnitId)) refuse(domainError('UNIT_UNKNOWN'))
  if (targets.some((t) => !isWithin(auth.units, t.unitId, ownerUnitId))) refuse(domainError('TARGET_OUTSIDE_SUBTREE'))
}

export async function insert(doc: RoundDoc): Promise<void> {
  try {
    await database().collection('rounds').add(RoundDocSchema.parse({ ...doc, version: 0 }))
  } catch (e) {
    if (isDuplicate(e)) refuse(domainError('ROUND_ID_TAKEN'))
    throw e
  }
}

export async function createRound(auth: Authority, input: z.output<typeof NewRound>, { caller, now }: HandlerContext) {
  authorize(auth, MANAGE, input.ownerUnitId)
  checkTargets(auth, input.ownerUnitId, input.targets)
  const drafted = orRefuse(
    draftRoundFromTemplate(input.templateId, {
      id: input.id ?? `r${randomBytes(5).toString('hex')}`,
      title: input.title,
      window: inShanghaiWindow(input.window),
      targets: input.targets,
      groups: input.groups,
      channels: input.channels,
    }),
  )
  const round = input.aggregation ? { ...drafted, aggregation: orRefuse(checkAggregation(input.aggregation, drafted.categories)) } : drafted
  const unitNames = Object.fromEntries(auth.units.map((u) => [u.id, u.name]))
  // Reports typed by one who may approve them are approved as typed; by anyone else (an owner unit's
  // organiser where the supervisors approve), they wait like a contact's.
  const approved = approvesReports(auth, { round, ownerUnitId: input.ownerUnitId })
  const reports = Object.fromEntries(Object.entries(input.reports).map(([id, text]) => [id, { text, approved, writtenBy: reportWriter(round.id, id, caller.openid) }]))
  await insert({ _id: round.id, round, ownerUnitId: input.ownerUnitId, intro: input.intro, reports, shards: input.shards, unitNames })
  await audit(caller.openid, { action: 'createRound', subject: round.id, unitId: input.ownerUnitId, after: { templateId: input.templateId, title: input.title, ...(input.aggregation ? { aggregation: input.aggregation } : {}) } }, now)
  return { roundId: round.id }
}

export async function copyRound(auth: Authority, roundId: string, title: string, window: Round['window'], { caller, now }: HandlerContext) {
  // A copy is a new round: nothing of the source's publication comes with it.
  const { publishedAt: _, ...source } = await managedRound(auth, roundId)
  const id = `r${randomBytes(5).toString('hex')}`
  const copy = Round.safeParse({ ...source.round, id, title, window: inShanghaiWindow(window), state: 'draft' })
  if (!copy.success) refuse(domainError('ROUND_INVALID', copy.error.issues[0]?.message))
  await insert({ ...source, _id: id, round: copy.data, reports: {} })
  await audit(caller.openid, { action: 'copyRound', subject: id, unitId: source.ownerUnitId, before: { from: roundId }, after: { title } }, now)
  return { roundId: id }
}

export async function updateRound(auth: Authority, roundId: string, patch: z.output<typeof RoundPatch>, ctx: HandlerContext) {
  const changed = Object.keys(patch) as (keyof typeof patch)[]
  const { before: doc, after } = await changeRound(roundId, (doc) => {
    authorize(auth, MANAGE, doc.ownerUnitId)
    const { round } = doc
    if (round.state !== 'draft') {
      const locked = changed.some((k) => !(EDITABLE_WHEN_OPEN as readonly string[]).includes(k))
      const movesStart = patch.window && inShanghaiWindow(patch.window).opensAt !== round.window.opensAt
      if (locked || movesStart || !acceptsAction(round.state, 'close')) refuse(domainError('EDIT_LOCKED'))
    }
    if (patch.targets) checkTargets(auth, doc.ownerUnitId, patch.targets)
    // Before the round's own schema, which would refuse a weight of 0 without naming the part.
    // A category removed later leaves a blocker before opening (`issuesBeforeOpen`), not a refusal.
    if (patch.aggregation) orRefuse(checkAggregation(patch.aggregation, patch.categories ?? round.categories))
    const { intro, ...roundPatch } = patch
    const next = Round.safeParse({ ...round, ...roundPatch, ...(roundPatch.window ? { window: inShanghaiWindow(roundPatch.window) } : {}) })
    if (!next.success) refuse(domainError('ROUND_INVALID', next.error.issues[0]?.message))
    return { ...doc, round: next.data, intro: intro ?? doc.intro }
  }, { auth, allowed: MANAGE })
  const before = Object.fromEntries(changed.map((k) => [k, k === 'intro' ? doc.intro : doc.round[k]]))
  await audit(ctx.caller.openid, { action: 'updateRound', subject: roundId, unitId: doc.ownerUnitId, before, after: patch }, ctx.now)
  return detail(after, ctx.now, auth)
}

/**
 * open / close / publish / archive: guarded by the lifecycle, conditional on the state read. The
 * one place a round's state changes; it bumps the version, so an edit computed before it is redone.
 */
export async function transition(auth: Authority, roundId: string, action: Extract<RoundAction, 'open' | 'close' | 'publish' | 'archive'>, { caller, now }: HandlerContext) {
  const doc = await managedRound(auth, roundId)
  const state = nextState(doc.round.state, action) ?? refuse(domainError('ACTION_NOT_ALLOWED'))
  if (action === 'open') {
    const blockers = issuesBeforeOpen(doc.round, await readinessOf(doc, now))
    if (blockers.length > 0) return { state: doc.round.state, blockers }
  }
  if (action === 'publish') await assertPublishable(doc, caller.openid, now)
  // Two organisers acting at once: only the one whose read still holds moves the round.
  const window = action === 'close' ? { 'round.window': closedWindow(doc.round.window, now) } : {}
  const published = action === 'publish' ? { publishedAt: inShanghai(now).format() } : {}
  const { updated } = (await database()
    .collection('rounds')
    .where({ _id: roundId, 'round.state': doc.round.state })
    .update({ 'round.state': state, ...window, ...published, version: database().command.inc(1) })) as { updated: number }
  if (!updated) refuse(domainError('ACTION_NOT_ALLOWED'))
  // Ballots' containers before any ballot (README, "Ballot pools"); a cast completes them if this is cut short.
  if (action === 'open') await preparePools(roundId, doc.round.targets.map((t) => t.id), doc.shards)
  await audit(caller.openid, { action: `${action}Round`, subject: roundId, unitId: doc.ownerUnitId, before: { state: doc.round.state }, after: { state } }, now)
  // Nothing was cast before the open: today's count starts from zero now, not from whatever the
  // first read of the day finds (a minute before the scheduler's note, the demo casts 136 ballots).
  if (action === 'open') await dayStart(roundId, now, async () => 0)
  if (action === 'close') await storeFinalResults(doc, caller.openid, now)
  return { state, blockers: [] }
}
