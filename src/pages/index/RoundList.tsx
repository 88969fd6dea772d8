/** The rounds open to residents now (已评 once all is rated), then the ended ones they took part in, each leading to its round page. */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { HomeRound } from '../../api/evaluate'
import type { ApiError } from '../../api/result'
import Row from '../../components/Row'
import { When } from '../../components/When'
import { call } from '../../services/api'
import { roundPath } from '../../services/links'

const go = (r: HomeRound) => void Taro.navigateTo({ url: `/${roundPath(r.id)}` })

export default function RoundList() {
  const [rounds, setRounds] = useState<HomeRound[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  useEffect(() => {
    void call('evaluate', 'listRounds', {}).then((res) => (res.ok ? setRounds(res.data.rounds) : setError(res.error)))
  }, [])
  const open = (rounds ?? []).filter((r) => r.windowStatus === 'open' && r.state === 'open')
  const ended = (rounds ?? []).filter((r) => (r.windowStatus === 'ended' || r.state !== 'open') && r.receipts > 0)

  return (
    <View className='home__rounds'>
      <Text className='home__section'>正在进行的评议</Text>
      {error && <Text className='qp-error'>{error.message}</Text>}
      {rounds && open.length === 0 && <Text className='home__empty'>目前没有正在进行的评议。</Text>}
      {open.map((r) => (
        <Row key={r.id} className={`home__round${r.rated ? ' home__round--rated' : ''}`} title={r.title} note={<>截止 <When at={r.window.closesAt} /></>} extra={r.rated ? '已评' : '去评议 ›'} onClick={() => go(r)} />
      ))}
      {ended.length > 0 && <Text className='home__section'>已结束</Text>}
      {ended.map((r) => (
        <Row key={r.id} className='home__round home__round--ended' title={r.title} note={<>已于 <When at={r.window.closesAt} /> 结束 · 您评议了 {r.receipts} 个对象</>} extra='回执 ›' onClick={() => go(r)} />
      ))}
    </View>
  )
}
