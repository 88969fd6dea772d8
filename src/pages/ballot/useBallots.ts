/**
 * @module The resident's ballots from first tap to receipt. Ratings live here until the server has
 * recorded them: a failed or partly refused submit keeps every answer on the page.
 */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { TargetOutcome } from '../../api/evaluate'
import type { ApiError } from '../../api/result'
import { call } from '../../services/api'
import { groupCloudId } from '../../services/groupChat'
import { emptySheet, isMendable, toBallot, type Sheet } from './sheet'

export type Step = { kind: 'fill'; index: number } | { kind: 'review' } | { kind: 'submitting' } | { kind: 'done' }

export function useBallots(roundId: string, channel: string | undefined, targetIds: string[]) {
  const [pending, setPending] = useState(targetIds)
  const [sheets, setSheets] = useState<Record<string, Sheet>>({})
  const [step, setStep] = useState<Step>({ kind: 'fill', index: 0 })
  const [outcomes, setOutcomes] = useState<TargetOutcome[]>([])
  const [refusals, setRefusals] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<ApiError | null>(null)

  const sheetOf = (id: string): Sheet => sheets[id] ?? emptySheet()
  const setSheet = (id: string, sheet: Sheet) => setSheets((s) => ({ ...s, [id]: sheet }))

  const submit = async () => {
    setStep({ kind: 'submitting' })
    setFailure(null)
    const ballots = pending.map((id) => toBallot(id, sheetOf(id)))
    const res = await call('evaluate', 'submit', { roundId, ...(channel ? { channel } : {}), ballots }, { groupCloudId: await groupCloudId() })
    if (!res.ok) {
      setFailure(res.error)
      return setStep({ kind: 'review' })
    }
    const mend = res.data.outcomes.filter((o) => o.status === 'refused' && isMendable(o.error.code))
    const settled = res.data.outcomes.filter((o) => !mend.includes(o))
    setOutcomes((all) => [...all, ...settled])
    setRefusals(Object.fromEntries(mend.map((o) => [o.targetId, o.status === 'refused' ? o.error.message : ''])))
    const left = pending.filter((id) => mend.some((o) => o.targetId === id))
    setPending(left)
    setStep(left.length > 0 ? { kind: 'fill', index: 0 } : { kind: 'done' })
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  return { pending, sheetOf, setSheet, step, setStep, outcomes, refusals, failure, submit }
}
