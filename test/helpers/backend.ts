/**
 * The database the contract suite runs against: a real CloudBase environment when TCB_ENV,
 * TCB_SECRET_ID and TCB_SECRET_KEY are set, the embedded server otherwise.
 */
import tcb from '@cloudbase/node-sdk'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { ADMIN_PATH, createCloudBase, scfEnvironment } from '../../local/cloudbase/server'
import { freshCredentials } from '../../local/cloudbase/signature'

const real = process.env.TCB_ENV && process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY

export const BACKEND_NAME = real ? `real CloudBase environment ${process.env.TCB_ENV}` : 'embedded CloudBase (local/cloudbase)'

export async function openBackend() {
  if (real) {
    const app = tcb.init({ env: process.env.TCB_ENV, secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY, throwOnCode: true })
    return { app, stats: undefined, close: async () => undefined }
  }
  let url = ''
  const credentials = freshCredentials()
  const cloudbase = createCloudBase({ dataDir: ':memory:', env: 'contract', publicUrl: () => url, credentials })
  const server = http.createServer((req, res) => void cloudbase.handle(req, res).then((handled) => handled || res.writeHead(404).end()))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  Object.assign(process.env, scfEnvironment(`${url}${ADMIN_PATH}`, 'contract', credentials))
  const app = tcb.init({ env: 'contract', serviceUrl: `${url}${ADMIN_PATH}`, throwOnCode: true })
  return {
    app,
    stats: cloudbase.stats,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }).then(() => cloudbase.close()),
  }
}
