/** @module Error codes of the API layer (the domain core has its own catalog), with Chinese messages. */
import type { ApiError } from './result'

export const API_ERRORS = {
  UNKNOWN_ACTION: '这个操作不存在，请更新小程序后再试。',
  BAD_INPUT: '提交的内容格式不正确，请检查后再试。',
  UNAUTHENTICATED: '没有获取到您的微信身份，请重新进入小程序。',
  FORBIDDEN: '您没有进行这个操作的权限。',
  NOT_FOUND: '没有找到相关内容，可能已被删除。',
  BUSY: '参与的人较多，系统正忙，请稍后再试，您填写的内容仍然保留。',
  INTERNAL: '系统开小差了，请稍后再试。',
  NETWORK: '网络连接失败，请检查网络后重试，您填写的内容仍然保留。',
} as const

export type ApiErrorCode = keyof typeof API_ERRORS

export const apiError = (code: ApiErrorCode, detail?: string): ApiError => ({
  code,
  message: detail ? `${API_ERRORS[code]}（${detail}）` : API_ERRORS[code],
})
