/** @module The round as this resident sees it: loaded on every show, enrolled when there is no choice to make. */
import { useDidShow } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import type { RoundForResident } from '../../api/evaluate'
import type { ApiError } from '../../api/result'
import { call } from '../../services/api'

export type RoundState =
  | { status: 'loading' }
  | { status: 'ready'; data: RoundForResident }
  | { status: 'failed'; error: ApiError }

export function useRound(roundId: string, channel: string | undefined) {
  const [state, setState] = useState<RoundState>({ status: 'loading' })
  const [enrolError, setEnrolError] = useState<ApiError | null>(null)
  const loaded = useRef(false)

  const enrol = useCallback(
    async (data: RoundForResident, categoryId: string, unitId?: string) => {
      setEnrolError(null)
      const res = await call('evaluate', 'enrol', { roundId, categoryId, ...(unitId ? { unitId } : {}) })
      setState({ status: 'ready', data: res.ok ? { ...data, enrolment: res.data } : data })
      if (!res.ok) setEnrolError(res.error)
    },
    [roundId],
  )

  const load = useCallback(async () => {
    if (!loaded.current) setState({ status: 'loading' })
    const res = await call('evaluate', 'getRound', { roundId, ...(channel ? { channel } : {}) })
    if (!res.ok) return setState({ status: 'failed', error: res.error })
    loaded.current = true
    const data = res.data
    // One open category without a unit to declare: nothing to choose, the server still decides.
    const [only] = data.choices
    if (!data.enrolment && data.choices.length === 1 && !only.needsUnit && data.round.windowStatus === 'open') {
      return enrol(data, only.id)
    }
    setState({ status: 'ready', data })
  }, [roundId, channel, enrol])

  useDidShow(() => void load())

  return { state, load, enrol, enrolError }
}
