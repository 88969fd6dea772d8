/**
 * @module Development sign-in for the local runtime. WeChat gives the real app its OPENID; here a
 * signed cookie names a persona, and the gateway turns that into the context's WX_OPENID. The
 * request body never takes part.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export interface Persona {
  id: string
  name: string
  /** What the persona is for, shown on the sign-in page. */
  description: string
}

export const PERSONAS: Persona[] = [
  { id: 'resident-zhang', name: '张阿姨', description: '居民 · 第一网格' },
  { id: 'resident-li', name: '李大爷', description: '居民 · 第二网格' },
  { id: 'resident-wang', name: '王小明', description: '居民 · 第三网格' },
  { id: 'organizer', name: '陈组织员', description: '组织员 · 幸福社区' },
  { id: 'leader', name: '刘书记', description: '领导 · 阳光街道' },
  { id: 'contact', name: '周联络员', description: '单位联系人 · 幸福社区离退休党支部' },
  { id: 'street-organizer', name: '孙组织员', description: '组织员 · 阳光街道（督导组）' },
  { id: 'district-office', name: '吴主任', description: '领导 · 光明区实践活动办' },
  { id: 'admin', name: '系统管理员', description: '管理员' },
]

export const SESSION_COOKIE = 'qp_dev_session'

/** Unnamed residents for load tests and benchmarks ("voter-17"): as many identities as needed. */
const EXTRA_VOTER = /^voter-\d{1,7}$/

export function findPersona(id: string | undefined): Persona | undefined {
  if (!id) return undefined
  return PERSONAS.find((p) => p.id === id) ?? (EXTRA_VOTER.test(id) ? { id, name: id, description: '居民（测试）' } : undefined)
}

/** Named in the local functions' QUNPING_ADMIN_OPENIDS, as a deployment names its first admin. */
export const ADMIN_PERSONA = 'admin'

/** A malformed cookie (`%E0%A4%A`) names no one: its holder is simply signed out. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return ''
  }
}

export function devLogin(secret: string) {
  const mac = (purpose: string, value: string) => createHmac('sha256', secret).update(`${purpose}:${value}`).digest('base64url')

  /** Shaped like a WeChat openid (28 characters starting with "o"), stable per data folder. */
  const openidOf = (personaId: string) => `o${mac('openid', personaId).slice(0, 27)}`

  const cookieFor = (personaId: string) => `${personaId}.${mac('session', personaId)}`

  function personaOf(req: IncomingMessage): Persona | undefined {
    const raw = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    const [id, sig] = (raw ? decoded(raw.slice(SESSION_COOKIE.length + 1)) : '').split('.')
    if (!id || !sig) return undefined
    const expected = Buffer.from(mac('session', id))
    const given = Buffer.from(sig)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined
    return findPersona(id)
  }

  return { openidOf, cookieFor, personaOf }
}

export type DevLogin = ReturnType<typeof devLogin>
