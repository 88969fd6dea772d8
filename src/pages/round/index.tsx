/** The round a resident lands on from a share card: intro, self-reports, category, targets with 已评. */
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import DevSignIn from '../../components/DevSignIn'
import Screen from '../../components/Screen'
import StatusScreen from '../../components/StatusScreen'
import { blockedByError, blockedByRound } from '../../components/blocked'
import { useRoundShare } from '../../components/useRoundShare'
import { ballotPath, outcomePath } from '../../services/links'
import CategoryPicker from './CategoryPicker'
import Receipts from './Receipts'
import RoundHeader from './RoundHeader'
import TargetList from './TargetList'
import { useRound } from './useRound'
import './index.scss'

export default function RoundPage() {
  const params = useRouter().params
  const roundId = params.roundId ?? ''
  const { state, load, enrol, enrolError } = useRound(roundId, params.channel || undefined)
  const data = state.status === 'ready' ? state.data : null
  const channel = data?.channel?.id ?? params.channel
  useRoundShare(roundId, data?.round.title, channel)

  if (state.status === 'loading') return <Screen><Text className='round__loading'>正在打开评议…</Text></Screen>
  if (state.status === 'failed') {
    if (process.env.TARO_ENV === 'h5' && state.error.code === 'UNAUTHENTICATED') return <DevSignIn onSignedIn={() => void load()} />
    const b = blockedByError(state.error)
    return (
      <Screen>
        <StatusScreen tone={b.tone} title={b.title} message={b.message} action={b.retry ? { label: '重试', onClick: () => void load() } : undefined} />
      </Screen>
    )
  }

  const { data: round } = state
  const blocked = blockedByRound(round.round)
  const rate = (targetIds: string[]) => void Taro.navigateTo({ url: `/${ballotPath(roundId, targetIds, channel)}` })
  return (
    <Screen>
      <RoundHeader data={round} />
      {blocked ? (
        <View>
          <StatusScreen
            tone={blocked.tone}
            title={blocked.title}
            message={blocked.message}
            action={round.round.state === 'published' ? { label: '查看评议结果', onClick: () => void Taro.navigateTo({ url: outcomePath(roundId) }) } : undefined}
          />
          <Receipts data={round} />
        </View>
      ) : round.enrolment ? (
        round.enrolment.eligibleTargetIds.length === 0 ? (
          <StatusScreen tone='info' title='您不在本次评议的范围内' message='本轮评议没有需要您评议的对象，感谢您的关注。' />
        ) : (
          <TargetList data={round} enrolment={round.enrolment} onRate={rate} />
        )
      ) : round.choices.length === 0 ? (
        <StatusScreen
          tone='info'
          title='本轮评议凭邀请码参加'
          message='如果组织方发给您邀请码，请点下方按钮输入；没有邀请码则不在本轮评议的范围内。'
          // The channel goes along, so a code typed after scanning a meeting's QR still votes through that meeting.
          action={{ label: '输入邀请码', onClick: () => void Taro.navigateTo({ url: `/organizer/pages/redeem/index${channel ? `?channel=${channel}` : ''}` }) }}
        />
      ) : (
        <View>
          {enrolError && <Text className='qp-error'>{enrolError.message}</Text>}
          <CategoryPicker choices={round.choices} units={round.units} onEnrol={(c, u) => enrol(round, c, u)} />
        </View>
      )}
    </Screen>
  )
}
