/**
 * @module verdictChain — a fired rule is a proposed verdict (拟认定) until the people its procedure
 * names confirm it (seed 000: 经督导组综合分析，报区教育实践活动办公室同意). The chain a template
 * declares, who may take each step, and a verdict's standing replayed from its append-only steps.
 */
import { z } from 'zod'
import { fail, succeed, type Result } from './errors'
import { ancestorsOf, type OrgUnit } from './org'
import type { Effect } from './rule'
import { effectLabel } from './ruleLabels'
import { RECTIFYING } from './rectification'
import { addMonthsShanghai, inShanghai } from './time'

/**
 * supervisor: the supervising group (督导组), organisers of the unit above the target, never its
 * own unit; office: the office above (活动办), a leader or organiser one level further up.
 */
export const Capacity = z.enum(['supervisor', 'office'])
export type Capacity = z.infer<typeof Capacity>

/** The steps in order: none (a rule decides alone), the supervisors, or the supervisors then the office. */
export const Confirmation = z.union([z.tuple([]), z.tuple([z.literal('supervisor')]), z.tuple([z.literal('supervisor'), z.literal('office')])])
export type Confirmation = z.infer<typeof Confirmation>
/** No seed lets a threshold bring 整改, 诫勉 or a rating alone: the supervising group confirms unless a template says more. */
export const DEFAULT_CONFIRMATION: Confirmation = ['supervisor']

export const VerdictAction = z.enum(['confirm', 'set-aside', 'approve', 'return'])
export type VerdictAction = z.infer<typeof VerdictAction>

export const StepRole = z.enum(['admin', 'organizer', 'leader'])
export type StepRole = z.infer<typeof StepRole>

/** A role grant: held in a unit's subtree, or over the whole tree (null). */
export interface HeldRole {
  role: string
  unitId: string | null
}

/** One step as stored. `actorId` only tells two people apart (the office never approves its own confirmation); views show role and unit. */
export interface VerdictStep {
  action: VerdictAction
  as: Capacity
  actorId: string
  role: StepRole
  unitId: string | null
  unitName: string
  at: string
  reason: string | null
}

export type VerdictState = 'proposed' | 'awaiting-approval' | 'confirmed' | 'set-aside'

export const STANDING_LABELS: Record<VerdictState, '拟认定' | '已认定' | '不予认定'> = {
  proposed: '拟认定',
  'awaiting-approval': '拟认定',
  confirmed: '已认定',
  'set-aside': '不予认定',
}

const ROLE_LABELS: Record<StepRole, string> = { admin: '管理员', organizer: '组织员', leader: '领导' }
const CAPACITY_LABELS: Record<Capacity, string> = { supervisor: '督导组', office: '上级' }

/** A verdict's standing as every view shows it: by role and unit, never a name. */
export interface VerdictStanding {
  state: VerdictState
  label: '拟认定' | '已认定' | '不予认定'
  /** Who acts next; null once settled or when nothing needs confirming. */
  next: Capacity | null
  /** Why it was set aside, or why the office last returned it. */
  reason: string | null
  steps: { action: VerdictAction; as: Capacity; role: string; unitName: string; at: string; reason: string | null }[]
  /** The consequences apply: confirmed through the whole chain. */
  binding: boolean
  /** A confirmed extend-round effect: the end of the target's extended window. */
  extendedUntil: string | null
  /** One Chinese sentence: the standing and who confirmed it. */
  words: string
}

const MOVES: Record<VerdictAction, { by: Capacity; from: VerdictState; needsReason: boolean }> = {
  confirm: { by: 'supervisor', from: 'proposed', needsReason: false },
  'set-aside': { by: 'supervisor', from: 'proposed', needsReason: true },
  approve: { by: 'office', from: 'awaiting-approval', needsReason: false },
  return: { by: 'office', from: 'awaiting-approval', needsReason: true },
}

/** Who takes an action: confirming and setting aside are the supervisors', approving and returning the office's. */
export const actedAs = (action: VerdictAction): Capacity => MOVES[action].by

/** The chain in words, for the pages. */
export function chainWords(chain: Confirmation): string {
  return ['按规则直接认定，无需确认', '由督导组（上级单位组织员）确认或不予认定', '由督导组（上级单位组织员）确认后，报再上一级（领导或组织员）批准'][chain.length] as string
}

function landing(chain: Confirmation, action: VerdictAction): VerdictState {
  switch (action) {
    case 'confirm': return chain.length === 2 ? 'awaiting-approval' : 'confirmed'
    case 'set-aside': return 'set-aside'
    case 'approve': return 'confirmed'
    case 'return': return 'proposed'
  }
}

/** The confirmation an approval would stand on: the office never approves its own. */
const lastConfirmation = (steps: readonly VerdictStep[]) => [...steps].reverse().find((s) => s.action === 'confirm')

function apply(chain: Confirmation, state: VerdictState, history: readonly VerdictStep[], step: VerdictStep): Result<VerdictState> {
  const move = MOVES[step.action]
  const previous = history[history.length - 1]
  if (previous && inShanghai(step.at).isBefore(inShanghai(previous.at))) return fail('VERDICT_STEP_OUT_OF_ORDER')
  if (chain.length === 0) return fail('VERDICT_NOTHING_TO_CONFIRM')
  if (move.from !== state) return fail('VERDICT_STEP_NOT_ALLOWED')
  if (step.as !== move.by) return fail('VERDICT_ACTOR_NOT_ALLOWED', `${step.action === 'approve' || step.action === 'return' ? '批准或退回须由上级作出' : '确认或不予认定须由督导组作出'}`)
  if (move.needsReason && !step.reason?.trim()) return fail('VERDICT_REASON_REQUIRED')
  if (step.action === 'approve' && lastConfirmation(history)?.actorId === step.actorId) return fail('VERDICT_SAME_PERSON')
  return succeed(landing(chain, step.action))
}

/** The state replayed from the history; a history no move allows is an error, never a state. */
export function verdictState(chain: Confirmation, steps: readonly VerdictStep[]): Result<VerdictState> {
  let state: VerdictState = chain.length === 0 ? 'confirmed' : 'proposed'
  for (let i = 0; i < steps.length; i++) {
    const next = apply(chain, state, steps.slice(0, i), steps[i] as VerdictStep)
    if (!next.ok) return next
    state = next.value
  }
  return succeed(state)
}

/** Appends a step when the state accepts it from that actor; the history is never rewritten. */
export function takeVerdictStep(chain: Confirmation, steps: readonly VerdictStep[], step: VerdictStep): Result<VerdictStep[]> {
  const current = verdictState(chain, steps)
  if (!current.ok) return current
  const next = apply(chain, current.value, steps, step)
  return next.ok ? succeed([...steps, step]) : next
}

const by = (s: { as: Capacity; role: string; unitName: string }) => `${CAPACITY_LABELS[s.as]}（${s.unitName}${s.role}）`

function words(state: VerdictState, chain: Confirmation, shown: VerdictStanding['steps'], reason: string | null): string {
  const last = shown[shown.length - 1]
  switch (state) {
    case 'proposed':
      return last?.action === 'return' ? `拟认定：${by(last)}退回，理由：${reason}；待督导组重新确认` : '拟认定：待督导组确认'
    case 'awaiting-approval': return `拟认定：${by(last!)}已确认，待上级批准`
    case 'confirmed': return chain.length === 0 ? '已认定（按规则认定）' : `已认定：${shown.filter((s) => s.action === 'confirm' || s.action === 'approve').slice(-chain.length).map((s) => `${by(s)}${s.action === 'confirm' ? '确认' : '批准'}`).join('，')}`
    case 'set-aside': return `不予认定：${by(last!)}，理由：${reason}`
  }
}

/**
 * The standing every view shows. `effects` and `closesAt` give the extended window of a confirmed
 * extend-round effect (004: 活动延期2个月). A history that does not replay (written around the
 * functions) binds nothing: it shows as proposed.
 */
export function verdictStanding(chain: Confirmation, steps: readonly VerdictStep[], effects: readonly Effect[], closesAt: string): VerdictStanding {
  const replayed = verdictState(chain, steps)
  const state = replayed.ok ? replayed.value : 'proposed'
  const shown = (replayed.ok ? steps : []).map((s) => ({ action: s.action, as: s.as, role: ROLE_LABELS[s.role], unitName: s.unitName, at: s.at, reason: s.reason }))
  const last = shown[shown.length - 1]
  const reason = last && (last.action === 'set-aside' || last.action === 'return') ? last.reason : null
  const extend = effects.find((e): e is Extract<Effect, { kind: 'extend-round' }> => e.kind === 'extend-round')
  const extendedUntil = state === 'confirmed' && extend ? addMonthsShanghai(closesAt, extend.months) : null
  const extension = extendedUntil ? `；${effectLabel(extend!)}，至${inShanghai(extendedUntil).format('YYYY年M月D日')}` : ''
  return {
    state,
    label: STANDING_LABELS[state],
    next: state === 'proposed' && chain.length > 0 ? 'supervisor' : state === 'awaiting-approval' ? 'office' : null,
    reason,
    steps: shown,
    binding: state === 'confirmed',
    extendedUntil,
    words: words(state, chain, shown, reason) + extension,
  }
}

/** Where each step's people sit: the unit above the target, and the one above that (null: the whole tree's holders). */
export function confirmingUnits(units: readonly OrgUnit[], targetUnitId: string): Record<Capacity, string | null> {
  const above = ancestorsOf(units, targetUnitId)
  return { supervisor: above[0]?.id ?? null, office: above[1]?.id ?? null }
}

const CAPACITY_ROLES: Record<Capacity, readonly StepRole[]> = { supervisor: ['admin', 'organizer'], office: ['admin', 'organizer', 'leader'] }

/**
 * The grant by which a person acts in `capacity` for a target of `targetUnitId`: one covering the
 * confirming unit, the nearest first (a whole-tree grant last); null when none does. A grant held
 * only in the target's own unit (or below the confirming unit) never covers it, and one who holds
 * any role in the target's unit or below it acts for it in no capacity, whatever else they hold:
 * nobody confirms or sets aside a verdict on their own unit.
 */
export function actingGrant(units: readonly OrgUnit[], roles: readonly HeldRole[], targetUnitId: string, capacity: Capacity): (HeldRole & { role: StepRole }) | null {
  const ownUnit = (r: HeldRole) => r.unitId !== null && (r.unitId === targetUnitId || ancestorsOf(units, r.unitId).some((u) => u.id === targetUnitId))
  if (roles.some(ownUnit)) return null
  const unitId = confirmingUnits(units, targetUnitId)[capacity]
  const chain = unitId === null ? [] : [unitId, ...ancestorsOf(units, unitId).map((u) => u.id)]
  const rank = (r: HeldRole) => (r.unitId === null ? chain.length : chain.indexOf(r.unitId))
  const fit = roles
    .filter((r): r is HeldRole & { role: StepRole } => (CAPACITY_ROLES[capacity] as readonly string[]).includes(r.role))
    .filter((r) => rank(r) >= 0)
  return fit.sort((a, b) => rank(a) - rank(b))[0] ?? null
}

export interface ConfirmedConsequence {
  ruleId: string
  ruleName: string
  /** Only 整改 / 返工 / 诫勉, in the rule's order. */
  effects: Effect[]
  /** The verdict's Chinese explanation (numbers, rule, consequence): the item's problem text to start from. */
  explanation: string
}

/**
 * For the ledger: of a target's verdicts in a round, those whose chain is complete (已认定) and
 * that bring 整改, 返工 or 诫勉, with the explanation to pre-fill the problem. A proposed or set-aside
 * verdict brings nothing.
 */
export function confirmedConsequences(
  verdicts: readonly { ruleId: string; ruleName: string; effects: readonly Effect[]; explanation: string; standing?: VerdictStanding }[],
): ConfirmedConsequence[] {
  return verdicts
    .filter((v) => v.standing?.binding === true)
    .map((v) => ({ ruleId: v.ruleId, ruleName: v.ruleName, effects: v.effects.filter((e) => RECTIFYING.has(e.kind)), explanation: v.explanation }))
    .filter((c) => c.effects.length > 0)
}
