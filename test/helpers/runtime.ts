/** Starts the local runtime in-process and signs personas in, as the browser would. */
import { FUNCTIONS } from '../../local/functions'
import { type Runtime, startRuntime } from '../../local/runtime'

export interface Session {
  persona: string
  /** The signed session cookie, for tests that send their own requests. */
  cookie: string
  call<T = unknown>(fn: string, body: unknown): Promise<T>
}

export async function startTestRuntime(dataDir = ':memory:'): Promise<Runtime> {
  return startRuntime({ dataDir, port: 0, functions: FUNCTIONS, devSignIn: true })
}

export async function signIn(runtime: Pick<Runtime, 'url'>, persona: string): Promise<Session> {
  const res = await fetch(`${runtime.url}/__dev/login`, { method: 'POST', body: JSON.stringify({ persona }) })
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]
  return {
    persona,
    cookie,
    async call<T>(fn: string, body: unknown) {
      const r = await fetch(`${runtime.url}/api/${fn}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) })
      return (await r.json()) as T
    },
  }
}
