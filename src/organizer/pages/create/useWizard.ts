/** @module The create-round wizard: the draft, its step, and creating the round at the end. */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'
import { draftPatch, emptyDraft, newRoundInput, type Draft } from '../../lib/draft'
import { organizerPaths } from '../../lib/paths'

export const STEPS = ['选择模板', '对象与分组', '类别、内容与规则', '评议时间'] as const

export function useWizard() {
  const [step, setStep] = useState(0)
  const [draft, setDraft] = useState<Draft>(emptyDraft)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))

  /** Creates the draft round, applies the edited categories, items and rules, then shows its readiness check. */
  const create = async () => {
    setBusy(true)
    setError(null)
    const created = await call('organize', 'createRound', newRoundInput(draft))
    if (!created.ok) {
      setBusy(false)
      return setError(created.error)
    }
    const { roundId } = created.data
    const patched = await call('organize', 'updateRound', { roundId, patch: draftPatch(draft) })
    setBusy(false)
    if (!patched.ok) setError(patched.error)
    void Taro.redirectTo({ url: organizerPaths.round(roundId) })
  }

  return { step, setStep, draft, update, error, busy, create }
}
