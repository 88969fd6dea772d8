/**
 * A round's results as leaders and organisers read them: status and notices, the three charts
 * (satisfaction against the rule's line, level distribution, participation), then every target
 * with its rank and verdict badges. Shared by the dashboard's round page and the organiser's 结果 tab.
 */
import { Text, View } from '@tarojs/components'
import type { RoundResults } from '../../api/report'
import { distributionOption, participationOption, satisfactionOption } from '../lib/charts'
import { satisfactionThresholds, showCount, showInterval, showRate } from '../lib/figures'
import Badges from './Badges'
import Chart from './Chart'
import Notices from './Notices'
import Updated from './Updated'

interface Props {
  data: RoundResults
  onTarget: (targetId: string) => void
  /** False inside the organiser's tab, where the page has long been ready when the chart mounts. */
  isPage?: boolean
}

export default function RoundResultsView({ data, onTarget, isPage = true }: Props) {
  const { round, legend, targets } = data
  const groupName = (id: string | null) => data.groups.find((g) => g.id === id)?.name
  const thresholds = satisfactionThresholds(legend)
  const rows = targets.map((t) => ({ name: t.name, percent: t.result.headline.satisfaction.percent }))
  return (
    <View className='dash-round'>
      <View className='qp-card'>
        <View className='dash-status'>
          <Text className={`dash-pill dash-pill--${round.status}`}>{round.status === 'final' ? '最终结果' : '初步结果'}</Text>
          <Text className='dash-pill'>{round.stateLabel}</Text>
        </View>
        <Updated at={round.computedAt} live={round.basis === 'live'} />
        {round.mismatch && (
          <Text className='dash-alert'>
            {`计票核对不一致，本次评议暂不能公布：${round.mismatch.map((m) => `${targets.find((t) => t.targetId === m.targetId)?.name ?? m.targetId} 计数 ${m.counted} 份、复核 ${m.recounted} 份`).join('；')}`}
          </Text>
        )}
        <Notices notices={round.notices} />
      </View>
      {targets.length === 0 ? (
        <Text className='dash-empty'>本次评议没有评议对象。</Text>
      ) : (
        <View className='qp-card'>
          <Chart title='各评议对象满意率' option={(f) => satisfactionOption(rows, thresholds, f)} rows={rows.length} isPage={isPage} />
          {thresholds.length > 0 && <Text className='qp-muted'>{`虚线为认定标准：${thresholds.map((t) => `${t.name} ${t.percent}%`).join('，')}`}</Text>}
          <Chart
            title='评价等次分布'
            option={(f) => distributionOption(targets.map((t) => ({ name: t.name, counts: t.result.breakdown.overall.counts })), legend, f)}
            rows={targets.length}
            isPage={isPage}
          />
          <Chart
            title='参评人数与应参评人数'
            option={(f) => participationOption(targets.map((t) => ({ name: t.name, ballots: t.result.ballots, expected: t.expected })), f)}
            rows={targets.length}
            isPage={isPage}
          />
        </View>
      )}
      {targets.length > 0 && <Text className='dash-section'>评议对象（点击查看详情）</Text>}
      {targets.map((t) => (
        <View key={t.targetId} className='qp-card dash-target' onClick={() => onTarget(t.targetId)}>
          <View className='dash-target__head'>
            <Text className='dash-target__name'>{t.name}</Text>
            <Text className='dash-target__rate'>{showRate(t.result.headline.satisfaction)}</Text>
          </View>
          <Text className='qp-muted'>
            {[
              `满意率　${showCount(t.result.ballots, t.expected)}`,
              t.rankInGroup !== null && groupName(t.groupId) ? `${groupName(t.groupId)}第 ${t.rankInGroup} 名` : '',
              t.rankInRound !== null ? `全部第 ${t.rankInRound} 名` : '',
            ].filter(Boolean).join('　')}
          </Text>
          {showInterval(t.result.headline.satisfaction) && <Text className='dash-small'>{showInterval(t.result.headline.satisfaction)}</Text>}
          <Badges badges={t.badges} none={t.result.verdicts.undetermined ? undefined : '未触发认定规则'} />
          <Notices notices={t.notices} />
          <Text className='dash-more'>查看详情 ›</Text>
        </View>
      ))}
    </View>
  )
}
