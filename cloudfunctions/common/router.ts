/**
 * @module A function's entry: parse the event with the action's zod schema, establish the caller
 * from the context, run the handler, and always answer `{ok, data | error}` — never throw, never
 * return undefined.
 */
import { z } from 'zod'
import { type ActionTable, type ApiError, type ApiResult, apiError, type OutputOf, type ParsedInputOf } from '../../src/api'
import { ensureCollections } from './cloudbase'
import { type Caller, callerFrom, openGroupIdFrom } from './identity'

export interface HandlerContext {
  caller: Caller
  /** The group chat the mini-program was opened from, when WeChat itself decoded it. */
  openGroupId?: string
  requestId: string
  /** Server time of the request; every window and deadline is judged on it. */
  now: Date
}

export type Handlers<T extends ActionTable> = {
  [K in keyof T]: (input: ParsedInputOf<T[K]>, ctx: HandlerContext) => Promise<OutputOf<T[K]>>
}

/** A refusal the caller should see: its code and Chinese message go back as they are. */
export class Refusal extends Error {
  constructor(readonly error: ApiError) {
    super(error.code)
  }
}

/**
 * The platform adds `userInfo` beside our fields; only `action`, `data` and `group` are read.
 * `group` is a top-level field because WeChat replaces only top-level CloudIDs with open data.
 */
const envelope = z.object({ action: z.string().min(1).max(64), data: z.unknown().optional(), group: z.unknown().optional() })

const describeIssues = (issues: z.core.$ZodIssue[]) =>
  issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message)).join('；')

export function createRouter<T extends ActionTable>(table: T, handlers: Handlers<T>) {
  return async function main(event: unknown, context: unknown): Promise<ApiResult<unknown>> {
    const requestId = String((context as { request_id?: unknown } | undefined)?.request_id ?? '')
    const parsedEnvelope = envelope.safeParse(event)
    if (!parsedEnvelope.success) return { ok: false, error: apiError('BAD_INPUT', '缺少操作名称') }
    const name = parsedEnvelope.data.action
    if (!Object.prototype.hasOwnProperty.call(table, name)) return { ok: false, error: apiError('UNKNOWN_ACTION', name) }
    const input = table[name].input.safeParse(parsedEnvelope.data.data ?? {})
    if (!input.success) return { ok: false, error: apiError('BAD_INPUT', describeIssues(input.error.issues)) }
    try {
      const caller = callerFrom(context)
      if (!caller) return { ok: false, error: apiError('UNAUTHENTICATED') }
      await ensureCollections()
      const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => Promise<unknown>
      const openGroupId = openGroupIdFrom(parsedEnvelope.data.group, context)
      return { ok: true, data: await handler(input.data, { caller, requestId, now: new Date(), ...(openGroupId ? { openGroupId } : {}) }) }
    } catch (e) {
      if (e instanceof Refusal) return { ok: false, error: e.error }
      console.error(`[${requestId}] ${name} failed`, e)
      return { ok: false, error: apiError('INTERNAL', requestId ? `编号 ${requestId.slice(0, 8)}` : undefined) }
    }
  }
}
