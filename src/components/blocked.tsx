/** @module Which whole-page state a round is in for the resident, from the server's answer. */
import type { RoundSummary } from '../api/evaluate'
import type { ApiError } from '../api/result'
import type { ReactNode } from 'react'
import type { StatusTone } from './StatusScreen'
import { When } from './When'

export interface Blocked {
  tone: StatusTone
  title: string
  message: ReactNode
  /** Offer to try again: the failure may pass (network, busy server). */
  retry: boolean
}

/** Worth another try in a moment, with everything on the page kept. */
const TRANSIENT = new Set(['NETWORK', 'BUSY', 'INTERNAL', 'TOO_MANY_SUBMISSIONS'])
const NOT_ELIGIBLE = new Set(['NOT_ON_ROSTER', 'TARGET_NOT_ELIGIBLE', 'CATEGORY_UNKNOWN', 'ENROLMENT_MISMATCH', 'FORBIDDEN'])

export function blockedByError(error: ApiError): Blocked {
  const { code, message } = error
  if (code === 'NETWORK') return { tone: 'stop', title: '网络不太顺畅', message, retry: true }
  if (TRANSIENT.has(code)) return { tone: 'wait', title: '请稍后再试', message, retry: true }
  if (code === 'ROUND_NOT_FOUND' || code === 'NOT_FOUND') return { tone: 'info', title: '没有找到这次评议', message: '链接可能有误，或评议已被撤销。', retry: false }
  if (code === 'WINDOW_NOT_YET_OPEN') return { tone: 'wait', title: '评议尚未开始', message, retry: false }
  if (code === 'WINDOW_ENDED' || code === 'ROUND_NOT_OPEN') return { tone: 'info', title: '评议已经结束', message, retry: false }
  if (NOT_ELIGIBLE.has(code)) return { tone: 'info', title: '您不在本次评议的范围内', message, retry: false }
  return { tone: 'stop', title: '暂时无法参加评议', message, retry: false }
}

/** A round the server answered for, but that takes no ballots now. */
export function blockedByRound(round: RoundSummary): Blocked | null {
  if (round.windowStatus === 'not-yet-open') {
    return { tone: 'wait', title: '评议尚未开始', message: <>将于 <When at={round.window.opensAt} /> 开始，到时再来。</>, retry: false }
  }
  if (round.windowStatus === 'ended' || (round.state !== 'open' && round.state !== 'draft')) {
    return { tone: 'info', title: '评议已经结束', message: <>本次评议已于 <When at={round.window.closesAt} /> 结束，感谢您的关注。</>, retry: false }
  }
  if (round.state === 'draft') return { tone: 'wait', title: '评议尚未开放', message: '组织方还在准备，请稍后再来。', retry: false }
  return null
}
