/**
 * @module Verifies the TC3-HMAC-SHA256 signature `@cloudbase/node-sdk` puts on every request, as
 * CloudBase does: the canonical request (method, URL, query, the headers named in SignedHeaders,
 * a hash of every body parameter) is recomputed from what arrived, with Tencent's own signer, and
 * must give the same Authorization. The signing time must be recent and a signature is accepted
 * once, so a captured request can be replayed neither later nor at once.
 */
import { Signer } from '@cloudbase/signature-nodejs'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { CloudBaseError } from './errors'

/** What CloudBase hands a deployed function as TENCENTCLOUD_SECRETID / _SECRETKEY / _SESSIONTOKEN. */
export interface Credentials {
  secretId: string
  secretKey: string
  sessionToken: string
}

export const freshCredentials = (): Credentials => ({
  secretId: `AKIDlocal${randomBytes(12).toString('hex')}`,
  secretKey: randomBytes(24).toString('base64url'),
  sessionToken: randomBytes(32).toString('base64url'),
})

/** The SDK declares its signatures valid for 600 s (X-Signature-Expires); a little clock skew ahead is tolerated. */
export const SIGNATURE_TTL_S = 600
const FUTURE_SKEW_S = 60

const AUTHORIZATION = /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/\d{4}-\d{2}-\d{2}\/tcb\/tc3_request, SignedParams=[^,]*, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/

const refused = (why: string) => new CloudBaseError('SIGN_PARAM_INVALID', `请求签名无效：${why}`)

const same = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function signatureVerifier(credentials: Credentials, now = () => Date.now()) {
  /** Signatures already accepted, until they expire (insertion order is expiry order). */
  const seen = new Map<string, number>()

  function forget(nowS: number) {
    for (const [signature, expires] of seen) {
      if (expires > nowS) break
      seen.delete(signature)
    }
  }

  /**
   * Throws SIGN_PARAM_INVALID unless `req` carries a fresh, unused signature by our credentials
   * over exactly `params` (the parsed body: JSON values, or multipart fields as Buffers).
   */
  return function verify(req: IncomingMessage, params: Record<string, unknown>): void {
    const header = req.headers.authorization ?? ''
    const parsed = AUTHORIZATION.exec(header)
    if (!parsed) throw refused('缺少或无法识别 Authorization')
    const [, secretId, signedHeaders, signature] = parsed
    if (!same(secretId, credentials.secretId)) throw refused('SecretId 不存在')
    if (typeof params.sessionToken !== 'string' || !same(params.sessionToken, credentials.sessionToken)) throw refused('临时密钥缺少 token 或 token 不符')

    const timestamp = Number(req.headers['x-timestamp'])
    const nowS = Math.floor(now() / 1000)
    if (!Number.isSafeInteger(timestamp) || timestamp > nowS + FUTURE_SKEW_S) throw refused('签名时间不正确')
    if (timestamp + SIGNATURE_TTL_S < nowS) throw refused('签名已过期')

    const names = signedHeaders.split(';')
    if (!names.includes('host') || !names.includes('content-type')) throw refused('签名未覆盖 host 与 content-type')
    const headers: Record<string, string> = {}
    for (const name of names) {
      const value = req.headers[name]
      if (typeof value !== 'string') throw refused(`缺少已签名的请求头 ${name}`)
      headers[name] = value
    }
    // Every parameter that arrived is hashed, so one added after signing breaks the signature.
    // Empty values are skipped, as the signer skips them.
    const signed = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== '' && !(Buffer.isBuffer(v) && v.length === 0)))
    let expected: string
    try {
      expected = new Signer(credentials, 'tcb').tc3sign(req.method!.toLowerCase(), `http://${headers.host}${req.url}`, headers, signed, timestamp, { withSignedParams: true }).authorization
    } catch {
      throw refused('签名内容不完整')
    }
    if (!same(expected, header)) throw refused('签名不符')

    forget(nowS)
    if (seen.has(signature)) throw refused('请求已被使用过（重放）')
    seen.set(signature, timestamp + SIGNATURE_TTL_S)
  }
}
