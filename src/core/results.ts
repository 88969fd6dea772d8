/** @module results — everything shown about one target, computed from its counters only. */
import { templateItems } from './ballotTemplate'
import { categoryCompliance, sampleStatus, type CategoryCompliance, type SampleStatus } from './compliance'
import { categoryCounters, type CategoryCounters, type Counters } from './counters'
import { headline, type Headline } from './headline'
import type { Hold } from './release'
import type { Round } from './round'
import { addTallies, summarise, type Summary } from './summary'
import { suppressedBreakdowns } from './suppression'
import { evaluateRules, type VerdictReport } from './verdicts'

export interface Breakdown {
  overall: Summary
  items: Record<string, Summary>
  sections: Record<string, Summary>
}

export type CategoryResult =
  | ({ categoryId: string; suppressed: false; ballots: number } & Breakdown)
  | { categoryId: string; suppressed: true; reason: string }

export interface TargetResult {
  /** Ballots received: a count of participation, live. */
  ballots: number
  /** Ballots the figures rest on (a release while the round is open, see `release`): 0 or at least k. */
  counted: number
  /** Chinese: why ballots received are not (all) in the figures, by its true cause; null when they are. */
  pending: string | null
  opinions: number
  /** provisional while the round is open or the minimum sample is not met. */
  status: 'provisional' | 'final'
  headline: Headline
  breakdown: Breakdown
  categories: CategoryResult[]
  /** Ballots per shared link, of those received: counts of participation, no ratings, so nothing to withhold. */
  channels: Record<string, number>
  sample: SampleStatus
  compliance: CategoryCompliance[]
  verdicts: VerdictReport
}

/** Sections pool their items' answers: a section's rate is over all its answers. */
function breakdownOf(round: Round, tallies: Pick<CategoryCounters, 'overall' | 'items'>): Breakdown {
  const { scale, sections } = round.template
  const items: Record<string, Summary> = {}
  for (const item of templateItems(round.template)) items[item.id] = summarise(tallies.items[item.id] ?? {}, scale)
  const bySection: Record<string, Summary> = {}
  for (const section of sections) {
    bySection[section.id] = summarise(addTallies(section.items.map((i) => tallies.items[i.id] ?? {})), scale)
  }
  return { overall: summarise(tallies.overall, scale), items, sections: bySection }
}

function withheld(round: Round): string {
  return `为保护参评人员匿名，不足 ${round.kSuppression} 份的分类结果不予显示`
}

/** Two live releases differ by k ballots in all, but a category's share of them may be one ballot. */
export const LIVE_CATEGORIES = '为保护参评人员匿名，评议进行中不按类别显示结果，评议结束后显示'

/**
 * The shown figures that add categories up besides the whole: each weighted part, and the categories
 * in no part (the whole minus the parts). Their hidden categories must hold 0 or k ballots too.
 */
function categoryTotals(round: Round): string[][] {
  if (round.aggregation.mode === 'pooled') return []
  const parts = round.aggregation.parts.map((p) => [...p.categoryIds])
  const rest = round.categories.map((c) => c.id).filter((id) => !parts.some((p) => p.includes(id)))
  return [...parts, rest]
}

/** Received ballots not in the figures: said by why, in the two forms a page needs (no figures yet, or figures behind). */
function pendingText(hold: Hold, k: number, received: number, counted: number): string {
  if (counted === 0) {
    switch (hold) {
      case 'too-few': return `只收到 ${received} 份评价，不足 ${k} 份，为保护参评人员匿名不显示结果`
      case 'closing': return `已收到 ${received} 份评价，评议已结束，正在封存结果`
      case 'last-stretch': return `已收到 ${received} 份评价；临近评议结束，结果暂停更新，评议结束后显示`
      case 'nearly-all-in': return `已收到 ${received} 份评价；应收评价剩余不足 ${k} 份，为保护参评人员匿名，评议结束后显示结果`
      case 'under-k': return `已收到 ${received} 份评价，满 ${2 * k} 份后显示结果`
      case 'parts': return `已收到 ${received} 份评价；为保护参评人员匿名，有一部分满 ${2 * k} 份后显示结果`
      case 'due': return `已收到 ${received} 份评价，结果即将显示`
    }
  }
  const lead = `以上结果含 ${counted} 份评价；其余 ${received - counted} 份`
  switch (hold) {
    case 'too-few':
    case 'closing': return `${lead}，封存结果时一并计入`
    case 'last-stretch': return `${lead}，因临近评议结束暂停更新，评议结束后一并计入`
    case 'nearly-all-in': return `${lead}，因应收评价剩余不足 ${k} 份，评议结束后一并计入`
    case 'under-k': return `${lead}暂不计入：为保护参评人员匿名，结果始终留出至少 ${k} 份，其余满 ${2 * k} 份时更新`
    case 'parts': return `${lead}暂不计入：为保护参评人员匿名，结果始终留出至少 ${k} 份，有一部分的其余评价满 ${2 * k} 份时更新`
    case 'due': return `${lead}，即将计入`
  }
}

/**
 * `counters`: the ballots the figures rest on (a release while open, see `release`); `received`:
 * every ballot received so far, whose counts (sample, compliance) are live; `hold`: why the two
 * differ (see `heldBack`); `live`: figures that will move again, so categories are not broken down.
 */
export function targetResult(round: Round, targetId: string, counters: Counters, options: { population?: number; received?: Counters; hold?: Hold | null; live?: boolean } = {}): TargetResult {
  const received = options.received ?? counters
  const categoryBallots = Object.fromEntries(round.categories.map((c) => [c.id, categoryCounters(counters, c.id).ballots]))
  const hiddenCategories = suppressedBreakdowns(categoryBallots, round.kSuppression, categoryTotals(round))
  const sample = sampleStatus(round, received, options.population)
  const top = headline(round, counters)
  const pending = options.hold ? pendingText(options.hold, round.kSuppression, received.ballots, counters.ballots) : null
  return {
    ballots: received.ballots,
    counted: counters.ballots,
    pending,
    opinions: counters.opinions,
    status: round.state === 'draft' || round.state === 'open' || !sample.met ? 'provisional' : 'final',
    headline: top,
    breakdown: breakdownOf(round, counters),
    categories: round.categories.map((c): CategoryResult => {
      if (options.live) return { categoryId: c.id, suppressed: true, reason: LIVE_CATEGORIES }
      if (hiddenCategories.has(c.id)) return { categoryId: c.id, suppressed: true, reason: withheld(round) }
      const tallies = categoryCounters(counters, c.id)
      return { categoryId: c.id, suppressed: false, ballots: tallies.ballots, ...breakdownOf(round, tallies) }
    }),
    channels: { ...received.channels },
    sample,
    compliance: categoryCompliance(round, targetId, received),
    verdicts: evaluateRules(round.rules, top, counters.ballots, counters.ballots === 0 ? pending : null),
  }
}
