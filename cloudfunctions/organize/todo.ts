/**
 * @module What waits for a supervisor, for the to-do badge beside a contact's: items whose 销号 they
 * are to review (申请销号 at a unit below theirs), and fired verdicts of closed rounds whose next step
 * (confirm, set aside, approve, return) is theirs to take, as 认定确认 would offer it.
 */
import { database } from '../common/cloudbase'
import type { Authority } from '../common/roles'
import { type HandlerContext, Refusal } from '../common/router'
import { RoundDoc } from '../common/rounds'
import { READ, supervises } from './access'
import { allItems } from './ledger/read'
import { stateOf } from './ledger/views'
import { roundVerdicts } from './verdicts'

export interface SupervisorTodo {
  /** Items at 申请销号 the caller supervises. */
  review: number
  /** Verdicts awaiting the caller's step, per round. */
  verdicts: { roundId: string; title: string; count: number }[]
}

async function verdictsAwaiting(auth: Authority, ctx: HandlerContext): Promise<SupervisorTodo['verdicts']> {
  const _ = database().command
  const { data } = await database().collection('rounds').where({ 'round.state': _.in(['closed', 'published']) }).limit(1000).get()
  const rounds = (data as unknown[]).map((d) => RoundDoc.parse(d)).filter((d) => d.round.targets.some((t) => auth.covers(READ, t.unitId)))
  const counted = await Promise.all(rounds.map(async (d) => {
    const view = await roundVerdicts(auth, d._id, ctx).catch((e: unknown) => {
      if (e instanceof Refusal) return null
      throw e
    })
    return { roundId: d._id, title: d.round.title, count: view?.verdicts.filter((v) => v.may.length > 0).length ?? 0 }
  }))
  return counted.filter((r) => r.count > 0)
}

export async function supervisorTodo(auth: Authority, ctx: HandlerContext): Promise<SupervisorTodo> {
  const [items, verdicts] = await Promise.all([allItems(), verdictsAwaiting(auth, ctx)])
  return { review: items.filter((d) => stateOf(d) === 'closure-requested' && supervises(auth, d.ownerUnitId)).length, verdicts }
}
