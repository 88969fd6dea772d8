/**
 * @module The one-time code with which the first person claims the admin role. The environment
 * holds only its SHA-256 (QUNPING_SETUP_CODE_HASH): whoever reads the functions' configuration
 * cannot claim with it. The code carries 80 random bits (see scripts/deploy/), so the hash needs
 * no key or stretching.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { functionEnv } from './env'
import { normaliseCode } from './invitations'

export const setupCodeHash = (code: string) => createHash('sha256').update(normaliseCode(code)).digest('hex')

export function isSetupCode(code: string): boolean {
  const expected = functionEnv().QUNPING_SETUP_CODE_HASH
  return expected !== undefined && timingSafeEqual(Buffer.from(setupCodeHash(code), 'hex'), Buffer.from(expected, 'hex'))
}
