/**
 * A round's results as leaders and organisers read them: status and notices, the charts card given
 * by the caller, then every target with its rank and verdict badges. Shared by the dashboard's round
 * page and the organiser's 结果 tab; it draws no chart itself, so the tab does not carry ECharts.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { RoundResults } from '../../api/report'
import { dashboardPaths } from '../../services/links'
import { showCount, showInterval, showRate, showSubtotals, showUnusable } from '../lib/figures'
import Badges from './Badges'
import { Bar, turnoutPercent } from './Bar'
import Notices from './Notices'
import RoundStatus from './RoundStatus'

const FOLLOW_UP = { redo: '返工补课', extension: '延期' } as const

/** 返工补课前后 (or 延期前后): each redone or extended target's rate in the original round beside its rate now. */
function RedoBeside({ data }: { data: RoundResults }) {
  const { redo } = data
  if (!redo) return null
  const name = FOLLOW_UP[redo.kind]
  return (
    <View className='qp-card dash-redo'>
      <Text className='qp-card__title'>{redo.rows.length > 0 ? `${name}前后对比` : `${name}评议`}</Text>
      {redo.of && <Text className='qp-muted'>{`本评议是“${redo.of.title}”的${name}评议。`}</Text>}
      {redo.round && (
        <Text className='dash-more' onClick={() => void Taro.navigateTo({ url: dashboardPaths.round(redo.round!.roundId) })}>{`已发起${name}评议“${redo.round.title}” ›`}</Text>
      )}
      {redo.rows.map((r) => (
        <View key={r.targetId} className='dash-unit'>
          <View className='dash-unit__head'>
            <Text className='dash-unit__name'>{r.name}</Text>
            <Text className='dash-unit__rate'>{`${name}前 ${showRate(r.before)} → ${name}后 ${showRate(r.after)}`}</Text>
          </View>
          <Badges badges={r.afterBadges} none={r.after.percent === null ? undefined : '未触发认定规则'} />
        </View>
      ))}
    </View>
  )
}

/** Before a leader may see results: each target's ballots against those expected, nothing of what they say. */
function Progress({ data }: { data: RoundResults }) {
  return (
    <View className='qp-card dash-progress'>
      <Text className='qp-card__title'>参评进度</Text>
      {data.participation.targets.map((t) => (
        <View key={t.id} className='dash-unit'>
          <View className='dash-unit__head'>
            <Text className='dash-unit__name'>{t.name}</Text>
            <Text className='dash-unit__rate'>{showCount(t.ballots, t.expected)}</Text>
          </View>
          <Bar percent={turnoutPercent(t.ballots, t.expected)} />
        </View>
      ))}
    </View>
  )
}

interface Props {
  data: RoundResults
  onTarget: (targetId: string) => void
  /** The charts (the dashboard's round page) or a way to them (the organiser's tab). */
  charts: ReactNode
}

export default function RoundResultsView({ data, onTarget, charts }: Props) {
  const { round, targets } = data
  const groupName = (id: string | null) => data.groups.find((g) => g.id === id)?.name
  return (
    <View className='dash-round'>
      <View className='qp-card'>
        <RoundStatus round={round} />
        {round.mismatch && (
          <Text className='dash-alert'>
            {`计票核对不一致，本次评议暂不能公布：${round.mismatch.map((m) => `${targets.find((t) => t.targetId === m.targetId)?.name ?? m.targetId} 计数 ${m.counted} 份、复核 ${m.recounted} 份`).join('；')}`}
          </Text>
        )}
        <Notices notices={round.resultsNotice ? [round.resultsNotice, ...round.notices] : round.notices} />
        <Text className='dash-small dash-subtotals'>{`参评方式：${showSubtotals(data.participation)}`}</Text>
        {showUnusable(data.participation) && <Text className='dash-small'>{showUnusable(data.participation)}</Text>}
      </View>
      {round.state !== 'open' && targets.some((t) => t.result.verdicts.verdicts.length > 0) && (
        <View className='qp-card dash-open-verdicts' onClick={() => void Taro.navigateTo({ url: dashboardPaths.verdicts(round.id) })}>
          <Text className='dash-more'>认定确认：督导组确认、上级批准、返工补课 ›</Text>
        </View>
      )}
      <RedoBeside data={data} />
      {round.resultsNotice ? <Progress data={data} /> : targets.length === 0 ? <Text className='dash-empty'>本次评议没有评议对象。</Text> : charts}
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
