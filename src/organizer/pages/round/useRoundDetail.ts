/** @module One round as its organizer sees it: detail with blockers, live participation, codes. */
import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ListedCode, Participation, RoundDetail } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'

const REFRESH_MS = 15_000

export function useRoundDetail(roundId: string) {
  const [round, setRound] = useState<RoundDetail | null>(null)
  const [participation, setParticipation] = useState<Participation | null>(null)
  const [codes, setCodes] = useState<ListedCode[]>([])
  const [error, setError] = useState<ApiError | null>(null)

  const reload = useCallback(async () => {
    const [r, p, c] = await Promise.all([
      call('organize', 'getRound', { roundId }),
      call('organize', 'participation', { roundId }),
      call('organize', 'listCodes', { roundId }),
    ])
    if (r.ok) setRound(r.data)
    setError(r.ok ? null : r.error)
    if (p.ok) setParticipation(p.data)
    if (c.ok) setCodes(c.data.codes)
  }, [roundId])

  // Participation refreshes by itself while the page is on screen, and stops when it is not.
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)
  const stopRefresh = useCallback(() => {
    if (timer.current) clearInterval(timer.current)
    timer.current = null
  }, [])
  useDidShow(() => {
    void reload()
    stopRefresh()
    timer.current = setInterval(async () => {
      const p = await call('organize', 'participation', { roundId })
      if (p.ok) setParticipation(p.data)
    }, REFRESH_MS)
  })
  useDidHide(stopRefresh)
  useEffect(() => stopRefresh, [stopRefresh])

  return { round, participation, codes, error, reload }
}
