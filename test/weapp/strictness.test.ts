/**
 * The fake WeChat is not permissive: deliberately broken mini-programs fail as they would in
 * WeChat. An API WeChat does not have, a `require` of a file the package lacks, a call into
 * another subpackage, `wx.cloud.callFunction` before `wx.cloud.init`, and a browser global each
 * surface as a test failure.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startWeappWorld, type WeappWorld } from './harness'

let world: WeappWorld
const dirs: string[] = []
beforeAll(async () => {
  world = await startWeappWorld(undefined, { demo: false })
})
afterAll(async () => {
  await world.close()
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
})

/** A one-page mini-program whose page runs `pageScript` in onLoad (and whose app runs `appScript` at launch). */
function fixture(pageScript: string, appScript = 'wx.cloud.init({})', extra: Record<string, string> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-broken-'))
  dirs.push(root)
  const files: Record<string, string> = {
    'app.json': JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'pkg', pages: ['pages/a/index'] }] }),
    'app.js': `${appScript}\nApp({})`,
    'pages/index/index.js': `Page({ data: { said: '' }, onLoad() { ${pageScript} } })`,
    'pages/index/index.wxml': '<view>{{said}}</view>',
    'pkg/pages/a/index.js': 'Page({})',
    'pkg/pages/a/index.wxml': '<view/>',
    'pkg/secret.js': 'module.exports = 1',
    ...extra,
  }
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), text)
  }
  return root
}

const run = (root: string) => world.openAt(root, { persona: 'resident-zhang', path: 'pages/index/index' })

const settle = () => new Promise((r) => setTimeout(r, 100))

test('a sound fixture runs clean, so the failures below are the breakages themselves', async () => {
  const mp = await run(fixture(`wx.cloud.callFunction({ name: 'evaluate', data: { action: 'nope', data: {} } }).then((r) => this.setData({ said: r.result.error.code }))`))
  await mp.waitForText('UNKNOWN_ACTION')
  expect(mp.errors).toEqual([])
  expect(mp.violations).toEqual([])
})

test('an API WeChat does not have fails the test', async () => {
  const mp = await run(fixture('wx.getUserPassword({})'))
  await settle()
  expect(mp.violations).toEqual([expect.stringContaining('wx.getUserPassword is not a WeChat API')])
  expect(mp.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('not a function') })])
})

test('a real API the harness does not simulate refuses to pretend', async () => {
  const mp = await run(fixture('wx.startBluetoothDevicesDiscovery({})'))
  await settle()
  expect(mp.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('does not simulate') })])
})

test('a require of a missing file fails, as does reaching into a subpackage from the main package', async () => {
  const missing = await run(fixture("require('../../common/nowhere')"))
  await settle()
  expect(missing.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('module "common/nowhere.js" is not defined') })])
  const crossing = await run(fixture("require('../../pkg/secret')"))
  await settle()
  expect(crossing.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('is in subpackage pkg') })])
})

test('wx.cloud.callFunction before wx.cloud.init fails, as in WeChat', async () => {
  const mp = await run(fixture(`wx.cloud.callFunction({ name: 'evaluate', data: { action: 'home', data: {} }, fail: (e) => this.setData({ said: e.errMsg }) })`, ''))
  await mp.waitForText('cloud.callFunction:fail')
  expect(mp.text()).toContain('please call wx.cloud.init first')
})

test('browser and Node globals do not exist: process, window, document and fetch are undefined', async () => {
  const mp = await run(fixture(`this.setData({ said: [typeof process, typeof window, typeof document, typeof fetch, typeof localStorage].join(',') }); process.env.X`))
  await mp.waitForText('undefined,undefined,undefined,undefined,undefined')
  expect(mp.errors).toEqual([expect.objectContaining({ message: 'process is not defined' })])
})
