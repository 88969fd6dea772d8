/**
 * One target of a round: its headline with the interval, the verdict and why, the level
 * distribution of every item and category, its trend across rounds, and the opinions (text only).
 */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import Screen from '../../../components/Screen'
import StatusScreen from '../../../components/StatusScreen'
import { call } from '../../../services/api'
import Badges from '../../components/Badges'
import Chart from '../../components/Chart'
import Head from '../../components/Head'
import Notices from '../../components/Notices'
import RoundStatus from '../../components/RoundStatus'
import { distributionOption, trendOption } from '../../lib/charts'
import { satisfactionThresholds, showCount, showInterval, showRate } from '../../lib/figures'
import { countsByClass } from '../../lib/levels'
import { useLiveReport } from '../../lib/useLiveReport'
import '../../dashboard.scss'

export default function TargetPage() {
  const { roundId = '', targetId = '' } = useRouter().params
  const [page, setPage] = useState(1)
  const { data, error, reload } = useLiveReport(() => call('report', 'targetDetail', { roundId, targetId, page }), [roundId, targetId, page])

  if (error && !data) return <Screen><StatusScreen tone='stop' title='打不开评议对象' message={error.message} action={{ label: '重试', onClick: () => void reload() }} /></Screen>
  if (!data) return <Screen><Text className='dash-empty'>正在加载…</Text></Screen>

  const { round, legend, target, opinions } = data
  const { headline, verdicts, sample } = target.result
  const shown = data.categories.flatMap((c) => (c.suppressed ? [] : [c]))
  const withheld = data.categories.flatMap((c) => (c.suppressed ? [c] : []))
  const pages = Math.max(1, Math.ceil(opinions.total / opinions.pageSize))
  return (
    <Screen className='dash'>
      <Head title={target.name} sub={round.title} />
      <View className='qp-card'>
        <RoundStatus round={round} />
        <View className='dash-headline'>
          <Text className='dash-headline__value'>{showRate(headline.satisfaction)}</Text>
          <Text className='dash-headline__label'>满意率</Text>
        </View>
        {showInterval(headline.satisfaction) && <Text className='dash-small'>{showInterval(headline.satisfaction)}</Text>}
        <View className='dash-kpis'>
          <View className='dash-kpi'><Text className='dash-kpi__value'>{showRate(headline.good)}</Text><Text className='dash-kpi__label'>好评率</Text></View>
          <View className='dash-kpi'><Text className='dash-kpi__value'>{showRate(headline.dissatisfied)}</Text><Text className='dash-kpi__label'>不满意率</Text></View>
          <View className='dash-kpi'>
            <Text className='dash-kpi__value'>{headline.meanScore.value === null ? '暂无' : headline.meanScore.value.toFixed(1)}</Text>
            <Text className='dash-kpi__label'>平均分</Text>
          </View>
        </View>
        <Text className='qp-muted'>
          {`参评 ${showCount(target.result.ballots, target.expected)}，有效 ${headline.valid} 份${sample.required > 0 ? `；最低样本 ${sample.required} 份${sample.met ? '（已达到）' : '（未达到）'}` : ''}`}
        </Text>
        <Notices notices={[...target.notices, ...round.notices.filter((n) => !target.notices.includes(n))]} />
      </View>

      <View className='qp-card dash-verdicts'>
        <Text className='qp-card__title'>认定结果</Text>
        <Badges badges={target.badges} />
        {verdicts.undetermined ? (
          <Text className='dash-empty'>{`${verdicts.undetermined}。`}</Text>
        ) : verdicts.verdicts.length === 0 ? (
          <Text className='dash-verdict__text'>未触发任何认定规则。</Text>
        ) : (
          verdicts.verdicts.map((v) => (
            <View key={v.ruleId} className='dash-verdict'>
              <Text className='dash-verdict__name'>{v.ruleName}</Text>
              <Text className='dash-verdict__text'>{v.explanation}</Text>
              {v.standing && <Text className={`verdict__standing verdict__standing--${v.standing.state}`}>{v.standing.words}</Text>}
            </View>
          ))
        )}
      </View>

      <View className='qp-card'>
        <Chart
          title='各项评价等次分布'
          option={(f) => distributionOption([
            { name: legend.overallLabel, counts: countsByClass(data.overall) },
            ...data.items.map((i) => ({ name: i.label, counts: countsByClass(i.levels) })),
          ], legend, f)}
          rows={data.items.length + 1}
        />
      </View>

      <View className='qp-card'>
        <Text className='qp-card__title'>按参评人员类别</Text>
        {shown.length > 0 && (
          <Chart option={(f) => distributionOption(shown.map((c) => ({ name: c.name, counts: countsByClass(c.overall) })), legend, f)} rows={shown.length} />
        )}
        {shown.length === 0 && withheld.length === 0 && <Text className='dash-empty'>本次评议未区分参评人员类别。</Text>}
        {withheld.map((c) => <Text key={c.categoryId} className='dash-small'>{`${c.name}：${c.reason}`}</Text>)}
      </View>

      <View className='qp-card'>
        <Text className='qp-card__title'>历次评议满意率</Text>
        {data.history.length < 2 ? (
          <Text className='dash-empty'>该单位暂无往期评议结果，无法显示趋势。</Text>
        ) : (
          <Chart
            option={(f) => trendOption(data.history.map((p) => p.roundTitle), [{ name: target.name, percents: data.history.map((p) => p.satisfaction.percent) }], satisfactionThresholds(legend), f)}
          />
        )}
      </View>

      <View className='qp-card dash-opinions'>
        <Text className='qp-card__title'>{`群众意见建议（${opinions.total} 条）`}</Text>
        {opinions.withheld && <Text className='dash-empty'>{opinions.withheld}</Text>}
        {!opinions.withheld && opinions.items.length === 0 && <Text className='dash-empty'>暂无意见建议。</Text>}
        {opinions.items.map((o, i) => (
          <View key={`${opinions.page}-${i}`} className='dash-opinion'>
            <Text className='dash-opinion__text'>{o.text}</Text>
          </View>
        ))}
        {pages > 1 && (
          <View className='dash-pager'>
            <Button size='small' disabled={page <= 1} onClick={() => setPage(page - 1)}>上一页</Button>
            <Text className='qp-muted'>{`${page} / ${pages}`}</Text>
            <Button size='small' disabled={page >= pages} onClick={() => setPage(page + 1)}>下一页</Button>
          </View>
        )}
      </View>
    </Screen>
  )
}
