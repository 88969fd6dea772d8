/**
 * Choosing the cloud environment works as the README says, whether TARO_APP_CLOUD_ENV and
 * TARO_APP_ID are exported in the shell or written in `.env`: the built mini-program passes the
 * env to `wx.cloud.init` and DevTools gets the appid. Without a value (the shared build of this
 * run) `init` gets no env, so WeChat uses the environment the mini-program is bound to.
 *
 * One extra build (the shell's) shows that what Taro hands webpack reaches `cloud.init` and
 * project.config.json. Where the value comes from (shell or `.env`, and which wins) is decided
 * before webpack runs, so the other cases are checked on those inputs, computed by Taro's own code
 * (harness/taro-inputs.js) in seconds: a second build for `.env` cost a fifth of the weapp lane.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildCopy, buildInputs, type CopyOptions, WEAPP_DIR } from './harness/build'
import { startWeappWorld, type WeappWorld } from './harness'

let world: WeappWorld
let scratch: string
/** One extra weapp build: this file is the weapp project's slowest by design. */
const BUILD_MS = 5 * 60_000

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

const SHELL = { TARO_APP_CLOUD_ENV: 'qunping-shell-7f3a', TARO_APP_ID: 'wx1111111111shell' }
const DOTENV = 'TARO_APP_CLOUD_ENV=qunping-dotenv-9c1d\nTARO_APP_ID=wx2222222222dotenv\n'
/** The define webpack gets for the env and the appid Taro writes, for a copy set up so. */
function inputs(name: string, options: CopyOptions) {
  const { env, projectConfig } = buildInputs(path.join(scratch, name), options)
  return { define: env.TARO_APP_CLOUD_ENV, appid: projectConfig.appid }
}

test('exported in the shell, the env reaches cloud.init and the appid reaches project.config.json', async () => {
  expect(inputs('shell-inputs', { shell: SHELL })).toEqual({ define: '"qunping-shell-7f3a"', appid: 'wx1111111111shell' })
  const out = buildCopy(path.join(scratch, 'shell'), { shell: SHELL })
  expect(await launchedWith(out)).toEqual({ init: { env: 'qunping-shell-7f3a', traceUser: true }, appid: 'wx1111111111shell' })
}, BUILD_MS)

test('written in .env, the same: webpack gets the define and Taro writes the appid, as from the shell', () => {
  const fromDotenv = inputs('dotenv', { dotenv: DOTENV })
  expect(fromDotenv).toEqual({ define: '"qunping-dotenv-9c1d"', appid: 'wx2222222222dotenv' })
  expect(inputs('dotenv-as-shell', { shell: { TARO_APP_CLOUD_ENV: 'qunping-dotenv-9c1d', TARO_APP_ID: 'wx2222222222dotenv' } })).toEqual(fromDotenv)
})

test('set in both, the shell wins', () => {
  expect(inputs('both', { shell: SHELL, dotenv: DOTENV })).toEqual({ define: '"qunping-shell-7f3a"', appid: 'wx1111111111shell' })
})

test('set in neither, the inputs are those of the shared build: an empty define and touristappid', () => {
  expect(inputs('neither', {})).toEqual({ define: '""', appid: 'touristappid' })
})
