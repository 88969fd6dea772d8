/**
 * @module ruleLabels — rule parts in Chinese. Kept apart from the schemas (and zod) so the
 * organiser subpackage can show them without loading the validation code.
 */
import type { Comparison, Effect, Metric } from './rule'

export const METRIC_LABELS: Record<Metric, string> = {
  satisfaction: '满意率',
  good: '好评率',
  dissatisfied: '不满意率',
  'mean-score': '平均分',
}

export const COMPARISON_LABELS: Record<Comparison, string> = {
  below: '低于',
  'at-most': '不高于',
  over: '超过',
  'at-least': '不低于',
}

export function effectLabel(effect: Effect): string {
  switch (effect.kind) {
    case 'redo': return '返工补课'
    case 'rectify': return '限期整改'
    case 'warning-talk': return '诫勉谈话'
    case 'criticism': return '通报批评'
    case 'no-awards': return '本年度不得评先评优'
    case 'annual-rating': return `年度考核为${effect.rating}`
    case 'extend-round': return `评议活动延期${effect.months}个月`
  }
}

/** Words by which a consequence written out by hand names the effect (000 writes 返工、补课 apart). */
function effectWords(effect: Effect): string[] {
  switch (effect.kind) {
    case 'redo': return ['返工', '补课']
    case 'rectify': return ['整改']
    case 'warning-talk': return ['诫勉']
    case 'criticism': return ['通报批评']
    case 'no-awards': return ['评先', '评优']
    case 'annual-rating': return [effect.rating]
    case 'extend-round': return [`延期${effect.months}个月`]
  }
}

export const namesEffect = (text: string, effect: Effect): boolean => effectWords(effect).some((w) => text.includes(w))
