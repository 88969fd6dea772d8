/** A round's three charts: satisfaction against the rules' lines, the level distribution, participation toward the expected counts. */
import { Text, View } from '@tarojs/components'
import type { RoundResults } from '../../api/report'
import { distributionOption, participationOption, satisfactionOption } from '../lib/charts'
import { satisfactionThresholds } from '../lib/figures'
import Chart from './Chart'

export default function RoundCharts({ data }: { data: RoundResults }) {
  const { legend, targets } = data
  const thresholds = satisfactionThresholds(legend)
  const rows = targets.map((t) => ({ name: t.name, percent: t.result.headline.satisfaction.percent }))
  return (
    <View className='qp-card'>
      <Chart title='各评议对象满意率' option={(f) => satisfactionOption(rows, thresholds, f)} rows={rows.length} />
      {thresholds.length > 0 && <Text className='qp-muted'>{`虚线为认定标准：${thresholds.map((t) => `${t.name} ${t.percent}%`).join('，')}`}</Text>}
      <Chart
        title='评价等次分布'
        option={(f) => distributionOption(targets.map((t) => ({ name: t.name, counts: t.result.breakdown.overall.counts })), legend, f)}
        rows={targets.length}
      />
      <Chart
        title='参评人数与应参评人数'
        option={(f) => participationOption(targets.map((t) => ({ name: t.name, ballots: t.result.ballots, expected: t.expected })), f)}
        rows={targets.length}
      />
    </View>
  )
}
