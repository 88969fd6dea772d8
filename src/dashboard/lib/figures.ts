/** @module How a rate and a count read on the dashboard: display only, the figures are the server's. */
import type { Rate } from '../../core/rate'
import type { Legend } from '../../api/report'
import { SUBTOTAL_NAMES } from '../../core/channelWords'
import type { Participation } from '../../core/participation'
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

/** 网上 12 票 · 纸质票 10 票 · 合计 22 票: how the ballots came in, kinds with none left out, the total last. */
export const showSubtotals = (p: Participation) =>
  [...p.subtotals.filter((s) => s.ballots > 0).map((s) => `${SUBTOTAL_NAMES[s.kind]} ${s.ballots} 票`), `合计 ${p.ballots} 票`].join(' · ')

/** 废票 1 张、空白票 2 张（不计入满意率）, or nothing when there were none. */
export function showUnusable(p: Participation): string {
  const spoiled = p.targets.reduce((n, t) => n + t.spoiled, 0)
  const blank = p.targets.reduce((n, t) => n + t.blank, 0)
  return spoiled + blank === 0 ? '' : `废票 ${spoiled} 张、空白票 ${blank} 张（纸质票，不计入票数和满意率）`
}
