/**
 * @module The local stand-in for `wx.cloud.callFunction`: `POST /api/<function>` with the event as
 * JSON runs that function's `main(event, context)`, with a context shaped like CloudBase's whose
 * WX_OPENID comes from the signed dev session.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { type DevLogin, findPersona, PERSONAS, SESSION_COOKIE } from './devlogin'
import { readBody, sendJson } from './http'

export type FunctionMain = (event: unknown, context: unknown) => Promise<unknown>

export const LOCAL_APPID = 'wx0000000000local'

/**
 * Invocations running at once; the rest wait their turn, as requests wait for a free instance in
 * CloudBase. Functions and database share this one process, so without a bound a burst of
 * voters queues thousands of database requests and each waits past the SDK's timeout.
 */
const MAX_CONCURRENT_INVOCATIONS = 16

function limiter(width: number) {
  let running = 0
  const waiting: (() => void)[] = []
  return async function run<T>(work: () => Promise<T>): Promise<T> {
    if (running >= width) await new Promise<void>((resolve) => waiting.push(resolve))
    running++
    try {
      return await work()
    } finally {
      running--
      waiting.shift()?.()
    }
  }
}

/** The context CloudBase hands a function invoked from the mini-program. */
export function functionContext(functionName: string, openid: string | undefined, extra: Record<string, string> = {}) {
  const wx = { ...(openid ? { WX_OPENID: openid, WX_APPID: LOCAL_APPID, WX_UNIONID: '' } : {}), ...extra }
  return {
    request_id: randomUUID(),
    function_name: functionName,
    function_version: '$LATEST',
    memory_limit_in_mb: 256,
    time_limit_in_ms: 20_000,
    environment: JSON.stringify({ ...wx, WX_CONTEXT_KEYS: Object.keys(wx).join(','), TCB_CONTEXT_KEYS: '' }),
  }
}

export function createGateway(functions: Record<string, FunctionMain>, login: DevLogin) {
  const invoke = limiter(MAX_CONCURRENT_INVOCATIONS)
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://local')
    if (url.pathname === '/__dev/personas' && req.method === 'GET') {
      sendJson(res, 200, { personas: PERSONAS, current: login.personaOf(req)?.id ?? null })
      return true
    }
    if (url.pathname === '/__dev/login' && req.method === 'POST') {
      const { persona } = JSON.parse((await readBody(req)).toString('utf8') || '{}') as { persona?: string }
      if (!findPersona(persona)) {
        sendJson(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: '没有这个身份' } })
        return true
      }
      sendJson(res, 200, { ok: true }, { 'set-cookie': `${SESSION_COOKIE}=${login.cookieFor(persona!)}; Path=/; HttpOnly; SameSite=Lax` })
      return true
    }
    if (url.pathname === '/__dev/logout' && req.method === 'POST') {
      sendJson(res, 200, { ok: true }, { 'set-cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0` })
      return true
    }
    const match = /^\/api\/([a-z]+)$/.exec(url.pathname)
    if (!match || req.method !== 'POST') return false
    const main = functions[match[1]]
    if (!main) {
      sendJson(res, 404, { ok: false, error: { code: 'UNKNOWN_FUNCTION', message: '这个服务不存在' } })
      return true
    }
    let event: unknown
    try {
      event = JSON.parse((await readBody(req)).toString('utf8'))
    } catch {
      sendJson(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: '提交的内容格式不正确，请检查后再试。' } })
      return true
    }
    const persona = login.personaOf(req)
    const openid = persona && login.openidOf(persona.id)
    // As the platform does, the caller's identity is added to the event, overwriting what the client sent.
    const withUserInfo = { ...(event as object), userInfo: { appId: LOCAL_APPID, openId: openid } }
    sendJson(res, 200, await invoke(() => main(withUserInfo, functionContext(match[1], openid))))
    return true
  }
}
