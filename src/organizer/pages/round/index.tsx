/**
 * A round for its organizer: readiness and state actions, live participation, sharing, roster, codes,
 * self-reports, copying. A leader sees the same round read-only: no buttons that change it.
 */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import Screen from '../../../components/Screen'
import StatusScreen from '../../../components/StatusScreen'
import { Period } from '../../../components/When'
import { call } from '../../../services/api'
import { roundPath } from '../../../services/links'
import OrgHead from '../../components/OrgHead'
import StateTag from '../../components/StateTag'
import { organizerPaths } from '../../lib/paths'
import { isLeaderOnly } from '../../lib/roles'
import { useLoad } from '../../lib/useLoad'
import BlankForms from './BlankForms'
import PaperPanel from './PaperPanel'
import MeetingPanel from './MeetingPanel'
import CodeList from './CodeList'
import CopyRound from './CopyRound'
import ParticipationPanel from './ParticipationPanel'
import Readiness from './Readiness'
import ReportsPanel from './ReportsPanel'
import ResultsTab from './ResultsTab'
import RosterPanel from './RosterPanel'
import RosterReviewPanel from './RosterReviewPanel'
import SamplingPanel from './SamplingPanel'
import SharePanel from './SharePanel'
import StateActions from './StateActions'
import { useRoundDetail } from './useRoundDetail'
import '../../organizer.scss'

export default function OrganizerRoundPage() {
  const roundId = useRouter().params.roundId ?? ''
  const { round, participation, codes, error, reload } = useRoundDetail(roundId)
  const units = useLoad(() => call('organize', 'myUnits', {}), [])
  const [tab, setTab] = useState<'manage' | 'results'>('manage')
  const unitName = (id: string) => units.data?.units.find((u) => u.id === id)?.name ?? round?.targets.find((t) => t.unitId === id)?.name ?? id

  // The 转发到群 button of a channel carries its id: the card opens the resident's round page with it.
  useShareAppMessage((res) => {
    const channel = (res.target as { dataset?: { channel?: string } } | undefined)?.dataset?.channel
    return { title: round ? `邀请您参加：${round.title}` : '群众评议', path: `/${roundPath(roundId, channel)}` }
  })

  if (error && !round) return <Screen><StatusScreen tone='stop' title='打不开这次评议' message={error.message} action={{ label: '重试', onClick: () => void reload() }} /></Screen>
  if (!round || (!units.data && !units.error)) return <Screen><Text className='org__empty'>正在加载…</Text></Screen>
  const readOnly = isLeaderOnly(units.data?.roles ?? [])

  return (
    <Screen className='org'>
      <OrgHead title={round.title} sub={<Period window={round.window} />} />
      <View className='qp-card'>
        <View className='org__row'>
          <Text className='org__label'>状态</Text>
          <StateTag status={round.status} />
        </View>
        <View className='org__row'>
          <Text className='org__label'>评议对象</Text>
          <Text className='org__value'>{`${round.targets.length} 个，${round.groups.length} 组`}</Text>
        </View>
        <View className='org__row'>
          <Text className='org__label'>参评人员类别</Text>
          <Text className='org__value'>{`${round.categories.length} 类`}</Text>
        </View>
        <View className='org__row'>
          <Text className='org__label'>计分方式</Text>
          <Text className='org__value round__aggregation'>
            {round.aggregation.mode === 'pooled' ? '合并计算' : round.aggregation.parts.map((p) => `${p.name} ${p.weight}%`).join('，')}
          </Text>
        </View>
      </View>
      {/* Results exist once ballots can be cast: no 结果 tab for a draft. */}
      {round.state !== 'draft' && (
        <View className='org__tabs'>
          <Text className={`org__tab${tab === 'manage' ? ' org__tab--on' : ''}`} onClick={() => setTab('manage')}>管理</Text>
          <Text className={`org__tab org__tab-results${tab === 'results' ? ' org__tab--on' : ''}`} onClick={() => setTab('results')}>结果</Text>
        </View>
      )}
      {tab === 'results' && round.state !== 'draft' ? (
        <ResultsTab roundId={round.id} />
      ) : (
        <>
          {round.state === 'draft' && <Readiness round={round} readOnly={readOnly} onChanged={reload} />}
          {participation && round.state !== 'draft' && <ParticipationPanel roundId={round.id} data={participation} editable={!readOnly && round.state === 'open'} onChanged={reload} />}
          {!readOnly && <SharePanel round={round} onChanged={reload} />}
          {!readOnly && round.state !== 'draft' && <MeetingPanel round={round} onChanged={reload} />}
          {!readOnly && <RosterReviewPanel round={round} onChanged={reload} />}
          {!readOnly && round.sampling && round.state === 'draft' && <SamplingPanel round={round} sampling={round.sampling} unitName={unitName} onChanged={reload} />}
          {!readOnly && !round.sampling && (round.state === 'draft' || round.state === 'open') && <RosterPanel round={round} unitName={unitName} onChanged={reload} />}
          {!readOnly && <CodeList round={round} codes={codes} unitName={unitName} />}
          {!readOnly && <BlankForms round={round} />}
          {!readOnly && <PaperPanel round={round} unitIds={[...new Set(codes.map((c) => c.unitId))]} unitName={unitName} />}
          <ReportsPanel round={round} readOnly={readOnly} onChanged={reload} />
          {!readOnly && <StateActions round={round} onChanged={reload} />}
          {!readOnly && <CopyRound round={round} />}
          {!readOnly && (
            <View className='qp-actions'>
              <Button fill='outline' block onClick={() => void Taro.navigateTo({ url: organizerPaths.audit(round.id) })}>
                操作记录
              </Button>
              <Button fill='outline' block onClick={() => void Taro.navigateTo({ url: organizerPaths.codes(round.id) })}>
                邀请码管理
              </Button>
            </View>
          )}
        </>
      )}
    </Screen>
  )
}
