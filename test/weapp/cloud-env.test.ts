/**
 * Choosing the cloud environment works as the README says, whether TARO_APP_CLOUD_ENV and
 * TARO_APP_ID are exported in the shell or written in `.env`: the built mini-program passes the
 * env to `wx.cloud.init` and DevTools gets the appid. Without a value (the shared build of this
 * run) `init` gets no env, so WeChat uses the environment the mini-program is bound to.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildCopy, WEAPP_DIR } from './harness/build'
import { startWeappWorld, type WeappWorld } from './harness'

let world: WeappWorld
let scratch: string
/** Two extra weapp builds: this file is the weapp project's slowest by design. */
const BUILDS_MS = 10 * 60_000

beforeAll(async () => {
  world = await startWeappWorld()
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-cloud-env-'))
})
afterAll(async () => {
  await world.close()
  fs.rmSync(scratch, { recursive: true, force: true })
})

async function launchedWith(root: string) {
  const mp = await world.openAt(root, { persona: 'resident-zhang', path: 'pages/index/index' })
  await mp.waitForText('正在进行的评议')
  const appid = (JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8')) as { appid: string }).appid
  return { init: mp.wx.cloudInit(), appid }
}

test('without a value, cloud.init gets no env and the appid stays touristappid', async () => {
  expect(await launchedWith(WEAPP_DIR)).toEqual({ init: { traceUser: true }, appid: 'touristappid' })
})

test('exported in the shell, the env reaches cloud.init and the appid reaches project.config.json', async () => {
  const out = buildCopy(path.join(scratch, 'shell'), { shell: { TARO_APP_CLOUD_ENV: 'qunping-shell-7f3a', TARO_APP_ID: 'wx1111111111shell' } })
  expect(await launchedWith(out)).toEqual({ init: { env: 'qunping-shell-7f3a', traceUser: true }, appid: 'wx1111111111shell' })
}, BUILDS_MS)

test('written in .env, the same', async () => {
  const out = buildCopy(path.join(scratch, 'dotenv'), { dotenv: 'TARO_APP_CLOUD_ENV=qunping-dotenv-9c1d\nTARO_APP_ID=wx2222222222dotenv\n' })
  expect(await launchedWith(out)).toEqual({ init: { env: 'qunping-dotenv-9c1d', traceUser: true }, appid: 'wx2222222222dotenv' })
}, BUILDS_MS)
