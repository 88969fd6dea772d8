/** @module Opinions as residents wrote them, shown without author and to the day, none while a target has fewer than k ballots. */
import type { OpinionsPage } from '../../src/api/report'
import type { Round } from '../../src/core'
import { database } from './cloudbase'

export const OPINIONS_PAGE_SIZE = 20

export async function opinionsPage(round: Round, targetId: string, ballots: number, page: number): Promise<OpinionsPage> {
  const empty = { page, pageSize: OPINIONS_PAGE_SIZE, total: 0, items: [] }
  if (ballots < round.kSuppression) return { ...empty, withheld: `为保护参评人员匿名，收到 ${round.kSuppression} 份评价之前不显示意见建议` }
  const _ = database().command
  const query = database().collection('ballots').where({ roundId: round.id, targetId, opinion: _.exists(true) })
  const [{ total }, { data }] = await Promise.all([
    query.count(),
    query.orderBy('hour', 'desc').orderBy('_id', 'asc').skip((page - 1) * OPINIONS_PAGE_SIZE).limit(OPINIONS_PAGE_SIZE).field({ opinion: true, hour: true }).get(),
  ])
  const items = (data as { opinion: string; hour: string }[]).map((b) => ({ day: b.hour.slice(0, 10), text: b.opinion }))
  return { ...empty, total: total as number, items, withheld: null }
}
