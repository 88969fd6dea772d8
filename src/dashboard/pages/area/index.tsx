/**
 * A leader's area: participation today and in total, 需要关注, the child units to drill into with
 * their satisfaction and verdicts, and every round in scope. Refreshes itself while on screen.
 */
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { UnitLedgerCount } from '../../../api/ledger'
import Screen from '../../../components/Screen'
import StatusScreen from '../../../components/StatusScreen'
import { call } from '../../../services/api'
import Badges, { BadgeLegend } from '../../components/Badges'
import { Bar, turnoutPercent } from '../../components/Bar'
import Chart from '../../components/Chart'
import { trendOption } from '../../lib/charts'
import Head from '../../components/Head'
import Notices from '../../components/Notices'
import Updated from '../../components/Updated'
import { showCount, showRate } from '../../lib/figures'
import { dashboardPaths } from '../../../services/links'
import { useLiveReport } from '../../lib/useLiveReport'
import '../../dashboard.scss'

const go = (url: string) => void Taro.navigateTo({ url })

export default function AreaPage() {
  const unitId = useRouter().params.unitId || undefined
  const { data, error, reload } = useLiveReport(() => call('report', 'dashboard', unitId ? { unitId } : {}), [unitId])
  const scopeId = data?.scope.unitId
  const [ledger, setLedger] = useState<UnitLedgerCount[]>([])
  useEffect(() => {
    if (scopeId) void call('organize', 'ledger', { unitId: scopeId }).then((res) => setLedger(res.ok ? res.data.byChild : []))
  }, [scopeId])

  if (error && !data) return <Screen><StatusScreen tone='stop' title='打不开数据看板' message={error.message} action={{ label: '重试', onClick: () => void reload() }} /></Screen>
  if (!data) return <Screen><Text className='dash-empty'>正在加载…</Text></Screen>

  const live = data.rounds.some((r) => r.basis === 'live')
  const { today, ballots, expected } = data.totals
  const drill = (id: string) => go(dashboardPaths.area(id))
  // The trail goes back up: replace this page rather than stack another.
  const up = (id: string) => void Taro.redirectTo({ url: dashboardPaths.area(id) })

  return (
    <Screen className='dash'>
      <Head title={data.scope.name} sub='群众评议数据看板' trail={data.trail.map((t) => ({ id: t.unitId, name: t.name }))} onTrail={up} />
      <View className='qp-card dash-overview'>
        <Updated at={data.computedAt} live={live} />
        <View className='dash-kpis'>
          <View className='dash-kpi'>
            <Text className='dash-kpi__value'>{today}</Text>
            <Text className='dash-kpi__label'>今日参评（份）</Text>
          </View>
          <View className='dash-kpi'>
            <Text className='dash-kpi__value'>{expected ? `${ballots}/${expected}` : ballots}</Text>
            <Text className='dash-kpi__label'>{expected ? '累计 / 应参评' : '累计参评（份）'}</Text>
          </View>
          <View className='dash-kpi'>
            <Text className='dash-kpi__value'>{showRate(data.satisfaction)}</Text>
            <Text className='dash-kpi__label'>总体满意率</Text>
          </View>
          <View className='dash-kpi'>
            <Text className='dash-kpi__value dash-kpi__value--alert'>{data.attention.length}</Text>
            <Text className='dash-kpi__label'>需要关注</Text>
          </View>
        </View>
        {expected !== null && <Bar percent={turnoutPercent(ballots, expected)} />}
        <Notices notices={data.notices} />
      </View>

      {/* The area's pooled satisfaction per round, oldest first; rules differ between rounds, so no threshold line. */}
      {data.trend.length >= 2 && (
        <View className='qp-card'>
          <Chart
            title='历次评议满意率（本区域合计）'
            option={(f) => trendOption(data.trend.map((r) => r.title), [{ name: data.scope.name, percents: data.trend.map((r) => r.satisfaction.percent) }], [], f)}
          />
        </View>
      )}

      <Text className='dash-section'>需要关注</Text>
      {data.attention.length === 0 ? (
        <Text className='dash-empty'>目前没有触发认定规则、样本不足或异常的评议对象。</Text>
      ) : (
        <View className='qp-card'>
          {data.attention.map((a) => (
            <View key={`${a.roundId}-${a.targetId}-${a.kind}-${a.label}`} className='dash-attention' onClick={() => go(dashboardPaths.target(a.roundId, a.targetId))}>
              <Text className='dash-attention__name'>{a.targetName}</Text>
              <Text className={`dash-flag dash-flag--${a.kind === 'verdict' || a.kind === 'mismatch' ? 'danger' : 'warning'}`}>{a.label}</Text>
              <Text className='dash-attention__text'>{a.explanation}</Text>
              <Text className='dash-small'>{a.roundTitle}</Text>
            </View>
          ))}
        </View>
      )}

      {data.children.length > 0 && <Text className='dash-section'>下级单位（点击查看）</Text>}
      {data.children.length > 0 && (
        <View className='qp-card'>
          {data.children.map((c) => (
            <View key={c.unitId} className='dash-unit' onClick={() => drill(c.unitId)}>
              <View className='dash-unit__head'>
                <Text className='dash-unit__name'>{c.name}</Text>
                <Text className='dash-unit__rate'>{c.note ? `参评 ${c.ballots} 份` : showRate(c.satisfaction)}</Text>
              </View>
              <Bar percent={c.note ? turnoutPercent(c.ballots, c.expected) : c.satisfaction.percent} alert={c.targetsWithVerdict > 0} />
              <Text className='qp-muted'>
                {`${showCount(c.ballots, c.expected)}${c.targetsWithVerdict > 0 ? `　${c.targetsWithVerdict} 个对象触发认定规则` : ''}`}
              </Text>
              {c.note && <Text className='dash-small'>{c.note}</Text>}
              {ledger.filter((l) => l.unitId === c.unitId).map((l) => (
                <Text key={l.unitId} className={`dash-small dash-unit__ledger${l.overdue > 0 ? ' dash-unit__ledger--late' : ''}`}>{`整改：整改中 ${l.open} · 逾期 ${l.overdue} · 已销号 ${l.closed}`}</Text>
              ))}
            </View>
          ))}
        </View>
      )}

      <Text className='dash-section'>评议</Text>
      {data.rounds.length === 0 ? <Text className='dash-empty'>本单位及下级单位暂无进行中或已结束的评议。</Text> : <BadgeLegend />}
      {data.rounds.map((r) => (
        <View key={r.id} className='qp-card dash-round-card' onClick={() => go(dashboardPaths.round(r.id))}>
          <Text className='dash-round-card__title'>{r.title}</Text>
          <View className='dash-status'>
            <Text className='dash-pill'>{r.stateLabel}</Text>
            {!r.resultsNotice && <Text className={`dash-pill dash-pill--${r.status}`}>{r.status === 'final' ? '最终结果' : '初步结果'}</Text>}
            <Text className='qp-muted'>{`今日 ${r.today} 份　累计 ${showCount(r.ballots, r.expected)}`}</Text>
          </View>
          {r.resultsNotice && <Notices notices={[r.resultsNotice]} />}
          {r.targets.map((t) => (
            <View key={t.targetId} className='dash-unit'>
              <View className='dash-unit__head'>
                <Text className='dash-unit__name'>{t.name}</Text>
                <Text className='dash-unit__rate'>{r.resultsNotice ? showCount(t.ballots, t.expected) : showRate(t.satisfaction)}</Text>
              </View>
              <Bar percent={r.resultsNotice ? turnoutPercent(t.ballots, t.expected) : t.satisfaction.percent} alert={t.badges.length > 0} />
              <Badges badges={t.badges} />
            </View>
          ))}
          <Text className='dash-more'>{r.resultsNotice ? '查看参评进度 ›' : '查看图表与排名 ›'}</Text>
        </View>
      ))}
    </Screen>
  )
}
