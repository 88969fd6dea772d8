/** @module results — everything shown about one target, computed from its counters only. */
import { templateItems } from './ballotTemplate'
import { categoryCompliance, sampleStatus, type CategoryCompliance, type SampleStatus } from './compliance'
import { categoryCounters, type CategoryCounters, type Counters } from './counters'
import { headline, type Headline } from './headline'
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
  opinions: number
  /** provisional while the round is open or the minimum sample is not met. */
  status: 'provisional' | 'final'
  headline: Headline
  breakdown: Breakdown
  categories: CategoryResult[]
  /** Ballots per shared link; counts only, no ratings, so nothing to withhold. */
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
 * `received`: the ballots received so far when `counters` are a release that lags them; `live`:
 * figures that will move again, so categories are not broken down (see `release`).
 */
export function targetResult(round: Round, counters: Counters, options: { population?: number; received?: number; live?: boolean } = {}): TargetResult {
  const categoryBallots = Object.fromEntries(round.categories.map((c) => [c.id, categoryCounters(counters, c.id).ballots]))
  const hiddenCategories = suppressedBreakdowns(categoryBallots, round.kSuppression)
  const sample = sampleStatus(round, counters, options.population)
  const top = headline(round, counters)
  return {
    ballots: options.received ?? counters.ballots,
    counted: counters.ballots,
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
    channels: { ...counters.channels },
    sample,
    compliance: categoryCompliance(round, counters),
    verdicts: evaluateRules(round.rules, top, counters.ballots),
  }
}
