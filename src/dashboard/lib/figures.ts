/** @module How a rate and a count read on the dashboard: display only, the figures are the server's. */
import type { Rate } from '../../core/rate'
import type { Legend } from '../../api/report'
import type { Threshold } from './charts'

/** "72.5%", or 暂无 when nothing was counted (0/0 is no rate, not 0 %). */
export const showRate = (r: Rate) => (r.percent === null ? '暂无' : `${r.percent}%`)

/** The Wilson interval in words a leader reads: 区间 64.1%–79.3%. */
export const showInterval = (r: Rate) =>
  r.interval ? `95% 可信区间 ${(r.interval.low * 100).toFixed(1)}%–${(r.interval.high * 100).toFixed(1)}%` : ''

export const showCount = (ballots: number, expected: number | null) => (expected ? `${ballots} / ${expected} 份` : `${ballots} 份`)

/** The rules' thresholds on satisfaction, for the dashed lines over the satisfaction bars. */
export const satisfactionThresholds = (legend: Legend): Threshold[] =>
  legend.thresholds.filter((t) => t.metric === 'satisfaction').map((t) => ({ name: t.ruleName, percent: t.percent }))
