/** @module Opinions as residents wrote them, shown without author and to the day, none while a target has fewer than k ballots. */
import type { OpinionsPage } from '../../src/api/report'
import type { Round } from '../../src/core'
import { opinionsPage as storedOpinions } from './ballots'

export const OPINIONS_PAGE_SIZE = 20

export async function opinionsPage(round: Round, targetId: string, ballots: number, page: number, pageSize = OPINIONS_PAGE_SIZE): Promise<OpinionsPage> {
  const empty = { page, pageSize, total: 0, items: [] }
  if (ballots < round.kSuppression) return { ...empty, withheld: `为保护参评人员匿名，收到 ${round.kSuppression} 份评价之前不显示意见建议` }
  const { opinions, total } = await storedOpinions(round.id, targetId, (page - 1) * pageSize, pageSize)
  return { ...empty, total, items: opinions, withheld: null }
}
