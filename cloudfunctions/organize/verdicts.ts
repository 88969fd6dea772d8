/**
 * @module 认定确认: a fired rule with consequences is 拟认定 until the supervising group (organisers
 * of the unit above the target) confirms it or sets it aside with a reason, and, where the template
 * says so (000), the office a level further up approves it. Only final, stored figures are
 * confirmed. Then 发起返工补课评议 for the targets whose 返工补课 stands; a confirmed 活动延期 makes
 * its extension round at once (`extensions.ts`).
 */
import { randomBytes } from 'node:crypto'
import type { RoundVerdicts, VerdictItem } from '../../src/api/organize'
import { actedAs, actingGrant, chainWords, domainError, effectLabel, inShanghai, type Round, type Target, takeVerdictStep, type VerdictAction, VerdictAction as Actions, type VerdictStep } from '../../src/core'
import { audit } from '../common/audit'
import { database } from '../common/cloudbase'
import { orRefuse, refuse } from '../common/refuse'
import { type Authority, forbidden, unitNameOf } from '../common/roles'
import type { HandlerContext } from '../common/router'
import { roundFigures, storedMark } from '../common/results'
import { loadRound, type RoundDoc } from '../common/rounds'
import { appendStep, roundSteps, stepsOf } from '../common/verdictSteps'
import { MANAGE, READ } from './access'
import { ensureExtensions, extensionsOf } from './extensions'
import { insertFollowUp } from './followUp'

/** A reader of the round, or anyone over one of its targets (a supervisor may sit below a round owned higher up). */
async function verdictRound(auth: Authority, roundId: string): Promise<{ doc: RoundDoc; shown: Target[] }> {
  const doc = await loadRound(roundId, { auth, allowed: READ })
  const shown = doc.round.targets.filter((t) => auth.covers(READ, t.unitId))
  if (shown.length === 0) throw forbidden()
  return { doc, shown }
}

const isFinal = async (doc: RoundDoc) => doc.round.state !== 'draft' && doc.round.state !== 'open' && (await storedMark(doc._id)) !== null

function stepBy(auth: Authority, target: Target, action: VerdictAction, openid: string, now: Date, reason: string | null): VerdictStep | null {
  const grant = actingGrant(auth.units, auth.roles, target.unitId, actedAs(action))
  return grant && { action, as: actedAs(action), actorId: openid, role: grant.role, unitId: grant.unitId, unitName: String(unitNameOf(auth.units, grant.unitId)), at: inShanghai(now).format(), reason }
}

async function view(auth: Authority, doc: RoundDoc, shown: readonly Target[], openid: string, now: Date): Promise<RoundVerdicts> {
  const { round } = doc
  const originalId = doc.redoOf ?? doc.extensionOf
  const original = originalId ? await loadRound(originalId).catch(() => null) : null
  const base = {
    roundId: doc._id, title: round.title, chain: chainWords(round.confirmation),
    redoOf: doc.redoOf ? { roundId: doc.redoOf, title: original?.round.title ?? doc.redoOf } : null,
    extensionOf: doc.extensionOf ? { roundId: doc.extensionOf, title: original?.round.title ?? doc.extensionOf } : null,
  }
  if (!(await isFinal(doc))) {
    return { ...base, final: false, notice: '评议结束、结果封存后，认定结果才能确认；现在触发的规则均为拟认定', verdicts: [], redo: { targetIds: [], roundId: doc.redoRoundId ?? null, mayStart: false }, extensions: [] }
  }
  const [figures, steps] = await Promise.all([roundFigures(doc, now), roundSteps(doc._id)])
  const fired = shown.flatMap((t) => (figures.byTarget.get(t.id)?.result.verdicts.verdicts ?? []).map((v) => ({ t, v })))
  const verdicts: VerdictItem[] = fired.map(({ t, v }) => {
    const history = stepsOf(steps, t.id, v.ruleId)
    // What the core would accept from this caller now (a placeholder reason: the page asks for the real one).
    const may = Actions.options.filter((a) => {
      const step = stepBy(auth, t, a, openid, now, '理由')
      return step !== null && takeVerdictStep(round.confirmation, history, step).ok
    })
    return {
      targetId: t.id, targetName: t.name, unitName: String(unitNameOf(auth.units, t.unitId)), ruleId: v.ruleId, ruleName: v.ruleName,
      effects: v.effects.map(effectLabel), explanation: v.explanation, standing: v.standing!, seen: history.length, may,
    }
  })
  const targetIds = [...new Set(fired.filter(({ v }) => v.standing?.binding && v.effects.some((e) => e.kind === 'redo')).map(({ t }) => t.id))]
  return {
    ...base, final: true, notice: null, verdicts,
    redo: { targetIds, roundId: doc.redoRoundId ?? null, mayStart: targetIds.length > 0 && !doc.redoRoundId && auth.covers(MANAGE, doc.ownerUnitId) },
    extensions: await extensionsOf(doc, figures, shown),
  }
}

export async function roundVerdicts(auth: Authority, roundId: string, { caller, now }: HandlerContext): Promise<RoundVerdicts> {
  const { doc, shown } = await verdictRound(auth, roundId)
  return view(auth, doc, shown, caller.openid, now)
}

const sameStep = (a: VerdictStep | undefined, b: VerdictStep) => a !== undefined && a.actorId === b.actorId && a.action === b.action && a.reason === b.reason

export async function stepVerdict(
  auth: Authority,
  input: { roundId: string; targetId: string; ruleId: string; action: VerdictAction; seen: number; reason?: string },
  { caller, now }: HandlerContext,
): Promise<RoundVerdicts> {
  const { doc, shown } = await verdictRound(auth, input.roundId)
  const target = shown.find((t) => t.id === input.targetId)
  if (!target) {
    // Told only to someone who could take this step on a target of the round, so a made-up id probes nothing.
    if (!doc.round.targets.some((t) => stepBy(auth, t, input.action, caller.openid, now, null))) throw forbidden()
    refuse(domainError('TARGET_NOT_IN_ROUND'))
  }
  // The wrong people are refused before anything about the verdict is told (the target's own unit's organisers among them).
  const step = stepBy(auth, target, input.action, caller.openid, now, input.reason?.trim() || null)
  if (!step) throw forbidden()
  if (!(await isFinal(doc))) refuse(domainError('VERDICT_NOT_FINAL'))
  const figures = await roundFigures(doc, now)
  const verdict = figures.byTarget.get(target.id)?.result.verdicts.verdicts.find((v) => v.ruleId === input.ruleId) ?? refuse(domainError('VERDICT_NOT_FOUND'))
  const history = stepsOf(await roundSteps(doc._id), target.id, verdict.ruleId)
  // Extensions are made from the figures with this step in them (or, on a replay, already in them).
  const settled = async () => {
    await ensureExtensions(doc, await roundFigures(doc, now), caller.openid, now)
    return view(auth, doc, shown, caller.openid, now)
  }
  // A replay of a step already taken answers as the first did; any other stale read is refused.
  if (input.seen !== history.length) {
    if (sameStep(history[input.seen], step)) return settled()
    refuse(domainError('VERDICT_CHANGED'))
  }
  orRefuse(takeVerdictStep(doc.round.confirmation, history, step))
  if (!(await appendStep(doc._id, target.id, verdict.ruleId, history.length, step))) {
    const winner = stepsOf(await roundSteps(doc._id), target.id, verdict.ruleId)[history.length]
    if (!sameStep(winner, step)) refuse(domainError('VERDICT_CHANGED'))
    return settled()
  }
  await audit(caller.openid, {
    action: 'verdictStep', subject: `${doc._id}/${target.id}`, unitId: target.unitId,
    before: { targetId: target.id, ruleId: verdict.ruleId, state: verdict.standing?.state },
    after: { targetId: target.id, ruleId: verdict.ruleId, ruleName: verdict.ruleName, action: step.action, as: step.as, role: step.role, unitId: step.unitId, reason: step.reason },
  }, now)
  return settled()
}

/**
 * Claims the original's one redo round id with a conditional write, then creates the round: two
 * organisers at once make one round, and a retry after a half-done start completes it.
 */
export async function startRedoRound(auth: Authority, input: { roundId: string; title: string; window: Round['window'] }, ctx: HandlerContext): Promise<{ roundId: string }> {
  const { doc, shown } = await verdictRound(auth, input.roundId)
  if (!auth.covers(MANAGE, doc.ownerUnitId)) throw forbidden()
  const { redo } = await view(auth, doc, shown, ctx.caller.openid, ctx.now)
  if (redo.targetIds.length === 0) refuse(domainError('REDO_NOT_CONFIRMED'))
  const _ = database().command
  if (!doc.redoRoundId) {
    await database().collection('rounds').where({ _id: doc._id, redoRoundId: _.exists(false) }).update({ redoRoundId: `r${randomBytes(5).toString('hex')}`, version: _.inc(1) })
  }
  const id = (await loadRound(doc._id)).redoRoundId as string
  if ((await database().collection('rounds').doc(id).get()).data[0]) return { roundId: id }
  const failing = doc.round.targets.filter((t) => redo.targetIds.includes(t.id))
  // Not inserted: the other of two starters did it first (and audited it).
  const inserted = await insertFollowUp(doc, { id, title: input.title, window: input.window, targets: failing }, { redoOf: doc._id })
  if (inserted) await audit(ctx.caller.openid, { action: 'startRedoRound', subject: id, unitId: doc.ownerUnitId, before: { from: doc._id }, after: { title: input.title, targetIds: redo.targetIds } }, ctx.now)
  return { roundId: id }
}
