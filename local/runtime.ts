/**
 * @module The whole product on one port of 127.0.0.1: the embedded CloudBase (`/admin`), the
 * function gateway (`/api/*`, `/__dev/*`) and the H5 app. Functions talk to CloudBase through the
 * real SDK, pointed here the way CloudBase points a deployed function at its own service.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { ADMIN_PATH, createCloudBase, scfEnvironment } from './cloudbase/server'
import { ADMIN_PERSONA, devLogin } from './devlogin'
import { createGateway, type FunctionMain } from './gateway'
import { localSecrets } from './secrets'
import { staticFiles } from './static'
import { startTimers } from './triggers'

export interface RuntimeOptions {
  dataDir: string
  port: number
  functions: Record<string, FunctionMain>
  /** Built H5 app; omitted in tests that only call functions. */
  h5Dir?: string
  /** Fire the timer triggers of cloudbaserc.json (the scheduler); off where tests drive time themselves. */
  triggers?: boolean
}

export const LOCAL_ENV_ID = 'qunping-local'

export async function startRuntime(options: RuntimeOptions) {
  const secrets = localSecrets(options.dataDir)
  let url = ''
  const cloudbase = createCloudBase({ dataDir: options.dataDir, env: LOCAL_ENV_ID, publicUrl: () => url })
  const login = devLogin(secrets.session)
  const gateway = createGateway(options.functions, login)
  const files = options.h5Dir ? staticFiles(options.h5Dir) : undefined

  const server = http.createServer((req, res) => {
    void (async () => {
      if (await cloudbase.handle(req, res)) return
      if (await gateway(req, res)) return
      if (files?.(req, res)) return
      res.writeHead(404).end()
    })().catch((e) => {
      console.error('local runtime:', e)
      if (!res.headersSent) res.writeHead(500).end()
    })
  })
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  // What CloudBase injects into a deployed function; the functions read nothing else.
  Object.assign(process.env, {
    ...scfEnvironment(`${url}${ADMIN_PATH}`, LOCAL_ENV_ID),
    QUNPING_SECRET: secrets.functions,
    QUNPING_ADMIN_OPENIDS: login.openidOf(ADMIN_PERSONA),
    QUNPING_SETUP_CODE: secrets.setupCode,
    TZ: 'Asia/Shanghai',
  })

  const stopTimers = options.triggers ? startTimers(options.functions) : () => undefined

  return {
    url,
    cloudbase,
    login,
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
