/** @module Keyed hashes: stable pseudonyms that only a holder of the server secret can recompute. */
import { createHmac } from 'node:crypto'
import { functionEnv } from './env'

/** HMAC-SHA256 over the parts joined unambiguously, hex. `purpose` keeps hashes of different uses unlinkable. */
export function keyedHash(purpose: string, ...parts: string[]): string {
  return createHmac('sha256', functionEnv().QUNPING_SECRET).update([purpose, ...parts].map((p) => `${p.length}:${p}`).join('|')).digest('hex')
}
