/**
 * Nothing in the weapp bundle reaches for what WeChat's script environment lacks. A build-time
 * variable left unresolved (`process.env.X`) or a browser global crashes the mini-program at launch
 * although every H5 test passes; only Taro's and webpack's own `typeof`-guarded probes may name them.
 */
import fs from 'node:fs'
import path from 'node:path'
import { WEAPP_DIR } from './harness/build'
import { browserGlobalsIn } from './harness/globals'

const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : []))

test('no file of dist/weapp refers to process, window, document, localStorage, fetch or XMLHttpRequest outside a typeof guard', () => {
  const all = files(WEAPP_DIR)
  expect(all.length).toBeGreaterThan(20)
  const found = all.flatMap((file) => browserGlobalsIn(fs.readFileSync(file, 'utf8')).map((hit) => `${path.relative(WEAPP_DIR, file)}: ${hit}`))
  expect(found).toEqual([])
})

test('the check sees an unresolved build-time variable and an unguarded global, and lets a typeof probe pass', () => {
  expect(browserGlobalsIn('wx.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV })')).toEqual([expect.stringContaining('process')])
  expect(browserGlobalsIn('function f(){ return fetch("/api") }')).toEqual([expect.stringContaining('fetch')])
  expect(browserGlobalsIn('var g = "object" === typeof window ? window : this; var d = typeof document')).toEqual([])
  // A local binding of the same name is not the global (WeChat wraps every file in a function).
  expect(browserGlobalsIn('function f(window){ return window.x } (function () { var document = 1; document++ })()')).toEqual([])
})
