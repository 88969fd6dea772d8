/** The dashboard's charts say the right thing: which bars fail a rule, which levels are stacked, what falls short. */
import type { Legend } from '../../src/api/report'
import { chartFont, distributionOption, participationOption, satisfactionOption, trendOption } from '../../src/dashboard/lib/charts'
import { countsByClass } from '../../src/dashboard/lib/levels'

type Bar = { value: number | null; itemStyle: { color: string } }
type Series = { name?: string; data: unknown[]; markLine?: { data: { xAxis: number }[] } }
const font = chartFont(false)
const series = (option: object) => (option as { series: Series[] }).series

const legend: Legend = {
  levels: [
    { id: 'good', label: '好', class: 'satisfied-full', score: 100 },
    { id: 'fair', label: '一般', class: 'satisfied-basic', score: 60 },
    { id: 'fair2', label: '较好', class: 'satisfied-basic', score: 80 },
    { id: 'poor', label: '差', class: 'dissatisfied', score: 0 },
  ],
  overallLabel: '总体评价',
  sections: [],
  categories: [],
  thresholds: [],
}

test('a unit under any rule line is drawn red, one above all lines green, and each line sits at its threshold', () => {
  const option = satisfactionOption(
    [{ name: '甲', percent: 90 }, { name: '乙', percent: 62 }, { name: '丙', percent: 50 }, { name: '丁', percent: null }],
    [{ name: '低于2/3', percent: 66.7 }, { name: '低于60%', percent: 60 }],
    font,
  )
  const [bars] = series(option)
  expect((bars!.data as Bar[]).map((b) => b.itemStyle.color)).toEqual(['#389e0d', '#cf1322', '#cf1322', '#389e0d'])
  expect(bars!.markLine!.data.map((d) => d.xAxis)).toEqual([66.7, 60])
})

test('with no rule on satisfaction no bar is drawn as failing', () => {
  const [bars] = series(satisfactionOption([{ name: '甲', percent: 10 }], [], font))
  expect((bars!.data as Bar[])[0]!.itemStyle.color).toBe('#389e0d')
})

test('the stacked distribution names levels as the scale does and leaves out classes the scale lacks', () => {
  const counts = countsByClass([
    { levelId: 'good', label: '好', class: 'satisfied-full', count: 5 },
    { levelId: 'fair', label: '一般', class: 'satisfied-basic', count: 2 },
    { levelId: 'fair2', label: '较好', class: 'satisfied-basic', count: 1 },
    { levelId: 'poor', label: '差', class: 'dissatisfied', count: 4 },
  ])
  const stacked = series(distributionOption([{ name: '第一支部', counts }], legend, font))
  expect(stacked.map((s) => s.name)).toEqual(['好', '一般', '差'])
  expect(stacked.map((s) => s.data[0])).toEqual([5, 3, 4])
})

test('participation shows what is still missing toward the expected count, never a negative', () => {
  const [cast, missing] = series(participationOption([
    { name: '甲', ballots: 12, expected: 20 },
    { name: '乙', ballots: 25, expected: 20 },
    { name: '丙', ballots: 7, expected: null },
  ], font))
  expect(cast!.data).toEqual([12, 25, 7])
  expect(missing!.data).toEqual([8, 0, 0])
})

test('in 关怀 every text on a chart grows with the page text (about 1.3×): axes, bar labels, legend and the rule lines', () => {
  const sizes = (care: boolean) => {
    const option = trendOption(['第一次', '第二次'], [{ name: '甲', percents: [70, 60] }], [{ name: '低于2/3', percent: 66.7 }], chartFont(care))
    return [...JSON.stringify(option).matchAll(/"fontSize":(\d+)/g)].map((m) => Number(m[1]))
  }
  const normal = sizes(false)
  const care = sizes(true)
  expect(normal.length).toBeGreaterThanOrEqual(4)
  expect(care).toHaveLength(normal.length)
  care.forEach((size, i) => expect(size / normal[i]!).toBeGreaterThanOrEqual(1.25))
})

test('the trend names two rounds flat; from three on the names are slanted, so long round titles never print over each other', () => {
  const rotation = (titles: string[]) => {
    const option = trendOption(titles, [{ name: '甲', percents: titles.map(() => 70) }], [], chartFont(false)) as unknown as { xAxis: { data: string[]; axisLabel: { rotate: number } } }
    return option.xAxis
  }
  expect(rotation(['第一次', '第二次']).axisLabel.rotate).toBe(0)
  expect(rotation(['看板测试评议', '2026年幸福社区评议', '两评一树测评']).axisLabel.rotate).toBeGreaterThan(0)
  const five = rotation(['看板测试评议', '2026年幸福社区评议', '2026年第一季度评议', '三评一联测评', '两评一树测评（第二轮）'])
  expect(five.axisLabel.rotate).toBeGreaterThan(0)
  expect(five.data.every((name) => name.length <= 8)).toBe(true)
})
