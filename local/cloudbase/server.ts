/**
 * @module The embedded CloudBase: answers the HTTP protocol of `@cloudbase/node-sdk` (POST with an
 * `action`) from a durable local store, so cloud functions run the real SDK with no Tencent account.
 */
import Busboy from 'busboy'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { readBody, sendJson } from '../http'
import { databaseActions } from './database'
import { CloudBaseError } from './errors'
import { callOpenApi } from './openapi'
import { LocalStorage } from './storage'
import { Store } from './store'
import { Transactions } from './transactions'

export interface CloudBaseOptions {
  /** Folder holding the SQLite file and stored files; `:memory:` keeps nothing. */
  dataDir: string
  env: string
  /** Base URL this server is reachable at, for file and QR links. */
  publicUrl: () => string
}

export const ADMIN_PATH = '/admin'

/**
 * What CloudBase injects into a deployed function's environment, pointed at this server. With it
 * the SDK behaves as inside SCF (no probe of Tencent's metadata host) and needs no real keys.
 */
export const scfEnvironment = (adminUrl: string, envId: string) => ({
  TENCENTCLOUD_RUNENV: 'SCF',
  TENCENTCLOUD_REGION: 'ap-shanghai',
  SCF_NAMESPACE: envId,
  TCB_ENV: envId,
  TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
  TENCENTCLOUD_SECRETID: 'local',
  TENCENTCLOUD_SECRETKEY: 'local',
  TENCENTCLOUD_SESSIONTOKEN: '',
  // The SDK's 3 s slow-request timer outlives requests to a server that went away.
  SILENCE: 'true',
})
const STORAGE_PATH = '/__storage/'

type Action = (params: Record<string, unknown>) => unknown

export function createCloudBase(options: CloudBaseOptions) {
  const memory = options.dataDir === ':memory:'
  const store = new Store(memory ? ':memory:' : path.join(options.dataDir, 'cloudbase.sqlite'))
  const storage = new LocalStorage(memory ? fs.mkdtempSync('/tmp/qunping-storage-') : path.join(options.dataDir, 'storage'), options.env, options.publicUrl)
  const actions: Record<string, Action> = {
    ...databaseActions(store, new Transactions(store)),
    'storage.getUploadMetadata': (p) => storage.uploadMetadata(p),
    'storage.batchGetDownloadUrl': (p) => storage.downloadUrls(p),
    'wx.api': async (p) => {
      const answer = await callOpenApi(String(p.apiName), JSON.parse(String(p.requestData || '{}')), options.publicUrl())
      if (!('json' in answer)) throw new CloudBaseError('INVALID_PARAM', `${p.apiName} answers binary data: call it through wx.openApi`)
      return { data: { responseData: JSON.stringify(answer.json) } }
    },
  }
  /** Requests served per action, for benchmarks (round trips per ballot). */
  const stats: Record<string, number> = {}

  async function runAction(params: Record<string, unknown>): Promise<unknown> {
    const action = String(params.action ?? '')
    stats[action] = (stats[action] ?? 0) + 1
    const handler = actions[action]
    if (!handler) throw new CloudBaseError('ACTION_NOT_SUPPORTED', `action "${action}" is not supported by the local CloudBase`)
    return handler(params)
  }

  async function admin(req: IncomingMessage, res: ServerResponse) {
    const requestId = randomUUID()
    if ((req.headers['content-type'] ?? '').startsWith('multipart/form-data')) return openApi(req, res, requestId)
    try {
      const params = JSON.parse((await readBody(req)).toString('utf8')) as Record<string, unknown>
      sendJson(res, 200, { ...(await runAction(params) as object), requestId })
    } catch (e) {
      const err = e instanceof CloudBaseError ? e : new CloudBaseError('SYS_ERR', e instanceof Error ? e.message : String(e))
      sendJson(res, 200, { code: err.code, message: err.message, requestId })
    }
  }

  /** `wx.openApi` arrives as multipart form data and answers raw bytes (PNG) or JSON. */
  function openApi(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const fields: Record<string, string> = {}
    const form = Busboy({ headers: req.headers })
    form.on('field', (name, value) => (fields[name] = value))
    form.on('file', (name, file) => {
      const chunks: Buffer[] = []
      file.on('data', (c: Buffer) => chunks.push(c)).on('end', () => (fields[name] = Buffer.concat(chunks).toString('utf8')))
    })
    form.on('close', async () => {
      stats['wx.openApi'] = (stats['wx.openApi'] ?? 0) + 1
      try {
        if (fields.action !== 'wx.openApi') throw new CloudBaseError('ACTION_NOT_SUPPORTED', `multipart action "${fields.action}" is not supported`)
        const answer = await callOpenApi(fields.apiName ?? fields.cgiName ?? '', JSON.parse(fields.requestData || '{}'), options.publicUrl())
        if ('png' in answer) {
          res.writeHead(200, { 'content-type': 'image/png', 'content-length': answer.png.length })
          res.end(answer.png)
        } else sendJson(res, 200, answer.json)
      } catch (e) {
        const err = e instanceof CloudBaseError ? e : new CloudBaseError('SYS_ERR', String(e))
        sendJson(res, 200, { code: err.code, message: err.message, requestId })
      }
    })
    req.pipe(form)
  }

  async function files(req: IncomingMessage, res: ServerResponse, cloudPath: string) {
    if (req.method === 'PUT') {
      storage.write(cloudPath, await readBody(req))
      res.writeHead(200).end('')
      return
    }
    const file = storage.diskPath(cloudPath)
    if (!fs.existsSync(file)) return sendJson(res, 404, { code: 'STORAGE_FILE_NONEXIST', message: cloudPath })
    res.writeHead(200, { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(file))}` })
    fs.createReadStream(file).pipe(res)
  }

  /** Answers the request if it is CloudBase's; returns false to let the caller route it elsewhere. */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://local')
    if (req.method === 'POST' && url.pathname === ADMIN_PATH) await admin(req, res)
    else if (url.pathname.startsWith(STORAGE_PATH)) await files(req, res, decodeURIComponent(url.pathname.slice(STORAGE_PATH.length)))
    else if (url.pathname === '/__cloudbase/stats') sendJson(res, 200, stats)
    else return false
    return true
  }

  return { handle, stats, store, runAction, close: () => store.close() }
}

export type CloudBase = ReturnType<typeof createCloudBase>
