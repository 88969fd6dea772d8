/**
 * 评议结果 of a published round, for its audience: per target the satisfaction and the verdict in
 * plain words. Its own subpackage without charts, so a resident's phone downloads only this.
 */
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { PublishedResults } from '../../../api/report'
import type { ApiError } from '../../../api/result'
import Screen from '../../../components/Screen'
import StatusScreen from '../../../components/StatusScreen'
import { When } from '../../../components/When'
import { call } from '../../../services/api'
import './index.scss'

export default function OutcomePage() {
  const roundId = useRouter().params.roundId ?? ''
  const [data, setData] = useState<PublishedResults | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = () => void call('report', 'publishedResults', { roundId }).then((res) => (res.ok ? (setData(res.data), setError(null)) : setError(res.error)))
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [roundId])

  if (error) return <Screen><StatusScreen tone='info' title='暂时看不到评议结果' message={error.message} action={{ label: '重试', onClick: load }} /></Screen>
  if (!data) return <Screen><Text className='qp-muted'>正在打开评议结果…</Text></Screen>
  return (
    <Screen className='outcome'>
      <View className='outcome__head'>
        <Text className='outcome__title'>{data.round.title}</Text>
        <Text className='outcome__sub'>{data.round.publishedAt ? <>评议结果 · <When at={data.round.publishedAt} /> 公布</> : '评议结果'}</Text>
      </View>
      {data.notices.map((n) => <Text key={n} className='outcome__notice'>{n}</Text>)}
      {data.targets.length === 0 && <Text className='outcome__notice'>本次评议没有可以公布的结果。</Text>}
      {data.targets.map((t) => (
        <View key={t.targetId} className='qp-card outcome__target'>
          <Text className='outcome__name'>{t.name}</Text>
          <Text className='outcome__rate'>{t.satisfaction.percent === null ? '暂无' : `满意率 ${t.satisfaction.percent}%`}</Text>
          <Text className='outcome__verdict'>{t.verdict}</Text>
          {t.badges.map((b) => <Text key={b.label} className={`outcome__badge outcome__badge--${b.kind}`}>{b.standing ? `${b.label}·${b.standing}` : b.label}</Text>)}
          <Text className='outcome__small'>{`共 ${t.ballots} 人参评，有效评价 ${t.valid} 份`}</Text>
          {t.notices.map((n) => <Text key={n} className='outcome__small'>{n}</Text>)}
        </View>
      ))}
    </Screen>
  )
}
