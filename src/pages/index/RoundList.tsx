/** The rounds open to residents now, each leading to its round page. */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { RoundSummary } from '../../api/evaluate'
import type { ApiError } from '../../api/result'
import Row from '../../components/Row'
import { call } from '../../services/api'
import { roundPath } from '../../services/links'
import { showTime } from '../../services/time'

export default function RoundList() {
  const [rounds, setRounds] = useState<RoundSummary[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  useEffect(() => {
    void call('evaluate', 'listRounds', {}).then((res) => (res.ok ? setRounds(res.data.rounds) : setError(res.error)))
  }, [])
  const open = (rounds ?? []).filter((r) => r.windowStatus === 'open' && r.state === 'open')

  return (
    <View className='home__rounds'>
      <Text className='home__section'>正在进行的评议</Text>
      {error && <Text className='qp-error'>{error.message}</Text>}
      {rounds && open.length === 0 && <Text className='home__empty'>目前没有正在进行的评议。</Text>}
      {open.map((r) => (
        <Row
          key={r.id}
          className='home__round'
          title={r.title}
          note={`截止 ${showTime(r.window.closesAt)}`}
          extra='去评议 ›'
          onClick={() => void Taro.navigateTo({ url: `/${roundPath(r.id)}` })}
        />
      ))}
    </View>
  )
}
