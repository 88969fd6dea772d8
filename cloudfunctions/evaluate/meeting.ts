/**
 * @module A ballot through a meeting session's channel (会场模式): taken only while the session
 * runs. The check sits inside the ballot's transaction and writes the session document, so a
 * 结束测评 that commits first makes the cast conflict and, retried, see the end: nothing lands
 * through an ended session once the end has answered.
 */
import { type DomainError, domainError, sessionRefusal, sessionTargets } from '../../src/core'
import { database } from '../common/cloudbase'
import { SessionDoc } from '../common/sessions'
import type { RoundDoc } from '../common/rounds'
import type { Transaction } from '../common/transaction'
import { receiptId } from './keys'

export function sessionGuard(doc: RoundDoc, session: SessionDoc, openid: string, categoryId: string, targetId: string, now: Date) {
  const others = sessionTargets(doc.round, session.groupId).map((t) => t.id).filter((id) => id !== targetId)
  return async (tx: Transaction): Promise<DomainError | null> => {
    const ref = tx.collection('sessions').doc(session._id)
    const found = SessionDoc.safeParse(((await ref.get()) as { data: unknown }).data)
    if (!found.success) return domainError('SESSION_UNKNOWN')
    const refusal = sessionRefusal(found.data, now)
    if (refusal) return refusal
    // An evaluator counts once, at their first ballot on the session's targets: their other
    // receipts, read here, are written by transactions that also write this document.
    let first = true
    for (const id of others) {
      if (((await tx.collection('receipts').doc(receiptId(doc._id, id, openid)).get()) as { data: unknown }).data) {
        first = false
        break
      }
    }
    const _ = database().command
    await ref.update(first ? { ballots: _.inc(1), [`voters.${categoryId}`]: _.inc(1) } : { ballots: _.inc(1) })
    return null
  }
}
