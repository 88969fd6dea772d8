/**
 * @module Free-text opinions go through WeChat's content security check (msgSecCheck v2) before
 * anything is stored; a risky text is refused and the resident edits it. A risky verdict is
 * remembered for a day under a keyed hash of the text, so the same text sent again costs no check.
 * Passing verdicts are not stored: their documents, in the order written, would date the ballots
 * that carry those texts for anyone holding the secret.
 */
import { apiError, type ApiError } from '../../src/api'
import { domainError } from '../../src/core'
import { cloudbase, database } from '../common/cloudbase'
import { keyedHash } from '../common/keyed'

/** scene 2 = 评论 (comment), the closest of WeChat's four scenes to an opinion on a ballot. */
const COMMENT_SCENE = 2
const REMEMBERED_MS = 24 * 60 * 60 * 1000

const memoId = (content: string) => keyedHash('opinion-verdict', content)

/** A risky verdict still remembered for this text; costs a read, never a content check. */
export async function rememberedRisky(content: string, now: Date): Promise<boolean> {
  const { data } = await database().collection('opinionChecks').doc(memoId(content)).get()
  const memo = data[0] as { expiresAt: Date } | undefined
  return memo !== undefined && new Date(memo.expiresAt).getTime() > now.getTime()
}

export async function checkOpinion(openid: string, content: string, now: Date): Promise<ApiError | null> {
  const { result } = (await cloudbase().callWxOpenApi({
    apiName: 'security.msgSecCheck',
    requestData: { version: 2, openid, scene: COMMENT_SCENE, content },
  })) as { result: { errcode: number; result?: { suggest: 'pass' | 'review' | 'risky' } } }
  if (result.errcode !== 0) return apiError('BUSY', '暂时无法检查意见内容')
  if (result.result?.suggest !== 'risky') return null
  await database().collection('opinionChecks').doc(memoId(content)).set({ expiresAt: new Date(now.getTime() + REMEMBERED_MS) })
  return domainError('OPINION_REFUSED')
}
