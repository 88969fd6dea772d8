/**
 * @module The resident's ballots from first tap to receipt. Ratings live here until the server has
 * recorded them: a failed or partly refused submit keeps every answer on the page. Many persons
 * start from one list of overall ratings (`quick`) rather than one page each.
 */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { TargetOutcome } from '../../api/evaluate'
import { MAX_BALLOTS_PER_SUBMIT } from '../../api/limits'
import type { ApiError } from '../../api/result'
import { call } from '../../services/api'
import { groupCloudId } from '../../services/groupChat'
import { emptySheet, isMendable, toBallot, type Sheet } from './sheet'

export type Step = { kind: 'list' } | { kind: 'fill'; index: number } | { kind: 'review' } | { kind: 'submitting' } | { kind: 'done' }

export function useBallots(roundId: string, channel: string | undefined, targetIds: string[], quick: boolean) {
  const start: Step = quick ? { kind: 'list' } : { kind: 'fill', index: 0 }
  const [pending, setPending] = useState(targetIds)
  const [sheets, setSheets] = useState<Record<string, Sheet>>({})
  const [step, setStep] = useState<Step>(start)
  const [outcomes, setOutcomes] = useState<TargetOutcome[]>([])
  const [refusals, setRefusals] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<ApiError | null>(null)

  const sheetOf = (id: string): Sheet => sheets[id] ?? emptySheet()
  const setSheet = (id: string, sheet: Sheet) => setSheets((s) => ({ ...s, [id]: sheet }))

  const submit = async () => {
    setStep({ kind: 'submitting' })
    setFailure(null)
    const answered: TargetOutcome[] = []
    let failed: ApiError | null = null
    const group = await groupCloudId()
    for (let at = 0; at < pending.length && !failed; at += MAX_BALLOTS_PER_SUBMIT) {
      const ballots = pending.slice(at, at + MAX_BALLOTS_PER_SUBMIT).map((id) => toBallot(id, sheetOf(id)))
      const res = await call('evaluate', 'submit', { roundId, ...(channel ? { channel } : {}), ballots }, { groupCloudId: group })
      if (res.ok) answered.push(...res.data.outcomes)
      else failed = res.error
    }
    const mend = answered.filter((o) => o.status === 'refused' && isMendable(o.error.code))
    const settled = answered.filter((o) => !mend.includes(o))
    setOutcomes((all) => [...all, ...settled])
    setRefusals(Object.fromEntries(mend.map((o) => [o.targetId, o.status === 'refused' ? o.error.message : ''])))
    const left = pending.filter((id) => !settled.some((o) => o.targetId === id))
    setPending(left)
    if (failed) {
      setFailure(failed)
      return setStep({ kind: 'review' })
    }
    setStep(left.length > 0 ? start : { kind: 'done' })
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  return { pending, sheetOf, setSheet, step, setStep, outcomes, refusals, failure, submit }
}
