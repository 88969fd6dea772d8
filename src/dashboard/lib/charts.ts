/**
 * @module Chart options built from the report's figures: which numbers go on which axis and in which
 * colour. No figure is computed here; percentages and thresholds come from the server as they are.
 */
import type { EChartOption } from 'taro-react-echarts'
import type { LevelClass } from '../../core/scale'
import type { Legend } from '../../api/report'

/** Read at a glance: greens for satisfied, red for dissatisfied, greys for the rest. */
export const CLASS_COLOURS: Record<LevelClass, string> = {
  'satisfied-full': '#237804',
  'satisfied-basic': '#95de64',
  neutral: '#bfbfbf',
  dissatisfied: '#cf1322',
  abstain: '#e8e8e8',
}

const CLASS_ORDER: LevelClass[] = ['satisfied-full', 'satisfied-basic', 'neutral', 'dissatisfied', 'abstain']

/** Text sizes on a canvas, which CSS (and so 关怀's larger --qp-fs-*) cannot reach. */
export interface ChartFont {
  size: number
  small: number
}

/** 关怀 enlarges page text by about 1.3 (32 → 42 rpx): the charts' text follows by the same factor. */
export const chartFont = (care: boolean): ChartFont => (care ? { size: 18, small: 16 } : { size: 14, small: 12 })

const axisLabel = (font: ChartFont) => ({ fontSize: font.size, color: '#1a1a1a' })
/** Long unit names are cut, the full name is in the list under the chart. */
const shortName = (name: string) => (name.length > 7 ? `${name.slice(0, 7)}…` : name)

const categoryAxis = (names: string[], font: ChartFont) => ({
  type: 'category' as const,
  inverse: true,
  data: names.map(shortName),
  axisLabel: axisLabel(font),
  axisTick: { show: false },
})

export interface NamedCounts {
  name: string
  counts: Record<LevelClass, number>
}

/** The scale's own label for a class (满意, 基本满意 …); a class the scale lacks is left out. */
function classLabels(legend: Legend): Map<LevelClass, string> {
  const labels = new Map<LevelClass, string>()
  for (const level of legend.levels) if (!labels.has(level.class)) labels.set(level.class, level.label)
  return labels
}

/** One stacked bar per target: how many ballots gave each level. */
export function distributionOption(rows: NamedCounts[], legend: Legend, font: ChartFont): EChartOption {
  const labels = classLabels(legend)
  const classes = CLASS_ORDER.filter((c) => labels.has(c))
  return {
    animation: false,
    legend: { top: 0, textStyle: { fontSize: font.size }, itemWidth: 18, itemHeight: 12 },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: axisLabel(font) },
    yAxis: categoryAxis(rows.map((r) => r.name), font),
    series: classes.map((c) => ({
      type: 'bar',
      stack: 'levels',
      name: labels.get(c),
      itemStyle: { color: CLASS_COLOURS[c] },
      barMaxWidth: 28,
      data: rows.map((r) => r.counts[c]),
    })),
  } as EChartOption
}

export interface Threshold {
  name: string
  percent: number
}

const thresholdLine = (thresholds: Threshold[], axis: 'xAxis' | 'yAxis', font: ChartFont) => ({
  silent: true,
  symbol: 'none',
  lineStyle: { color: '#a8071a', type: 'dashed', width: 2 },
  // Only the figure on the line, at its top (the category axis runs downwards); the rule's name is written under the chart.
  label: { formatter: '{b}', position: axis === 'xAxis' ? 'start' : 'end', fontSize: font.small, color: '#a8071a' },
  data: thresholds.map((t) => ({ name: `${t.percent}%`, [axis]: t.percent })),
})

/** Satisfaction per target as bars, each rule's threshold (2/3, 60 %) as a dashed line across them. */
export function satisfactionOption(rows: { name: string; percent: number | null }[], thresholds: Threshold[], font: ChartFont): EChartOption {
  // No rule on satisfaction (-Infinity): no bar is drawn as failing one.
  const top = Math.max(...thresholds.map((t) => t.percent))
  return {
    animation: false,
    grid: { left: 8, right: 48, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { ...axisLabel(font), formatter: '{value}%' } },
    yAxis: categoryAxis(rows.map((r) => r.name), font),
    series: [{
      type: 'bar',
      barMaxWidth: 28,
      label: { show: true, position: 'right', fontSize: font.size, formatter: (p: { value: number | null }) => (p.value === null ? '无' : `${p.value}%`) },
      // Red under any line, green above all of them: which side of the rules a unit is on, at a glance.
      data: rows.map((r) => ({ value: r.percent, itemStyle: { color: r.percent !== null && r.percent < top ? '#cf1322' : '#389e0d' } })),
      markLine: thresholdLine(thresholds, 'xAxis', font),
    }],
  } as unknown as EChartOption
}

/** Ballots cast against the procedure's expected count (000: 15 + 5 per unit). */
export function participationOption(rows: { name: string; ballots: number; expected: number | null }[], font: ChartFont): EChartOption {
  return {
    animation: false,
    legend: { top: 0, textStyle: { fontSize: font.size } },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: axisLabel(font) },
    yAxis: categoryAxis(rows.map((r) => r.name), font),
    series: [
      { type: 'bar', stack: 'p', name: '已参评', barMaxWidth: 28, itemStyle: { color: '#c8161d' }, data: rows.map((r) => r.ballots) },
      {
        type: 'bar', stack: 'p', name: '尚缺', barMaxWidth: 28, itemStyle: { color: '#f0f1f2', borderColor: '#c2c4cc' },
        data: rows.map((r) => (r.expected === null ? 0 : Math.max(0, r.expected - r.ballots))),
      },
    ],
  } as EChartOption
}

const FLAT_ROUNDS = 2

/** Satisfaction of one or several targets across rounds, oldest first, with the thresholds. */
export function trendOption(rounds: string[], lines: { name: string; percents: (number | null)[] }[], thresholds: Threshold[], font: ChartFont): EChartOption {
  return {
    animation: false,
    legend: { top: 0, textStyle: { fontSize: font.size }, type: 'scroll' },
    grid: { left: 8, right: 56, top: 40, bottom: 8, containLabel: true },
    // A phone's width holds two round names side by side; more are slanted, not printed over each other.
    xAxis: { type: 'category', data: rounds.map(shortName), axisLabel: { ...axisLabel(font), interval: 0, fontSize: font.small, rotate: rounds.length > FLAT_ROUNDS ? 40 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...axisLabel(font), formatter: '{value}%' } },
    series: lines.map((l, i) => ({
      type: 'line',
      name: l.name,
      connectNulls: true,
      symbolSize: 10,
      lineStyle: { width: 3 },
      label: { show: lines.length === 1, fontSize: font.size, formatter: '{c}%' },
      data: l.percents,
      ...(i === 0 ? { markLine: thresholdLine(thresholds, 'yAxis', font) } : {}),
    })),
  } as unknown as EChartOption
}
