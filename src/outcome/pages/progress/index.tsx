/**
 * 我评议过的单位整改进展: the items of the targets a resident rated — problem, measures, deadline and
 * state, the closing note and photos once verified. Owners appear by unit and role only.
 */
import { Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { LedgerItem } from '../../../api/ledger'
import type { ApiError } from '../../../api/result'
import { inShanghai } from '../../../core/time'
import Screen from '../../../components/Screen'
import StatusScreen from '../../../components/StatusScreen'
import { call } from '../../../services/api'
import './index.scss'

const dayOf = (at: string) => inShanghai(at).format('YYYY年M月D日')

export default function ProgressPage() {
  const roundId = useRouter().params.roundId
  const [items, setItems] = useState<LedgerItem[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = () => void call('evaluate', 'progress', roundId ? { roundId: decodeURIComponent(roundId) } : {}).then((res) => (res.ok ? (setItems(res.data.items), setError(null)) : setError(res.error)))
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [roundId])

  if (error) return <Screen><StatusScreen tone='info' title='暂时看不到整改进展' message={error.message} action={{ label: '重试', onClick: load }} /></Screen>
  if (!items) return <Screen><Text className='qp-muted'>正在加载…</Text></Screen>
  return (
    <Screen className='progress'>
      <View className='progress__head'>
        <Text className='progress__title'>整改进展</Text>
        <Text className='progress__sub'>您评议过的单位，针对评议结果和群众意见登记的整改事项</Text>
      </View>
      {items.length === 0 && <Text className='qp-muted'>您评议过的单位还没有登记整改事项。</Text>}
      {items.map((i) => {
        const closing = i.events.find((e) => e.type === 'verify')
        return (
          <View key={i.id} className='qp-card progress__item'>
            <View className='progress__row'>
              <Text className='progress__name'>{i.targetName}</Text>
              <Text className={`progress__state progress__state--${i.publicState}`}>{i.publicState}</Text>
            </View>
            <Text className='progress__label'>问题</Text>
            <Text>{i.problem}</Text>
            <Text className='progress__label'>整改措施</Text>
            <Text>{i.responsibility}</Text>
            <Text className='progress__small'>{`责任单位：${i.ownerUnitName}（单位联系人） · 时限 ${dayOf(i.deadline)}${i.urgent ? ' · 立行立改' : ''}`}</Text>
            {closing && (
              <View className='progress__closing'>
                <Text className='progress__label'>{`${dayOf(closing.at)} 经上级审核销号`}</Text>
                <Text>{closing.note}</Text>
                {closing.photos.map((src) => <Image key={src} className='progress__photo' src={src} mode='aspectFill' />)}
              </View>
            )}
          </View>
        )
      })}
    </Screen>
  )
}
