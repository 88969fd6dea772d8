/**
 * @module Free-text opinions go through WeChat's content security check (msgSecCheck v2) before
 * anything is stored; a risky text is refused and the resident edits it.
 */
import { apiError, type ApiError } from '../../src/api'
import { domainError } from '../../src/core'
import { cloudbase } from '../common/cloudbase'

/** scene 2 = 评论 (comment), the closest of WeChat's four scenes to an opinion on a ballot. */
const COMMENT_SCENE = 2

export async function checkOpinion(openid: string, content: string): Promise<ApiError | null> {
  const { result } = (await cloudbase().callWxOpenApi({
    apiName: 'security.msgSecCheck',
    requestData: { version: 2, openid, scene: COMMENT_SCENE, content },
  })) as { result: { errcode: number; result?: { suggest: 'pass' | 'review' | 'risky' } } }
  if (result.errcode !== 0) return apiError('BUSY', '暂时无法检查意见内容')
  return result.result?.suggest === 'risky' ? domainError('OPINION_REFUSED') : null
}
