/**
 * 会场大屏 (H5 only, for a projector or a TV; a phone too): the session's QR code that evaluators in
 * the room scan, how many of the expected evaluators of each category have submitted and how many
 * slips were spent (counts only: the board never says who), refreshed every few seconds, and the
 * 结束测评 button. Once the session has ended it shows the results the round lets the room see.
 */
import { Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { SessionBoard } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { formatShanghai } from '../../../core'
import { useLiveReport } from '../../../dashboard/lib/useLiveReport'
import { call } from '../../../services/api'
import { h5ShareUrl } from '../../../organizer/lib/paths'
import { useQrImage } from './useQrImage'
import './index.scss'

const REFRESH_MS = 3_000

const share = (n: number, of: number | null) => (of ? Math.min(100, Math.round((n / of) * 100)) : null)

function Counts({ board }: { board: SessionBoard }) {
  return (
    <View className='screen__counts'>
      {board.categories.map((c) => (
        <View key={c.id} className='screen__count'>
          <Text className='screen__count-name'>{c.name}</Text>
          <Text className='screen__count-figure'>
            {c.submitted}
            {c.expected !== null && <Text className='screen__count-of'>{` / ${c.expected} 人`}</Text>}
          </Text>
          {c.expected !== null && (
            <View className='screen__bar'>
              <View className='screen__bar-fill' style={{ width: `${share(c.submitted, c.expected)}%` }} />
            </View>
          )}
        </View>
      ))}
      <Text className='screen__line'>{`本场共收到评价 ${board.ballots} 份`}</Text>
      <Text className='screen__line'>
        {`邀请码已使用 ${board.slips.spent} / ${board.slips.issued} 张`}
        {board.slips.withheld > 0 ? '（人数少于 5 人的单位不计入）' : ''}
      </Text>
    </View>
  )
}

function Results({ board }: { board: SessionBoard }) {
  if (!board.results) return <Text className='screen__notice'>{board.resultsNotice}</Text>
  return (
    <View className='screen__results'>
      <Text className='screen__results-title'>本场评议对象结果（本轮各渠道合计）</Text>
      {board.results.map((r) => (
        <View key={r.targetId} className='screen__result'>
          <Text className='screen__result-name'>{r.name}</Text>
          <Text className='screen__result-rate'>{r.satisfaction === null ? '—' : `满意率 ${r.satisfaction}%`}</Text>
          <Text className='screen__result-note'>{[`计入 ${r.counted} 份`, ...r.badges, ...r.notices].join(' · ')}</Text>
        </View>
      ))}
    </View>
  )
}

export default function MeetingScreen() {
  const { roundId = '', sessionId = '' } = useRouter().params
  const { data: board, error, reload } = useLiveReport(() => call('organize', 'sessionBoard', { roundId, sessionId }), [roundId, sessionId], REFRESH_MS)
  const [confirming, setConfirming] = useState(false)
  const [endError, setEndError] = useState<ApiError | null>(null)
  const link = board ? h5ShareUrl(roundId, board.session.id) : null
  const qr = useQrImage(link)

  if (!board) return <View className='screen'><Text className='screen__notice'>{error ? error.message : '正在加载…'}</Text></View>
  const { session } = board
  const end = async () => {
    const res = await call('organize', 'endSession', { roundId, sessionId })
    setEndError(res.ok ? null : res.error)
    setConfirming(false)
    await reload()
  }

  return (
    <View className={`screen screen--${session.status}`}>
      <View className='screen__head'>
        <Text className='screen__title'>{board.roundTitle}</Text>
        <Text className='screen__session'>{`${session.name}${session.groupName ? ` · ${session.groupName}` : ''}`}</Text>
        <Text className='screen__window'>{`${formatShanghai(session.opensAt)} 至 ${formatShanghai(session.closesAt)}`}</Text>
      </View>
      <View className='screen__body'>
        {/* Ended, the code gives way to the tally: the counts move left, the results take the wide side. */}
        {session.status === 'ended' ? (
          <>
            <View className='screen__scan'>
              <Text className='screen__ended'>本场测评已结束</Text>
              <Counts board={board} />
            </View>
            <View className='screen__side'>
              <Results board={board} />
            </View>
          </>
        ) : (
          <>
            <View className='screen__scan'>
              {qr && <Image className='screen__qr' src={qr} mode='aspectFit' />}
              <Text className='screen__hint'>{session.status === 'open' ? '请用手机扫码，输入邀请码后参加测评' : '测评尚未开始'}</Text>
            </View>
            <View className='screen__side'>
              <Counts board={board} />
            </View>
          </>
        )}
      </View>
      {session.status !== 'ended' && (
        <View className='screen__foot'>
          {confirming ? (
            <>
              <Text className='screen__confirm'>结束后本场不再接受评价，确定结束？</Text>
              <Text className='screen__button screen__button--stop' onClick={() => void end()}>确定结束</Text>
              <Text className='screen__button' onClick={() => setConfirming(false)}>取消</Text>
            </>
          ) : (
            <Text className='screen__button screen__button--stop' onClick={() => setConfirming(true)}>结束测评</Text>
          )}
        </View>
      )}
      {(endError ?? error) && <Text className='screen__error'>{(endError ?? error)?.message}</Text>}
    </View>
  )
}
