/**
 * @module A stand-in for CloudBase's management API, offline. It is an HTTPS proxy that answers
 * every Tencent Cloud API call (tcb, scf, flexdb) and the COS upload of function code itself,
 * with a certificate made for the run that the deploy's process is told to trust
 * (NODE_EXTRA_CA_CERTS): the deploy runs unchanged, with the real SDK, and every call it makes is
 * recorded. It keeps the state those calls build, so a second deploy sees the first one's work.
 */
import { execFileSync } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import tls from 'node:tls'

export interface RecordedCall {
  service: string
  action: string
  params: Record<string, unknown>
  /** The TC3 credential the call was signed with (`<secretId>/<date>/<service>/tc3_request`). */
  credential: string
}

interface FakeFunction {
  Runtime: string
  Timeout: number
  MemorySize: number
  Description: string
  Handler: string
  InstallDependency: string
  Environment: { Variables: { Key: string; Value: string }[] }
  Triggers: { Type: string; TriggerName: string; TriggerDesc: string }[]
  /** SHA-256 of the code zip it was last given, and its size. */
  code: { sha256: string; bytes: number }
}

interface FakeCollection {
  indexes: { Name: string; Keys: { Name: string; Direction: string }[] }[]
  acl: string
}

export interface FakeEnvironment {
  functions: Map<string, FakeFunction>
  collections: Map<string, FakeCollection>
  storageAcl: string
  /** The custom rule's JSON, as ModifyStorageSafeRule sent it (CUSTOM only). */
  storageRule?: string
  /** Uploaded objects by COS key: what a TempCosObjectName points at. */
  objects: Map<string, Buffer>
}

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** A self-signed certificate for the API and COS hosts, made with openssl for this run only. */
function certificate(dir: string) {
  const key = path.join(dir, 'key.pem')
  const cert = path.join(dir, 'cert.pem')
  const names = ['*.tencentcloudapi.com', '*.cos.ap-shanghai.myqcloud.com'].map((n) => `DNS:${n}`).join(',')
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=qunping-management-recorder', '-addext', `subjectAltName=${names}`, '-addext', 'basicConstraints=critical,CA:TRUE'], { stdio: 'ignore' })
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert), certFile: cert }
}

const readBody = (req: http.IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })

export interface Recorder {
  /** For the deploy's process: route through the recorder and trust its certificate. */
  childEnv: Record<string, string>
  calls: RecordedCall[]
  state: FakeEnvironment
  close(): Promise<void>
}

export async function startRecorder(envId: string): Promise<Recorder> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-recorder-'))
  const { key, cert, certFile } = certificate(dir)
  const calls: RecordedCall[] = []
  const state: FakeEnvironment = { functions: new Map(), collections: new Map(), storageAcl: 'PRIVATE', objects: new Map() }
  const parts = new Map<string, Buffer[]>()

  const fn = (name: unknown) => {
    const f = state.functions.get(String(name))
    if (!f) throw new ApiError('ResourceNotFound.Function', `未找到函数 ${String(name)}`)
    return f
  }
  const collection = (name: unknown) => {
    const c = state.collections.get(String(name))
    if (!c) throw new ApiError('ResourceNotFound.TableNotExist', `集合 ${String(name)} 不存在`)
    return c
  }
  const codeOf = (code: Record<string, string>) => {
    const bytes = code.ZipFile ? Buffer.from(code.ZipFile, 'base64') : state.objects.get(code.TempCosObjectName.replace(/^\/+/, ''))
    if (!bytes) throw new ApiError('InvalidParameterValue.Code', '代码包不存在')
    return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }
  }
  const addTriggers = (f: FakeFunction, json: string) => {
    for (const t of JSON.parse(json) as { TriggerName: string; Type: string; TriggerDesc: string }[]) {
      if (f.Triggers.some((x) => x.TriggerName === t.TriggerName)) throw new ApiError('ResourceInUse.Trigger', '触发器已存在')
      // GetFunction lists a timer's cron wrapped in JSON.
      f.Triggers.push({ Type: t.Type, TriggerName: t.TriggerName, TriggerDesc: JSON.stringify({ cron: t.TriggerDesc }) })
    }
  }

  const actions: Record<string, (p: Record<string, any>) => object> = {
    DescribeEnvInfo: () => ({
      EnvInfo: {
        EnvBaseInfo: {
          EnvId: envId,
          Status: 'NORMAL',
          Region: 'ap-shanghai',
          Databases: [{ InstanceId: 'tnt-recorded', Region: 'ap-shanghai', Status: 'RUNNING' }],
          Storages: [{ Bucket: `${envId}-1250000000`, AppId: '1250000000', Region: 'ap-shanghai' }],
          Functions: [{ Namespace: envId, Region: 'ap-shanghai' }],
          LogServices: [],
        },
        UserInfo: { AppId: '1250000000' },
      },
    }),
    GetFunction: (p) => {
      const { code: _code, ...shown } = fn(p.FunctionName)
      return { FunctionName: p.FunctionName, Status: 'Active', ...shown }
    },
    // A COS upload signature in the form the COS SDK checks (base64 of a=…&b=…&k=…&t=…&r=…).
    GetTempCosInfo: () => ({ Date: '2026-12-04', Sign: Buffer.from('a=1253665819&b=sh-tempcos-1253665819&k=recorded&t=1&r=1').toString('base64') }),
    CreateFunction: (p) => {
      if (state.functions.has(p.FunctionName)) throw new ApiError('ResourceInUse.Function', '函数已存在')
      state.functions.set(p.FunctionName, {
        Runtime: p.Runtime,
        Timeout: p.Timeout,
        MemorySize: p.MemorySize,
        Description: p.Description ?? '',
        Handler: p.Handler,
        InstallDependency: p.InstallDependency,
        Environment: { Variables: p.Environment?.Variables ?? [] },
        Triggers: [],
        code: codeOf(p.Code),
      })
      return {}
    },
    UpdateFunctionCode: (p) => {
      fn(p.FunctionName).code = codeOf(p.Code)
      return {}
    },
    UpdateFunctionConfiguration: (p) => {
      const f = fn(p.FunctionName)
      if (p.Timeout !== undefined) f.Timeout = p.Timeout
      if (p.MemorySize !== undefined) f.MemorySize = p.MemorySize
      if (p.Description !== undefined) f.Description = p.Description
      // SCF replaces the whole set of variables.
      if (p.Environment) f.Environment = { Variables: p.Environment.Variables ?? [] }
      return {}
    },
    BatchCreateTrigger: (p) => {
      addTriggers(fn(p.FunctionName), p.Triggers)
      return {}
    },
    DeleteTrigger: (p) => {
      const f = fn(p.FunctionName)
      f.Triggers = f.Triggers.filter((t) => t.TriggerName !== p.TriggerName)
      return {}
    },
    DescribeTable: (p) => ({ Indexes: collection(p.TableName).indexes.map((i) => ({ ...i, Unique: false, Size: 0, Accesses: { Ops: 0, Since: '' } })), IndexNum: collection(p.TableName).indexes.length }),
    CreateTable: (p) => {
      if (state.collections.has(p.TableName)) throw new ApiError('ResourceInUse', '集合已存在')
      // A new collection is the creator's (PRIVATE), as CloudBase makes it.
      state.collections.set(p.TableName, { indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }] }], acl: 'PRIVATE' })
      return {}
    },
    UpdateTable: (p) => {
      const c = collection(p.TableName)
      for (const d of p.DropIndexes ?? []) c.indexes = c.indexes.filter((i) => i.Name !== d.IndexName)
      for (const i of p.CreateIndexes ?? []) {
        if (c.indexes.some((x) => x.Name === i.IndexName)) throw new ApiError('ResourceInUse.Index', '索引已存在')
        c.indexes.push({ Name: i.IndexName, Keys: i.MgoKeySchema.MgoIndexKeys })
      }
      return {}
    },
    DescribeDatabaseACL: (p) => ({ AclTag: collection(p.CollectionName).acl }),
    ModifyDatabaseACL: (p) => {
      collection(p.CollectionName).acl = p.AclTag
      return {}
    },
    DescribeStorageSafeRule: () => ({ AclTag: state.storageAcl, ...(state.storageRule === undefined ? {} : { Rule: state.storageRule }) }),
    ModifyStorageSafeRule: (p) => {
      state.storageAcl = p.AclTag
      state.storageRule = p.AclTag === 'CUSTOM' ? String(p.Rule) : undefined
      return {}
    },
  }

  async function cloudApi(req: http.IncomingMessage, res: http.ServerResponse, service: string) {
    const params = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<string, unknown>
    const action = String(req.headers['x-tc-action'])
    const credential = /Credential=([^,]+)/.exec(String(req.headers.authorization))?.[1] ?? ''
    calls.push({ service, action, params, credential })
    let Response: object
    try {
      const handler = actions[action]
      if (!handler) throw new ApiError('UnsupportedOperation', `录制器不认识 ${service}.${action}`)
      Response = handler(params)
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      Response = { Error: { Code: e.code, Message: e.message } }
    }
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ Response: { ...Response, RequestId: randomUUID() } }))
  }

  /** COS multipart upload, as cos-nodejs-sdk-v5's sliceUploadFile does it. */
  async function cos(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'https://cos')
    const key = decodeURIComponent(url.pathname).replace(/^\/+/, '')
    const body = await readBody(req)
    const uploadId = url.searchParams.get('uploadId')
    const xml = (s: string) => {
      res.setHeader('content-type', 'application/xml')
      res.end(`<?xml version="1.0" encoding="UTF-8"?>${s}`)
    }
    if (req.method === 'GET' && url.searchParams.has('uploads')) return xml('<ListMultipartUploadsResult></ListMultipartUploadsResult>')
    if (req.method === 'POST' && url.searchParams.has('uploads')) {
      const id = randomUUID()
      parts.set(id, [])
      return xml(`<InitiateMultipartUploadResult><Key>${key}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`)
    }
    if (req.method === 'PUT' && uploadId) {
      parts.get(uploadId)![Number(url.searchParams.get('partNumber')) - 1] = body
      res.setHeader('etag', `"${createHash('md5').update(body).digest('hex')}"`)
      return res.end()
    }
    if (req.method === 'GET' && uploadId) return xml(`<ListPartsResult><UploadId>${uploadId}</UploadId></ListPartsResult>`)
    if (req.method === 'POST' && uploadId) {
      state.objects.set(key, Buffer.concat(parts.get(uploadId)!))
      calls.push({ service: 'cos', action: 'Upload', params: { key, bytes: state.objects.get(key)!.length }, credential: '' })
      return xml(`<CompleteMultipartUploadResult><Key>${key}</Key><ETag>"done"</ETag></CompleteMultipartUploadResult>`)
    }
    if (req.method === 'PUT') {
      state.objects.set(key, body)
      calls.push({ service: 'cos', action: 'Upload', params: { key, bytes: body.length }, credential: '' })
      res.setHeader('etag', '"done"')
      return res.end()
    }
    res.statusCode = 400
    xml('<Error><Code>InvalidRequest</Code></Error>')
  }

  const api = http.createServer((req, res) => {
    const host = String(req.headers.host).split(':')[0]
    const handled = host.endsWith('.tencentcloudapi.com') ? cloudApi(req, res, host.split('.')[0]) : host.endsWith('.myqcloud.com') ? cos(req, res) : Promise.reject(new Error(`unexpected host ${host}`))
    handled.catch((e: unknown) => {
      calls.push({ service: 'recorder', action: 'CRASH', params: { message: String(e), host, url: req.url }, credential: '' })
      res.statusCode = 500
      res.end(String(e))
    })
  })
  const secureContext = tls.createSecureContext({ key, cert })
  const proxy = http.createServer((_req, res) => {
    res.statusCode = 405
    res.end()
  })
  // Every HTTPS request arrives as CONNECT: answer it ourselves instead of tunnelling on.
  proxy.on('connect', (_req: http.IncomingMessage, socket: import('node:net').Socket) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    api.emit('connection', new tls.TLSSocket(socket, { isServer: true, secureContext }))
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`

  return {
    childEnv: { http_proxy: url, HTTPS_PROXY: url, https_proxy: url, NODE_EXTRA_CA_CERTS: certFile },
    calls,
    state,
    close: async () => {
      proxy.closeAllConnections()
      api.closeAllConnections()
      await new Promise<void>((resolve) => proxy.close(() => resolve()))
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
