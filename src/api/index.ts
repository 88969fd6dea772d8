/** @module The typed table of every cloud function and its actions: the one contract of both ends. */
import './zod-locale'
import { evaluateApi } from './evaluate'
import { organizeApi } from './organize'
import { reportApi } from './report'

export const api = {
  evaluate: evaluateApi,
  organize: organizeApi,
  report: reportApi,
}

export type Api = typeof api
export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
export * from './contract'
export * from './errors'
export * from './result'
