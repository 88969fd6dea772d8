/** @module The one typed client of the cloud functions. Pages call this, never a transport. */
import type { ActionName, Api, ApiResult, FunctionName, InputOf, OutputOf } from '../api'
import { invoke } from './transport'

export function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: InputOf<Api[F][A]>,
  options: { groupCloudId?: string } = {},
): Promise<ApiResult<OutputOf<Api[F][A]>>> {
  return invoke(fn, { action, data, ...options }) as Promise<ApiResult<OutputOf<Api[F][A]>>>
}
