/**
 * @module The whole product on one port of 127.0.0.1: the embedded CloudBase (`/admin`,
 * `/__storage/`), the function gateway (`/api/*`, `/__dev/*`), client uploads (`/__client/upload`)
 * and the H5 app. Functions talk to
 * CloudBase through the real SDK, pointed here and keyed the way CloudBase points and keys a
 * deployed function. Requests naming another host or coming from another origin are refused first.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { setupCodeHash } from '../cloudfunctions/common/setupCode'
import { ADMIN_PATH, createCloudBase, scfEnvironment } from './cloudbase/server'
import { ADMIN_PERSONA, devLogin } from './devlogin'
import { clientUploads } from './clientUpload'
import { createGateway, type FunctionMain } from './gateway'
import { HttpError, sendError } from './http'
import { sameOriginGuard } from './origin'
import { localSecrets } from './secrets'
import { staticFiles } from './static'
import { startTimers } from './triggers'

export interface RuntimeOptions {
  dataDir: string
  port: number
  functions: Record<string, FunctionMain>
  /** Built H5 app; omitted in tests that only call functions. */
  h5Dir?: string
  /** Serve `/__dev/*` and believe its session cookie: only `npm start`, tests and benchmarks ask for it. */
  devSignIn?: boolean
  /** Fire the declared timer triggers (the scheduler); off where tests drive time themselves. */
  triggers?: boolean
  /** The embedded CloudBase's clock (ms), for tests that move time rather than wait for it. */
  now?: () => number
}

export const LOCAL_ENV_ID = 'qunping-local'

export async function startRuntime(options: RuntimeOptions) {
  const secrets = localSecrets(options.dataDir)
  let url = ''
  const cloudbase = createCloudBase({ dataDir: options.dataDir, env: LOCAL_ENV_ID, publicUrl: () => url, credentials: secrets.cloudbase, now: options.now })
  const login = devLogin(secrets.session)
  const gateway = createGateway(options.functions, options.devSignIn ? login : undefined)
  const uploads = clientUploads(cloudbase.storage, options.devSignIn ? login : undefined)
  const files = options.h5Dir ? staticFiles(options.h5Dir) : undefined
  const server = http.createServer((req, res) => {
    void (async () => {
      checkOrigin(req)
      if (await cloudbase.handle(req, res)) return
      if (await gateway(req, res)) return
      if (await uploads(req, res)) return
      if (files?.(req, res)) return
      throw new HttpError(404, 'NOT_FOUND')
    })().catch((e) => {
      if (!(e instanceof HttpError)) console.error('local runtime:', e)
      if (!res.headersSent) sendError(res, e instanceof HttpError ? e : new HttpError(500, 'INTERNAL'))
    })
  })
  const checkOrigin = sameOriginGuard(() => (server.address() as AddressInfo).port)
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  url = `http://127.0.0.1:${port}`

  // What CloudBase injects into a deployed function; the functions read nothing else.
  Object.assign(process.env, {
    ...scfEnvironment(`${url}${ADMIN_PATH}`, LOCAL_ENV_ID, secrets.cloudbase),
    QUNPING_SECRET: secrets.functions,
    QUNPING_ADMIN_OPENIDS: login.openidOf(ADMIN_PERSONA),
    QUNPING_SETUP_CODE_HASH: setupCodeHash(secrets.setupCode),
    TZ: 'Asia/Shanghai',
  })

  const stopTimers = options.triggers ? startTimers(options.functions) : () => undefined

  return {
    url,
    cloudbase,
    login,
    /** The functions' CloudBase key: tests sign their own `/admin` requests with it. */
    credentials: secrets.cloudbase,
    setupCode: secrets.setupCode,
    close: () =>
      new Promise<void>((resolve) => {
        stopTimers()
        server.closeAllConnections()
        server.close(() => {
          cloudbase.close()
          resolve()
        })
      }),
  }
}

export type Runtime = Awaited<ReturnType<typeof startRuntime>>
