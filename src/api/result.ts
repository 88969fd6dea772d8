/** @module The one answer shape every cloud function returns, shared by both ends. */

export interface ApiError {
  /** Stable, UPPER_SNAKE; the client branches on it. */
  code: string
  /** Chinese, written for a resident. */
  message: string
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }
