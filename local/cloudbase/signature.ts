/**
 * @module Verifies the TC3-HMAC-SHA256 signature `@cloudbase/node-sdk` puts on every request, as
 * CloudBase does: the canonical request (method, URL, query, the headers named in SignedHeaders,
 * a hash of every body parameter, formatted and hashed by Tencent's own signer package) is
 * recomputed from what arrived and must give the same signature. The signing time must be recent and a signature is accepted
 * once, so a captured request can be replayed neither later nor at once.
 */
import { Signer } from '@cloudbase/signature-nodejs'
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
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

const AUTHORIZATION = /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/tcb\/tc3_request, SignedParams=([^,]*), SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/

const refused = (why: string) => new CloudBaseError('SIGN_PARAM_INVALID', `请求签名无效：${why}`)

const same = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest()

/** A header as the signer saw it: lower-cased, trimmed, any multipart boundary dropped. */
function headerValue(req: IncomingMessage, name: string): string {
  const value = req.headers[name]
  if (typeof value !== 'string') throw refused(`缺少已签名的请求头 ${name}`)
  const v = value.trim().toLowerCase()
  return name === 'content-type' && v.startsWith('multipart/form-data') ? 'multipart/form-data' : v
}

export function signatureVerifier(credentials: Credentials, now = () => Date.now()) {
  /**
   * Signatures already accepted, until they expire. A signature arrives within moments of being
   * made, so insertion order is nearly expiry order: pruning from the front is enough.
   */
  const seen = new Map<string, number>()
  /** The signing key depends only on the day: derived once per day, not on every request. */
  const keys = new Map<string, Buffer>()
  const signingKey = (date: string) => {
    let key = keys.get(date)
    if (!key) keys.set(date, (key = hmac(hmac(hmac(`TC3${credentials.secretKey}`, date), 'tcb'), 'tc3_request')))
    return key
  }

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
    const [, secretId, date, signedParams, signedHeaders, signature] = parsed
    if (!same(secretId, credentials.secretId)) throw refused('SecretId 不存在')
    if (typeof params.sessionToken !== 'string' || !same(params.sessionToken, credentials.sessionToken)) throw refused('临时密钥缺少 token 或 token 不符')

    const timestamp = Number(req.headers['x-timestamp'])
    const nowS = Math.floor(now() / 1000)
    if (!Number.isSafeInteger(timestamp) || timestamp > nowS + FUTURE_SKEW_S || date !== new Date(timestamp * 1000).toISOString().slice(0, 10)) throw refused('签名时间不正确')
    if (timestamp + SIGNATURE_TTL_S < nowS) throw refused('签名已过期')

    // The canonical request of the tcb flavour of TC3, in the order the Authorization names. Its
    // lists are covered by the signature, so taking their order from it gives nothing away.
    const names = signedHeaders.split(';')
    if (!names.includes('host') || !names.includes('content-type')) throw refused('签名未覆盖 host 与 content-type')
    const canonicalHeaders = names.map((n) => `${n}:${headerValue(req, n)}\n`).join('')
    // Every parameter that arrived must be among the hashed ones, so one added after signing
    // breaks the signature; empty values are skipped, as the signer skips them.
    const formatted = Signer.formatKeyAndValue(params, { multipart: headerValue(req, 'content-type') === 'multipart/form-data' }) as Record<string, unknown>
    const present = Object.keys(formatted).filter((k) => formatted[k])
    const hashed = signedParams ? signedParams.split(';') : []
    if (hashed.length !== present.length || new Set(hashed).size !== hashed.length || !hashed.every((k) => Object.hasOwn(formatted, k) && formatted[k])) throw refused('签名未覆盖全部参数')
    const payloadHash = Signer.calcParamsHash(formatted, { includeKeys: hashed })
    const [pathname, query = ''] = (req.url ?? '').split(/\?(.*)/s)
    const canonicalRequest = `${req.method!.toLowerCase()}\n//${headerValue(req, 'host')}${pathname}\n${query}\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`
    const digest = createHash('sha256').update(canonicalRequest).digest('hex')
    const expected = createHmac('sha256', signingKey(date)).update(`TC3-HMAC-SHA256\n${timestamp}\n${date}/tcb/tc3_request\n${digest}`).digest('hex')
    if (!same(expected, signature)) throw refused('签名不符')

    forget(nowS)
    if (seen.has(signature)) throw refused('请求已被使用过（重放）')
    seen.set(signature, timestamp + SIGNATURE_TTL_S)
  }
}
