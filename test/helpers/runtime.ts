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

/**
 * A runtime for the test file with the admin signed in: started before its tests, closed after them.
 * Read `runtime` and `admin` inside tests (they exist once `beforeAll` has run).
 */
export function runtimeWithAdmin(): { readonly runtime: Runtime; readonly admin: Session } {
  const stack = {} as { runtime: Runtime; admin: Session }
  beforeAll(async () => {
    stack.runtime = await startTestRuntime()
    stack.admin = await signIn(stack.runtime, 'admin')
  })
  afterAll(() => stack.runtime.close())
  return stack
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

/** A function's answer as the client receives it. */
export type Answer<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }

/** The data of an answer that had to succeed; a refusal fails the test with its code and message. */
export function data<T>(a: Answer<T>): T {
  if (!a.ok) throw new Error(`${a.error.code}: ${a.error.message}`)
  return a.data
}

/** One new persona per role (voter-<first>, <first+1>, …), each holding it at `unitId` by the admin's invitation, redeemed. */
export async function roleHoldersAt(runtime: Pick<Runtime, 'url'>, admin: Session, unitId: string, first: number) {
  const holders = {} as Record<'organizer' | 'leader' | 'contact', Session>
  for (const [i, role] of (['organizer', 'leader', 'contact'] as const).entries()) {
    const { code } = data(await admin.call<Answer<{ code: string }>>('organize', { action: 'inviteRole', data: { role, unitId } }))
    holders[role] = await signIn(runtime, `voter-${first + i}`)
    data(await holders[role].call<Answer>('organize', { action: 'redeemRole', data: { code, displayName: `${role}某` } }))
  }
  return holders
}
