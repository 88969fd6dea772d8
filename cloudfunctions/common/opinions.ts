/**
 * @module Opinions as residents wrote them, without author and without date (a day beside a text,
 * read against that day's turnout, could point at the one who voted that day), none while a target
 * has fewer than k ballots. Live, the opinions of the target's release; once stored, all of them.
 */
import type { FiguresBasis, OpinionsPage } from '../../src/api/report'
import type { Round } from '../../src/core'
import { opinionsPage as storedOpinions } from './ballots'
import { releasedOpinions } from './releases'

export const OPINIONS_PAGE_SIZE = 20

/** `counted`: the ballots the figures shown beside them rest on (0 or at least k). */
export async function opinionsPage(round: Round, targetId: string, figures: { basis: FiguresBasis; counted: number }, page: number, pageSize = OPINIONS_PAGE_SIZE): Promise<OpinionsPage> {
  const empty = { page, pageSize, total: 0, items: [] }
  // Fails closed: a count missing from an older stored result withholds, never shows.
  if (!(figures.counted >= round.kSuppression)) return { ...empty, withheld: `为保护参评人员匿名，收到 ${round.kSuppression} 份评价之前不显示意见建议` }
  const offset = (page - 1) * pageSize
  const { opinions, total } = figures.basis === 'live'
    ? await releasedOpinions(round.id, targetId, offset, pageSize)
    : await storedOpinions(round.id, targetId, offset, pageSize).then((p) => ({ total: p.total, opinions: p.opinions.map((o) => o.text) }))
  return { ...empty, total, items: opinions.map((text) => ({ text })), withheld: null }
}
