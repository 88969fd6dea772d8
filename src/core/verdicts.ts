/** @module verdicts — which rules fire on a target's headline, and on which numbers. */
import { compareFractions, describeFraction, toPercent, type Fraction } from './fraction'
import type { Headline } from './headline'
import type { Comparison, Condition, Effect, Metric, Rule } from './rule'
import { COMPARISON_LABELS, effectLabel, METRIC_LABELS, namesEffect } from './ruleLabels'
import type { VerdictStanding } from './verdictChain'

export interface Observation {
  metric: Metric
  comparison: Comparison
  value: Fraction
  threshold: Fraction
}

export interface Verdict {
  ruleId: string
  ruleName: string
  effects: Effect[]
  consequence: string
  observations: Observation[]
  /** Chinese: the numbers, the rule, the consequence. */
  explanation: string
  /** 拟认定 / 已认定 / 不予认定 and by whom: added where results are served, never stored with them. */
  standing?: VerdictStanding
}

export interface VerdictReport {
  verdicts: Verdict[]
  /**
   * Why no rule can be judged (which is not the same as none firing), in Chinese; null once they
   * were judged. A weighted composite names the part that has no valid ballot yet.
   */
  undetermined: string | null
}

/**
 * The true reason a headline has no satisfaction rate: no ballots, ballots received but not shown
 * (`withheld`, its cause), only abstentions, a part withheld under k, or an empty part.
 */
function whyUndetermined(headline: Headline, ballots: number, withheld: string | null): string {
  if (ballots === 0) return withheld ?? '暂无评价'
  if (headline.basis === 'pooled') return '所有评价均为“不了解”，暂不能得出结论'
  if (headline.withheld) {
    const thin = headline.withheld.parts.map((name) => `「${name}」`).join('、')
    return `${thin}评价不足 ${headline.withheld.k} 份，为保护参评人员匿名，各部分及按权重计算的总体结果暂不显示，不能按规则认定`
  }
  const empty = headline.parts.filter((p) => p.summary.valid === 0)
  const parts = empty.map((p) => `「${p.name}」${p.summary.answers === 0 ? '尚无评价' : '的评价均为“不了解”'}`).join('，')
  return `${parts}，按权重计算的总体结果暂不能得出，不能按规则认定`
}

/** Rates keep their raw counts (9/15, not 3/5) so the explanation shows the tally itself. */
function metricValue(headline: Headline, metric: Metric): Fraction | null {
  if (metric === 'mean-score') return headline.meanScore.exact
  const { num, den } = headline[metric]
  return den > 0 ? { num, den } : null
}

function holds(comparison: Comparison, value: Fraction, threshold: Fraction): boolean {
  const sign = compareFractions(value, threshold)
  switch (comparison) {
    case 'below': return sign < 0
    case 'at-most': return sign <= 0
    case 'over': return sign > 0
    case 'at-least': return sign >= 0
  }
}

function describe(o: Observation): string {
  const isScore = o.metric === 'mean-score'
  const value = isScore ? `${Math.round((o.value.num / o.value.den) * 10) / 10} 分` : describeFraction(o.value)
  const threshold = isScore
    ? `${Math.round((o.threshold.num / o.threshold.den) * 10) / 10} 分`
    : `${o.threshold.num}/${o.threshold.den}(${toPercent(o.threshold)}%)`
  return `${METRIC_LABELS[o.metric]}${value}${COMPARISON_LABELS[o.comparison]}${threshold}`
}

function observe(headline: Headline, condition: Condition): Observation | null {
  const value = metricValue(headline, condition.metric)
  return value && { ...condition, value }
}

/**
 * The effects the consequence does not name itself, as labels before it. The procedures' own
 * sentences name them all (repeating the labels read "年度考核为基本称职。其党组织书记年度考核为基本称职。");
 * an organiser's own wording may not, and the effects must still show.
 */
function unnamedEffects(rule: Rule): string {
  const unnamed = rule.effects.filter((e) => !namesEffect(rule.consequence, e))
  return unnamed.length === 0 ? '' : `${unnamed.map(effectLabel).join('、')}。`
}

/**
 * `ballots`: every ballot behind the headline, abstentions included; `withheld`: when there are none
 * but ballots were received, why they are not shown.
 */
export function evaluateRules(rules: readonly Rule[], headline: Headline, ballots: number, withheld: string | null = null): VerdictReport {
  if (headline.satisfaction.exact === null) return { verdicts: [], undetermined: whyUndetermined(headline, ballots, withheld) }
  const verdicts: Verdict[] = []
  for (const rule of rules) {
    const observations = rule.conditions.map((c) => observe(headline, c))
    if (!observations.every((o): o is Observation => o !== null && holds(o.comparison, o.value, o.threshold))) continue
    verdicts.push({
      ruleId: rule.id,
      ruleName: rule.name,
      effects: rule.effects,
      consequence: rule.consequence,
      observations,
      explanation: `${observations.map(describe).join('，且')}，触发规则「${rule.name}」：${unnamedEffects(rule)}${rule.consequence}`,
    })
  }
  return { verdicts, undetermined: null }
}
