/**
 * @module The environment's secrets: QUNPING_SECRET made once per environment and then kept (every
 * stored key hashes with it: changing it would orphan every receipt and role), and the one-time
 * setup code, of which the environment keeps only the hash.
 */
import { randomBytes, randomInt } from 'node:crypto'
import { setupCodeHash } from '../../cloudfunctions/common/setupCode'
import { type Secrets, TEMPLATE_VARIABLES } from './desired'
import type { CurrentState } from './plan'

/** Crockford's base32: no I, L, O or U to misread; 16 symbols carry 80 random bits. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export function newSetupCode(): string {
  const symbols = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)])
  return [0, 4, 8, 12].map((i) => symbols.slice(i, i + 4).join('')).join('-')
}

export interface ResolvedSecrets {
  secrets: Secrets
  /** Set when this run issues a setup code: printed once, after it is stored. */
  setupCode?: string
}

export function resolveSecrets(current: CurrentState, options: { adminOpenids?: string; templates?: Secrets['templates']; newSetupCode: boolean }): ResolvedSecrets {
  const existing = Object.values(current.functions).flatMap((f) => (f ? [f.env] : []))
  const kept = [...new Set(existing.flatMap((env) => (env.QUNPING_SECRET ? [env.QUNPING_SECRET] : [])))]
  if (kept.length > 1) throw new Error('各云函数的 QUNPING_SECRET 不一致：请在云开发控制台核对后再部署（改动它会使已有回执和角色失效）')
  const secret = kept[0] ?? randomBytes(32).toString('hex')
  const adminOpenids = options.adminOpenids ?? existing.find((env) => env.QUNPING_ADMIN_OPENIDS)?.QUNPING_ADMIN_OPENIDS ?? ''
  // An environment variable update replaces the whole set: a template set once is kept unless `.env` names another.
  const templates = Object.fromEntries(TEMPLATE_VARIABLES.flatMap((name) => {
    const value = options.templates?.[name] ?? current.functions.scheduler?.env[name]
    return value ? [[name, value]] : []
  }))
  const storedHash = current.functions.organize?.env.QUNPING_SETUP_CODE_HASH
  if (storedHash && !options.newSetupCode) return { secrets: { secret, adminOpenids, templates, setupCodeHash: storedHash } }
  const setupCode = newSetupCode()
  return { secrets: { secret, adminOpenids, templates, setupCodeHash: setupCodeHash(setupCode) }, setupCode }
}
