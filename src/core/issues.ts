/** @module issues — what still blocks opening a round, in the organiser's words. */
import { templateItems } from './ballotTemplate'
import type { Round } from './round'
import { inShanghai, type Instant } from './time'

export const BLOCKER_MESSAGES = {
  NO_TARGETS: '尚未添加评议对象',
  NO_ITEMS: '评议表没有评议内容',
  NO_CATEGORIES: '尚未设置参评人员类别',
  CATEGORY_WITHOUT_SCOPE: '参评人员类别未设置评议范围',
  SUBSET_EMPTY: '参评人员类别选择了“指定对象”,但没有指定任何对象',
  SUBSET_UNKNOWN_TARGET: '参评人员类别指定的对象不在本轮评议中',
  GROUP_SCOPE_WITHOUT_GROUP: '参评人员类别按组评议，但有评议对象所在单位未编入任何组',
  ROSTER_EMPTY: '参评人员类别仅限名单内人员，但名单为空',
  ROSTER_NOT_APPROVED: '参评人员名单尚未经督导组审定',
  REPORT_MISSING: '尚未提交情况报告',
  REPORT_UNAPPROVED: '的情况报告尚未审核通过',
  QUOTA_UNKNOWN_CATEGORY: '参评人员比例要求引用了不存在的类别',
  WEIGHT_UNKNOWN_CATEGORY: '加权计分引用了不存在的参评人员类别',
  WEIGHT_CATEGORY_MISSING: '加权计分未包含全部参评人员类别',
  WINDOW_END_BEFORE_START: '评议结束时间早于或等于开始时间',
  WINDOW_END_IN_PAST: '评议结束时间已经过去',
} as const

export type BlockerCode = keyof typeof BLOCKER_MESSAGES

export interface Blocker {
  code: BlockerCode
  message: string
  /** The category, target (or other record) the blocker is about, when there is one. */
  subjectId?: string
}

function blocker(code: BlockerCode, subject?: { id: string; name: string }): Blocker {
  return subject
    ? { code, message: `「${subject.name}」${BLOCKER_MESSAGES[code]}`, subjectId: subject.id }
    : { code, message: BLOCKER_MESSAGES[code] }
}

function categoryBlockers(round: Round, rosterSizes: Readonly<Record<string, number>>): Blocker[] {
  const targetIds = new Set(round.targets.map((t) => t.id))
  const categoryIds = new Set(round.categories.map((c) => c.id))
  const grouped = new Set(round.groups.flatMap((g) => g.unitIds))
  return round.categories.flatMap((c) => {
    const found: Blocker[] = []
    if (!c.scope) found.push(blocker('CATEGORY_WITHOUT_SCOPE', c))
    else if (c.scope.kind === 'subset' && c.scope.targetIds.length === 0) found.push(blocker('SUBSET_EMPTY', c))
    else if (c.scope.kind === 'subset' && c.scope.targetIds.some((id) => !targetIds.has(id))) found.push(blocker('SUBSET_UNKNOWN_TARGET', c))
    else if (c.scope.kind === 'group' && round.targets.some((t) => !grouped.has(t.unitId))) found.push(blocker('GROUP_SCOPE_WITHOUT_GROUP', c))
    if (c.access === 'roster' && !(rosterSizes[c.id] ?? 0)) found.push(blocker('ROSTER_EMPTY', c))
    if (c.quota?.of?.some((id) => !categoryIds.has(id))) found.push(blocker('QUOTA_UNKNOWN_CATEGORY', c))
    return found
  })
}

function aggregationBlockers(round: Round): Blocker[] {
  if (round.aggregation.mode === 'pooled') return []
  const weighted = round.aggregation.parts.flatMap((p) => p.categoryIds)
  const known = new Set(round.categories.map((c) => c.id))
  return [
    ...(weighted.some((id) => !known.has(id)) ? [blocker('WEIGHT_UNKNOWN_CATEGORY')] : []),
    ...round.categories.filter((c) => !weighted.includes(c.id)).map((c) => blocker('WEIGHT_CATEGORY_MISSING', c)),
  ]
}

function windowBlockers(round: Round, now: Instant): Blocker[] {
  const opens = inShanghai(round.window.opensAt)
  const closes = inShanghai(round.window.closesAt)
  if (!closes.isAfter(opens)) return [blocker('WINDOW_END_BEFORE_START')]
  return closes.isAfter(inShanghai(now)) ? [] : [blocker('WINDOW_END_IN_PAST')]
}

/** Where the procedure asks for it, the supervisors' approvals: the roster as a whole, each target's report by name. */
function approvalBlockers(round: Round, context: ReadinessContext): Blocker[] {
  const reports = context.reports ?? {}
  const hasRoster = round.categories.some((c) => c.access === 'roster')
  return [
    ...(round.approvals.roster && hasRoster && context.rosterApproved !== true ? [blocker('ROSTER_NOT_APPROVED')] : []),
    ...(round.approvals.reports
      ? round.targets.flatMap((t) => {
          const report = Object.hasOwn(reports, t.id) ? reports[t.id] : undefined
          if (!report?.text.trim()) return [blocker('REPORT_MISSING', t)]
          return report.approved ? [] : [blocker('REPORT_UNAPPROVED', t)]
        })
      : []),
  ]
}

export interface ReadinessContext {
  now: Instant
  /** Per category id, the codes' places (invites approved). */
  rosterSizes?: Readonly<Record<string, number>>
  /** Whether the supervisors approved the roster as it stands now. */
  rosterApproved?: boolean
  /** Each target's self-report, by target id. */
  reports?: Readonly<Record<string, { text: string; approved: boolean }>>
}

/** Empty when the round may open. */
export function issuesBeforeOpen(round: Round, context: ReadinessContext): Blocker[] {
  return [
    ...(round.targets.length === 0 ? [blocker('NO_TARGETS')] : []),
    ...(templateItems(round.template).length === 0 ? [blocker('NO_ITEMS')] : []),
    ...(round.categories.length === 0 ? [blocker('NO_CATEGORIES')] : []),
    ...categoryBlockers(round, context.rosterSizes ?? {}),
    ...aggregationBlockers(round),
    ...windowBlockers(round, context.now),
    ...approvalBlockers(round, context),
  ]
}
