/** @module One round as its organizer sees it: detail with blockers, live participation, codes. */
import { useDidShow } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { InvitationCode, Participation, RoundDetail } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'

export type RoundCode = InvitationCode & { categoryId: string }

export function useRoundDetail(roundId: string) {
  const [round, setRound] = useState<RoundDetail | null>(null)
  const [participation, setParticipation] = useState<Participation | null>(null)
  const [codes, setCodes] = useState<RoundCode[]>([])
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

  useDidShow(() => void reload())

  return { round, participation, codes, error, reload }
}
