/** One round's results for a leader: charts, ranking and verdicts per target, kept fresh while open. */
import { Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import Screen from '../../../components/Screen'
import StatusScreen from '../../../components/StatusScreen'
import { Period } from '../../../components/When'
import { call } from '../../../services/api'
import Head from '../../components/Head'
import RoundCharts from '../../components/RoundCharts'
import RoundResultsView from '../../components/RoundResultsView'
import { dashboardPaths } from '../../../services/links'
import { useLiveReport } from '../../lib/useLiveReport'
import '../../dashboard.scss'

export default function DashboardRoundPage() {
  const roundId = useRouter().params.roundId ?? ''
  const { data, error, reload } = useLiveReport(() => call('report', 'roundResults', { roundId }), [roundId])

  if (error && !data) return <Screen><StatusScreen tone='stop' title='打不开评议结果' message={error.message} action={{ label: '重试', onClick: () => void reload() }} /></Screen>
  if (!data) return <Screen><Text className='dash-empty'>正在加载…</Text></Screen>
  return (
    <Screen className='dash'>
      <Head title={data.round.title} sub={<Period window={data.round.window} />} />
      <RoundResultsView data={data} charts={<RoundCharts data={data} />} onTarget={(targetId) => void Taro.navigateTo({ url: dashboardPaths.target(roundId, targetId) })} />
    </Screen>
  )
}
