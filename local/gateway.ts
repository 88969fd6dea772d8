/**
 * @module The local stand-in for `wx.cloud.callFunction`: `POST /api/<function>` with the event as
 * JSON runs that function's `main(event, context)`, with a context shaped like CloudBase's whose
 * WX_OPENID comes from the signed dev session. Without dev sign-in `/__dev/*` does not exist and
 * every caller is anonymous.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { type DevLogin, findPersona, PERSONAS, SESSION_COOKIE } from './devlogin'
import { HttpError, readBody, sendJson } from './http'

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

function invocationContext(functionName: string, environment: Record<string, string>) {
  return {
    request_id: randomUUID(),
    function_name: functionName,
    function_version: '$LATEST',
    memory_limit_in_mb: 256,
    time_limit_in_ms: 20_000,
    environment: JSON.stringify(environment),
  }
}

/**
 * The context CloudBase hands a function invoked from the mini-program: `TRIGGER_SRC` 'tcb' and
 * SOURCE wx_client, whatever the event says, and the caller's openid when someone is signed in.
 */
export function functionContext(functionName: string, openid: string | undefined, extra: Record<string, string> = {}) {
  const wx = { ...(openid ? { WX_OPENID: openid, WX_APPID: LOCAL_APPID, WX_UNIONID: '' } : {}), ...extra }
  return invocationContext(functionName, { ...wx, WX_CONTEXT_KEYS: Object.keys(wx).join(','), TCB_CONTEXT_KEYS: 'TCB_SOURCE', TCB_SOURCE: 'wx_client', TRIGGER_SRC: 'tcb' })
}

/** The context of a timer trigger's invocation: no caller, `TRIGGER_SRC` 'timer', SOURCE wx_trigger. */
export function timerContext(functionName: string) {
  return invocationContext(functionName, { WX_CONTEXT_KEYS: '', TCB_CONTEXT_KEYS: 'TCB_SOURCE', TCB_SOURCE: 'wx_trigger', TRIGGER_SRC: 'timer' })
}

/** A sign-in names a persona and nothing else; a few hundred bytes are plenty. */
const signInBody = z.object({ persona: z.string().max(64) }).strict()
const MAX_SIGN_IN_BYTES = 1024

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    throw new HttpError(400, 'BAD_INPUT')
  }
}

export function createGateway(functions: Record<string, FunctionMain>, login: DevLogin | undefined) {
  const invoke = limiter(MAX_CONCURRENT_INVOCATIONS)

  function devRoute(req: IncomingMessage, res: ServerResponse, pathname: string, dev: DevLogin): Promise<void> | void {
    const allow = (method: string) => {
      if (req.method !== method) throw new HttpError(405, 'METHOD_NOT_ALLOWED', { allow: method })
    }
    if (pathname === '/__dev/personas') {
      allow('GET')
      return sendJson(res, 200, { personas: PERSONAS, current: dev.personaOf(req)?.id ?? null })
    }
    if (pathname === '/__dev/logout') {
      allow('POST')
      return sendJson(res, 200, { ok: true }, { 'set-cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0` })
    }
    if (pathname !== '/__dev/login') throw new HttpError(404, 'NOT_FOUND')
    allow('POST')
    return readBody(req, MAX_SIGN_IN_BYTES).then((body) => {
      const input = signInBody.safeParse(parseJson(body))
      if (!input.success) throw new HttpError(400, 'BAD_INPUT')
      const persona = findPersona(input.data.persona)
      if (!persona) return sendJson(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: '没有这个身份' } })
      sendJson(res, 200, { ok: true }, { 'set-cookie': `${SESSION_COOKIE}=${dev.cookieFor(persona.id)}; Path=/; HttpOnly; SameSite=Lax` })
    })
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://local')
    if (url.pathname.startsWith('/__dev/')) {
      if (!login) throw new HttpError(404, 'NOT_FOUND')
      await devRoute(req, res, url.pathname, login)
      return true
    }
    if (!url.pathname.startsWith('/api/')) return false
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', { allow: 'POST' })
    const name = url.pathname.slice('/api/'.length)
    const main = /^[a-z]+$/.test(name) && Object.hasOwn(functions, name) ? functions[name] : undefined
    if (!main) {
      sendJson(res, 404, { ok: false, error: { code: 'UNKNOWN_FUNCTION', message: '这个服务不存在' } })
      return true
    }
    const event = parseJson(await readBody(req))
    const persona = login?.personaOf(req)
    const openid = persona && login!.openidOf(persona.id)
    // As the platform does, the caller's identity is added to the event, overwriting what the client sent.
    const withUserInfo = { ...(event as object), userInfo: { appId: LOCAL_APPID, openId: openid } }
    sendJson(res, 200, await invoke(() => main(withUserInfo, functionContext(name, openid))))
    return true
  }
}
