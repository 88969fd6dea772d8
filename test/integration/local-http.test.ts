/**
 * The local runtime's HTTP layer, attacked as an outsider on the machine (or a web page in its
 * browser) would: the embedded CloudBase takes only requests signed with the functions' key,
 * recent and never replayed; files leave only through signed, expiring links; foreign Host and
 * Origin are refused everywhere; dev sign-in exists only when the runtime turns it on; and every
 * malformed request gets a coded JSON answer with the right status instead of a 500 or a reset.
 */
import tcb from '@cloudbase/node-sdk'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FUNCTIONS } from '../../local/functions'
import { type Runtime, startRuntime } from '../../local/runtime'
import { localSecrets } from '../../local/secrets'
import { adminCall, signedAdminRequest } from '../helpers/admin'
import { rawRequest } from '../helpers/http'
import { type Answer, ensureUnits, openRound, TARGETS, SELF_REPORTS } from '../helpers/rounds'
import { signIn, startTestRuntime } from '../helpers/runtime'
import { storedDocs } from '../helpers/store'

let runtime: Runtime
let admin: string
/** How far the embedded CloudBase's clock runs ahead of the real one: expiry is tested by moving it. */
let clockAhead = 0
const h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-h5-'))

beforeAll(async () => {
  fs.writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>群评</title>')
  runtime = await startRuntime({ dataDir: ':memory:', port: 0, functions: FUNCTIONS, h5Dir, devSignIn: true, now: () => Date.now() + clockAhead })
  admin = `${runtime.url}/admin`
  await ensureUnits(runtime)
})
afterAll(async () => {
  await runtime.close()
  fs.rmSync(h5Dir, { recursive: true, force: true })
})

/** Runs `work` (which starts another runtime) and gives the environment back to this file's runtime. */
async function aside(work: () => Promise<void>): Promise<void> {
  const saved = { ...process.env }
  try {
    await work()
  } finally {
    Object.assign(process.env, saved)
  }
}

const refused = (code: string) => ({ ok: false, error: { code, message: expect.stringMatching(/[\u4e00-\u9fff]/) } })
const signRefused = { code: 'SIGN_PARAM_INVALID', message: expect.stringMatching(/^请求签名无效/), requestId: expect.any(String) }
const insertRole = { action: 'database.insertDocument', collectionName: 'roles', data: [{ openid: 'oAttacker', role: 'admin', unitId: 'root' }] }

describe('the embedded CloudBase verifies the SDK signature on every request', () => {
  test('an unsigned request reads nothing and writes nothing', async () => {
    const before = storedDocs(runtime, 'roles').length
    for (const body of [{ action: 'database.queryDocument', collectionName: 'ballots', query: '{}' }, insertRole]) {
      const res = await fetch(admin, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      expect(await res.json()).toEqual(signRefused)
    }
    expect(storedDocs(runtime, 'roles')).toHaveLength(before)
  })

  test('a request signed with another key, changed after signing, stale, from the future or replayed is refused', async () => {
    const now = Math.floor(Date.now() / 1000)
    const wrongKey = { ...runtime.credentials, secretKey: 'guessed-secret-key-guessed-secret-key' }
    const wrongToken = { ...runtime.credentials, sessionToken: 'guessed-session-token-guessed-session' }
    const roles = () => storedDocs(runtime, 'roles').length
    const before = roles()
    expect(await adminCall(admin, wrongKey, insertRole)).toEqual(signRefused)
    expect(await adminCall(admin, wrongToken, insertRole)).toEqual(signRefused)
    const harmless = { action: 'database.queryDocument', collectionName: 'roles', query: '{}' }
    expect(await adminCall(admin, runtime.credentials, harmless, { tamper: (p) => ({ ...p, ...insertRole }) })).toEqual(signRefused)
    expect(await adminCall(admin, runtime.credentials, harmless, { tamper: (p) => ({ ...p, extra: 'added' }) })).toEqual(signRefused)
    expect(await adminCall(admin, runtime.credentials, insertRole, { timestamp: now - 601 })).toEqual({ ...signRefused, message: expect.stringContaining('过期') })
    expect(await adminCall(admin, runtime.credentials, insertRole, { timestamp: now + 3600 })).toEqual(signRefused)
    expect(roles()).toBe(before)

    const { url, init } = signedAdminRequest(admin, runtime.credentials, { action: 'database.watchDocument' })
    expect(await (await fetch(url, init)).json()).toMatchObject({ code: 'ACTION_NOT_SUPPORTED' })
    expect(await (await fetch(url, init)).json()).toEqual({ ...signRefused, message: expect.stringContaining('重放') })
  })

  test('a data folder from an older version gains a key and keeps its other secrets', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-old-'))
    try {
      const old = { session: 's'.repeat(64), functions: 'f'.repeat(64), setupCode: 'ABCDEF123456' }
      fs.writeFileSync(path.join(dataDir, 'secrets.json'), JSON.stringify(old))
      const secrets = localSecrets(dataDir)
      expect(secrets).toMatchObject(old)
      expect(secrets.cloudbase.secretKey.length).toBeGreaterThanOrEqual(32)
      expect(localSecrets(dataDir)).toEqual(secrets)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  test('the functions sign with the key the runtime handed them, as CloudBase hands it', () => {
    expect(process.env.TENCENTCLOUD_SECRETID).toBe(runtime.credentials.secretId)
    expect(process.env.TENCENTCLOUD_SECRETKEY).toBe(runtime.credentials.secretKey)
    expect(process.env.TENCENTCLOUD_SESSIONTOKEN).toBe(runtime.credentials.sessionToken)
  })

  test('a data folder keeps its key across restarts, and another folder has another', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-keys-'))
    await aside(async () => {
      const first = await startTestRuntime(dataDir)
      await first.close()
      const second = await startTestRuntime(dataDir)
      await second.close()
      expect(second.credentials).toEqual(first.credentials)
      expect(second.credentials.secretKey).not.toBe(runtime.credentials.secretKey)
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')).cloudbase).toEqual(first.credentials)
    })
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
})

describe('files leave only through signed, expiring links', () => {
  let sheet: URL

  beforeAll(async () => {
    const roundId = await openRound(runtime, { templateId: 'sanping-yilian', reports: SELF_REPORTS, groups: [{ id: 'g', name: '第一组', leadUnitId: 't1', unitIds: TARGETS.map((t) => t.unitId) }] }, false)
    const organiser = await signIn(runtime, 'admin')
    const shared = await organiser.call<Answer>('organize', { action: 'sharedCode', data: { roundId, categoryId: 'unit', unitId: 't1', maxUses: 3 } })
    expect(shared).toMatchObject({ ok: true })
    const answer = await organiser.call<Answer<{ url: string }>>('organize', { action: 'codeSheet', data: { roundId, unitId: 't1' } })
    if (!answer.ok) throw new Error(answer.error.message)
    sheet = new URL(answer.data.url)
  })

  test('the organiser downloads the code sheet through the link the function handed out', async () => {
    const res = await fetch(sheet)
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 2).toString()).toBe('PK')
  })

  test('an outsider who knows or guesses the path gets no code sheet', async () => {
    const bare = `${sheet.origin}${sheet.pathname}`
    const t = sheet.searchParams.get('t')!
    const attempts = [
      bare,
      `${bare}?t=${t}`,
      `${bare}?t=${t}&sign=${'A'.repeat(43)}`,
      `${bare}?t=${Number(t) + 86_400}&sign=${sheet.searchParams.get('sign')}`,
      `${sheet.origin}${sheet.pathname.replace('t1-', 't2-')}${sheet.search}`,
    ]
    for (const url of attempts) {
      const res = await fetch(url)
      expect({ url, status: res.status }).toEqual({ url, status: 403 })
      expect(await res.json()).toEqual(refused('FILE_LINK_INVALID'))
    }
  })

  test('a link stops working when its time is up', async () => {
    const fileID = `cloud://qunping-local.local/${decodeURIComponent(sheet.pathname.slice('/__storage/'.length))}`
    const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, throwOnCode: true })
    const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 1 }] })
    const url = (fileList[0] as { tempFileURL: string }).tempFileURL
    expect((await fetch(url)).status).toBe(200)
    clockAhead += 2100
    try {
      expect((await fetch(url)).status).toBe(403)
    } finally {
      clockAhead -= 2100
    }
  })

  test('nobody can upload or overwrite a file without an upload authorization, and one authorization serves once', async () => {
    const original = Buffer.from(await (await fetch(sheet)).arrayBuffer())
    const put = (authorization?: string) =>
      fetch(`${sheet.origin}${sheet.pathname}`, { method: 'PUT', headers: authorization ? { authorization } : {}, body: 'forged sheet' })
    expect((await put()).status).toBe(403)
    expect((await put(`${Math.floor(Date.now() / 1000) + 600}.${'A'.repeat(43)}`)).status).toBe(403)
    expect(Buffer.from(await (await fetch(sheet)).arrayBuffer())).toEqual(original)

    const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, throwOnCode: true })
    const cloudPath = 'exports/once.txt'
    const meta = (await app.getUploadMetadata({ cloudPath })) as { data: { url: string; authorization: string } }
    expect((await fetch(meta.data.url, { method: 'PUT', headers: { authorization: meta.data.authorization }, body: 'first' })).status).toBe(200)
    const replay = await fetch(meta.data.url, { method: 'PUT', headers: { authorization: meta.data.authorization }, body: 'overwritten' })
    expect(replay.status).toBe(403)
    expect(await replay.json()).toEqual(refused('FILE_LINK_INVALID'))
  })
})

describe('only the runtime\'s own address may talk to it', () => {
  const endpoints = [
    { method: 'POST', path: '/admin', body: JSON.stringify(insertRole) },
    { method: 'POST', path: '/api/evaluate', body: JSON.stringify({ action: 'me' }) },
    { method: 'POST', path: '/__dev/login', body: JSON.stringify({ persona: 'admin' }) },
    { method: 'GET', path: '/__dev/personas' },
    { method: 'GET', path: '/__storage/code-sheets/x.xlsx' },
    { method: 'GET', path: '/' },
  ]

  test.each(endpoints)('a foreign Host (DNS rebinding) is refused: $method $path', async ({ method, path: p, body }) => {
    const answer = await rawRequest(runtime.url, p, { method, body, headers: { host: `evil.example:${new URL(runtime.url).port}` } })
    expect(answer.status).toBe(403)
    expect(answer.json).toEqual(refused('FOREIGN_ORIGIN'))
  })

  test.each(endpoints)('a foreign Origin (CSRF) is refused: $method $path', async ({ method, path: p, body }) => {
    const answer = await rawRequest(runtime.url, p, { method, body, headers: { origin: 'http://evil.example', 'content-type': 'text/plain' } })
    expect(answer.status).toBe(403)
    expect(answer.json).toEqual(refused('FOREIGN_ORIGIN'))
  })

  test('a cross-site text/plain POST with the admin\'s cookie changes nothing; the same call from the app\'s origin works', async () => {
    const session = await signIn(runtime, 'admin')
    const create = (origin: string, id: string) =>
      rawRequest(runtime.url, '/api/organize', {
        method: 'POST',
        headers: { cookie: session.cookie, origin, 'content-type': 'text/plain' },
        body: JSON.stringify({ action: 'createUnit', data: { id, name: `伪单位 ${id}`, parentId: null, kind: 'street' } }),
      })
    expect((await create('http://evil.example', 'csrf-unit')).status).toBe(403)
    expect(storedDocs(runtime, 'units').some((u) => u._id === 'csrf-unit')).toBe(false)
    const port = new URL(runtime.url).port
    expect((await create(`http://localhost:${port}`, 'own-unit')).json).toMatchObject({ ok: true })
    expect((await create(`http://127.0.0.1:${port}`, 'own-unit-2')).json).toMatchObject({ ok: true })
  })
})

test('dev sign-in does not exist unless the runtime turns it on, and its cookies then name no one', async () => {
  await aside(async () => {
    const plain = await startRuntime({ dataDir: ':memory:', port: 0, functions: FUNCTIONS })
    const login = await fetch(`${plain.url}/__dev/login`, { method: 'POST', body: JSON.stringify({ persona: 'admin' }) })
    expect(login.status).toBe(404)
    expect(login.headers.get('set-cookie')).toBeNull()
    expect(await login.json()).toEqual(refused('NOT_FOUND'))
    expect((await fetch(`${plain.url}/__dev/personas`)).status).toBe(404)
    const cookie = `qp_dev_session=${plain.login.cookieFor('admin')}`
    const me = await fetch(`${plain.url}/api/evaluate`, { method: 'POST', headers: { cookie }, body: JSON.stringify({ action: 'me' }) })
    expect(await me.json()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } })
    await plain.close()
  })
})

describe('malformed requests get a coded JSON answer with the right status', () => {
  test.each(['{"persona":', 'null', '[]', '"admin"', '{"persona":{"$gt":""}}'])('sign-in with %s → 400 BAD_INPUT', async (body) => {
    const res = await fetch(`${runtime.url}/__dev/login`, { method: 'POST', body })
    expect(res.status).toBe(400)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await res.json()).toEqual(refused('BAD_INPUT'))
  })

  test('a malformed session cookie counts as signed out, and does not break the client', async () => {
    const cookie = 'qp_dev_session=%E0%A4%A'
    const me = await fetch(`${runtime.url}/api/evaluate`, { method: 'POST', headers: { cookie }, body: JSON.stringify({ action: 'me' }) })
    expect(me.status).toBe(200)
    expect(await me.json()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } })
    expect(await (await fetch(`${runtime.url}/__dev/personas`, { headers: { cookie } })).json()).toMatchObject({ current: null })
  })

  test.each(['/__storage/%E0%A4%A', '/__storage/..%2f..%2fsecrets.json', '/__storage/a%2f..%2f..%2f..%2fsecrets.json', '/%E0%A4%A', '/..%2f..%2fsecrets.json', '/assets%2f..%2f..%2f..%2fetc%2fpasswd'])(
    'a bad escape or a climbing path %s → 400 BAD_PATH',
    async (p) => {
      const answer = await rawRequest(runtime.url, p)
      expect(answer.status).toBe(400)
      expect(answer.json).toEqual(refused('BAD_PATH'))
    },
  )

  test.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'GET'])('%s on /api/* → 405 with Allow: POST', async (method) => {
    for (const p of ['/api/evaluate', '/api/organize', '/api/nosuch']) {
      const answer = await rawRequest(runtime.url, p, { method })
      expect({ p, status: answer.status, allow: answer.headers.allow }).toEqual({ p, status: 405, allow: 'POST' })
      expect(answer.json).toEqual(refused('METHOD_NOT_ALLOWED'))
    }
  })

  test.each([
    { path: '/api/evaluate', bytes: 9 * 1024 * 1024 },
    { path: '/admin', bytes: 9 * 1024 * 1024 },
    { path: '/__dev/login', bytes: 64 * 1024 },
  ])('a body over the limit to $path → 413, answered before the connection closes', async ({ path: p, bytes }) => {
    const res = await fetch(`${runtime.url}${p}`, { method: 'POST', body: Buffer.alloc(bytes, 0x20) })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual(refused('PAYLOAD_TOO_LARGE'))
    // The runtime still answers afterwards.
    expect((await fetch(`${runtime.url}/__dev/personas`)).status).toBe(200)
  })

  test('an unknown path answers a coded 404', async () => {
    const plain = await rawRequest(runtime.url, '/admin/../nowhere', { method: 'POST' })
    expect(plain.status).toBe(404)
    expect(plain.json).toEqual(refused('NOT_FOUND'))
  })
})
