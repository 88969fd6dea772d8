/**
 * @module The embedded CloudBase: answers the HTTP protocol of `@cloudbase/node-sdk` (POST with an
 * `action`) from a durable local store, so cloud functions run the real SDK with no Tencent account.
 */
import Busboy from 'busboy'
import { createHmac, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { decodePath, HttpError, readBody, sendError, sendJson } from '../http'
import { databaseActions } from './database'
import { CloudBaseError, invalidParam } from './errors'
import { callOpenApi, type SentMessage } from './openapi'
import { type Credentials, signatureVerifier } from './signature'
import { LocalStorage } from './storage'
import { Store } from './store'
import { Transactions } from './transactions'

export interface CloudBaseOptions {
  /** Folder holding the SQLite file and stored files; `:memory:` keeps nothing. */
  dataDir: string
  env: string
  /** Base URL this server is reachable at, for file and QR links. */
  publicUrl: () => string
  /** The only key that may sign requests to `/admin`; also keys the storage links. */
  credentials: Credentials
  /** The server's clock (ms) for signatures and file links; tests move it instead of waiting. */
  now?: () => number
}

export const ADMIN_PATH = '/admin'

/**
 * What CloudBase injects into a deployed function's environment, pointed at this server. With it
 * the SDK behaves as inside SCF (no probe of Tencent's metadata host) and signs every request
 * with the function's temporary key, which this server verifies.
 */
export const scfEnvironment = (adminUrl: string, envId: string, credentials: Credentials) => ({
  TENCENTCLOUD_RUNENV: 'SCF',
  TENCENTCLOUD_REGION: 'ap-shanghai',
  SCF_NAMESPACE: envId,
  TCB_ENV: envId,
  TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
  TENCENTCLOUD_SECRETID: credentials.secretId,
  TENCENTCLOUD_SECRETKEY: credentials.secretKey,
  TENCENTCLOUD_SESSIONTOKEN: credentials.sessionToken,
  // The SDK's 3 s slow-request timer outlives requests to a server that went away.
  SILENCE: 'true',
})
const STORAGE_PATH = '/__storage/'

type Action = (params: Record<string, unknown>) => unknown

export function createCloudBase(options: CloudBaseOptions) {
  const memory = options.dataDir === ':memory:'
  const store = new Store(memory ? ':memory:' : path.join(options.dataDir, 'cloudbase.sqlite'))
  const storageKey = createHmac('sha256', options.credentials.secretKey).update('storage links').digest('hex')
  const storage = new LocalStorage(memory ? fs.mkdtempSync('/tmp/qunping-storage-') : path.join(options.dataDir, 'storage'), options.env, options.publicUrl, storageKey, options.now)
  const verify = signatureVerifier(options.credentials, options.now)
  /** Every subscribe message sent (subscribeMessage.send), oldest first: who was told what. */
  const messages: SentMessage[] = []
  const actions: Record<string, Action> = {
    ...databaseActions(store, new Transactions(store)),
    'storage.getUploadMetadata': (p) => storage.uploadMetadata(p),
    'storage.batchGetDownloadUrl': (p) => storage.downloadUrls(p),
    'storage.batchDeleteFile': (p) => storage.deleteFiles(p),
    'wx.api': async (p) => {
      const answer = await callOpenApi(String(p.apiName), JSON.parse(String(p.requestData || '{}')), options.publicUrl(), messages)
      if (!('json' in answer)) throw new CloudBaseError('INVALID_PARAM', `${p.apiName} answers binary data: call it through wx.openApi`)
      return { data: { responseData: JSON.stringify(answer.json) } }
    },
  }
  /** Requests served per action, for benchmarks (round trips per ballot). */
  const stats: Record<string, number> = Object.create(null)

  async function runAction(params: Record<string, unknown>): Promise<unknown> {
    const action = String(params.action ?? '')
    stats[action] = (stats[action] ?? 0) + 1
    const handler = Object.hasOwn(actions, action) ? actions[action] : undefined
    if (!handler) throw new CloudBaseError('ACTION_NOT_SUPPORTED', `action "${action}" is not supported by the local CloudBase`)
    return handler(params)
  }

  const refusal = (e: unknown, requestId: string) => {
    const err = e instanceof CloudBaseError ? e : new CloudBaseError('SYS_ERR', e instanceof Error ? e.message : String(e))
    return { code: err.code, message: err.message, requestId }
  }

  /** Nothing is read or written before the signature over exactly these parameters holds. */
  async function admin(req: IncomingMessage, res: ServerResponse) {
    const requestId = randomUUID()
    const body = await readBody(req)
    if ((req.headers['content-type'] ?? '').startsWith('multipart/form-data')) return openApi(req, res, body, requestId)
    try {
      let params: unknown
      try {
        params = JSON.parse(body.toString('utf8'))
      } catch {
        throw invalidParam('request body is not JSON')
      }
      if (typeof params !== 'object' || params === null || Array.isArray(params)) throw invalidParam('request body must be a JSON object')
      verify(req, params as Record<string, unknown>)
      sendJson(res, 200, { ...(await runAction(params as Record<string, unknown>) as object), requestId })
    } catch (e) {
      sendJson(res, 200, refusal(e, requestId))
    }
  }

  /**
   * `wx.openApi` arrives as multipart form data and answers raw bytes (PNG) or JSON. The SDK's
   * Buffers arrive as octet-stream parts, its strings as fields: kept so, the signature holds.
   */
  async function openApi(req: IncomingMessage, res: ServerResponse, body: Buffer, requestId: string) {
    try {
      const fields = await new Promise<Record<string, string | Buffer>>((resolve, reject) => {
        // A part named `__proto__` must be a key like any other, hashed and so refused unless signed.
        const parts: Record<string, string | Buffer> = Object.create(null)
        const malformed = () => reject(invalidParam('malformed multipart body'))
        let form: Busboy.Busboy
        try {
          form = Busboy({ headers: req.headers })
        } catch {
          return malformed()
        }
        form.on('field', (name, value) => (parts[name] = value))
        form.on('file', (name, file) => {
          const chunks: Buffer[] = []
          file.on('data', (c: Buffer) => chunks.push(c)).on('end', () => (parts[name] = Buffer.concat(chunks)))
        })
        form.on('close', () => resolve(parts)).on('error', malformed)
        form.end(body)
      })
      verify(req, fields)
      stats['wx.openApi'] = (stats['wx.openApi'] ?? 0) + 1
      if (fields.action !== 'wx.openApi') throw new CloudBaseError('ACTION_NOT_SUPPORTED', `multipart action "${fields.action}" is not supported`)
      const answer = await callOpenApi(String(fields.apiName ?? fields.cgiName ?? ''), JSON.parse(fields.requestData?.toString() || '{}'), options.publicUrl(), messages)
      if ('png' in answer) {
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': answer.png.length })
        res.end(answer.png)
      } else sendJson(res, 200, answer.json)
    } catch (e) {
      sendJson(res, 200, refusal(e, requestId))
    }
  }

  /** Files move only with a link this server signed: an upload authorization, or a temporary URL. */
  async function files(req: IncomingMessage, res: ServerResponse, url: URL) {
    const cloudPath = storage.checkedPath(decodePath(url.pathname.slice(STORAGE_PATH.length)))
    if (req.method === 'PUT') {
      const owner = storage.authorizeUpload(cloudPath, req.headers.authorization)
      storage.write(cloudPath, await readBody(req), owner)
      res.writeHead(200).end('')
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'METHOD_NOT_ALLOWED', { allow: 'GET, HEAD, PUT' })
    storage.authorizeDownload(cloudPath, url.searchParams)
    const file = storage.diskPath(cloudPath)
    if (!fs.existsSync(file)) throw new HttpError(404, 'NOT_FOUND')
    res.writeHead(200, { 'content-length': fs.statSync(file).size, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(file))}` })
    if (req.method === 'HEAD') res.end()
    else fs.createReadStream(file).pipe(res)
  }

  /** Answers the request if it is CloudBase's; returns false to let the caller route it elsewhere. */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://local')
    if (url.pathname !== ADMIN_PATH && !url.pathname.startsWith(STORAGE_PATH)) return false
    try {
      if (url.pathname.startsWith(STORAGE_PATH)) await files(req, res, url)
      else if (req.method === 'POST') await admin(req, res)
      else throw new HttpError(405, 'METHOD_NOT_ALLOWED', { allow: 'POST' })
    } catch (e) {
      if (!(e instanceof HttpError)) throw e
      sendError(res, e)
    }
    return true
  }

  return { handle, stats, store, storage, messages, runAction, close: () => store.close() }
}

export type CloudBase = ReturnType<typeof createCloudBase>
