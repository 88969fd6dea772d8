/** Rating the targets chosen on the round page; never offers a ballot for a target already rated. */
import { Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { RoundForResident } from '../../api/evaluate'
import type { ApiError } from '../../api/result'
import DevSignIn from '../../components/DevSignIn'
import Screen from '../../components/Screen'
import StatusScreen from '../../components/StatusScreen'
import { blockedByError, blockedByRound } from '../../components/blocked'
import { useRoundShare } from '../../components/useRoundShare'
import { call } from '../../services/api'
import { roundPath } from '../../services/links'
import BallotFlow from './BallotFlow'
import './index.scss'

type Load = { status: 'loading' } | { status: 'ready'; data: RoundForResident } | { status: 'failed'; error: ApiError }

export default function BallotPage() {
  const params = useRouter().params
  const roundId = params.roundId ?? ''
  const requested = decodeURIComponent(params.targets ?? '').split(',').filter(Boolean)
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const data = load.status === 'ready' ? load.data : null
  const channel = data?.channel?.id ?? (params.channel || undefined)
  useRoundShare(roundId, data?.round.title, channel)

  const fetchRound = useCallback(async () => {
    setLoad({ status: 'loading' })
    const res = await call('evaluate', 'getRound', { roundId, ...(params.channel ? { channel: params.channel } : {}) })
    setLoad(res.ok ? { status: 'ready', data: res.data } : { status: 'failed', error: res.error })
  }, [roundId, params.channel])
  useEffect(() => void fetchRound(), [fetchRound])

  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.redirectTo({ url: `/${roundPath(roundId, channel)}` })
  }

  if (load.status === 'loading') return <Screen><Text className='ballot__loading'>正在准备评议表…</Text></Screen>
  if (load.status === 'failed') {
    if (process.env.TARO_ENV === 'h5' && load.error.code === 'UNAUTHENTICATED') return <DevSignIn onSignedIn={() => void fetchRound()} />
    const b = blockedByError(load.error)
    return <Screen><StatusScreen tone={b.tone} title={b.title} message={b.message} action={b.retry ? { label: '重试', onClick: () => void fetchRound() } : { label: '返回评议页', onClick: back }} /></Screen>
  }

  const { data: round } = load
  const blocked = blockedByRound(round.round)
  if (blocked) return <Screen><StatusScreen tone={blocked.tone} title={blocked.title} message={blocked.message} action={{ label: '返回评议页', onClick: back }} /></Screen>

  const rated = new Set(round.receipts.map((r) => r.targetId))
  const eligible = new Set(round.enrolment?.eligibleTargetIds ?? [])
  const targetIds = requested.filter((id) => eligible.has(id) && !rated.has(id))
  if (targetIds.length === 0) {
    const already = requested.some((id) => rated.has(id))
    return (
      <Screen>
        <StatusScreen
          tone={already ? 'done' : 'info'}
          title={already ? '您已评议过' : '没有可评议的对象'}
          message={already ? '每个对象只能评议一次，您的评价已经记录。' : '请回到评议页选择评议对象。'}
          action={{ label: '返回评议页', onClick: back }}
        />
      </Screen>
    )
  }
  return (
    <Screen>
      <BallotFlow data={round} targetIds={targetIds} channel={channel} onBack={back} />
    </Screen>
  )
}
