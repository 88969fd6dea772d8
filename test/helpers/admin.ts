/**
 * Requests to the embedded CloudBase's `/admin`, signed as @cloudbase/node-sdk 3.18.3 signs them
 * (same signer, headers, parameters and URL), so a test can send what the SDK never would: an
 * action it lacks, a stale timestamp, a wrong key, a body changed after signing.
 */
import { sign } from '@cloudbase/signature-nodejs'
import { randomUUID } from 'node:crypto'
import type { Credentials } from '../../local/cloudbase/signature'

export interface SignOptions {
  /** Unix seconds the request claims it was signed at (default: now). */
  timestamp?: number
  /** Replaces the body after signing. */
  tamper?: (params: Record<string, unknown>) => Record<string, unknown>
}

export function signedAdminRequest(adminUrl: string, credentials: Credentials, params: Record<string, unknown>, options: SignOptions = {}) {
  const url = `${adminUrl}?env=${params.envName ?? ''}&seqId=${randomUUID()}`
  const body = { ...params, sessionToken: credentials.sessionToken }
  const headers = {
    'content-type': 'application/json',
    'User-Agent': 'tcb-node-sdk/3.18.3',
    'X-SDK-Version': 'tcb-node-sdk/3.18.3',
    'X-Client-Timestamp': String(Date.now()),
    Host: new URL(adminUrl).host,
  }
  const { authorization, timestamp } = sign({
    ...credentials,
    method: 'post',
    url,
    params: body,
    headers,
    withSignedParams: true,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000) - 1,
  })
  const { Host: _host, ...sent } = headers
  return {
    url,
    init: {
      method: 'POST',
      headers: { ...sent, authorization, 'x-timestamp': String(timestamp), 'x-signature-expires': '600' },
      body: JSON.stringify(options.tamper ? options.tamper(body) : body),
    },
  }
}

export async function adminCall(adminUrl: string, credentials: Credentials, params: Record<string, unknown>, options?: SignOptions): Promise<unknown> {
  const { url, init } = signedAdminRequest(adminUrl, credentials, params, options)
  return (await fetch(url, init)).json()
}
