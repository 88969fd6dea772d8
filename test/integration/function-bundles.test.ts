/**
 * The deployable bundles are self-contained and behave as the sources do: each is built into an
 * empty folder outside the repository, gets only its own package.json's dependencies from the
 * registry (as CloudBase installs them), and serves real calls against the embedded CloudBase.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { isBuiltin } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { FUNCTION_SPECS } from '../../scripts/functions'
import { timerContext } from '../../local/gateway'
import { type Runtime, startRuntime } from '../../local/runtime'
import { sharedBundles } from '../helpers/bundles'
import { openRound } from '../helpers/rounds'
import { type Answer, data, signIn } from '../helpers/runtime'

const ROOT = path.resolve(__dirname, '../..')
let outside: string
let runtime: Runtime
let functions: Record<string, (event: unknown, context: unknown) => Promise<unknown>>

/**
 * One npm install per distinct dependency set, copied to the bundles that share it: most bundles
 * need nothing at all. The registry is reached through npm's cache when it holds the packages.
 */
function installDependencies(dirs: string[]) {
  const bySet = new Map<string, string[]>()
  for (const dir of dirs) {
    const set = JSON.stringify((JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: object }).dependencies ?? {})
    bySet.set(set, [...(bySet.get(set) ?? []), dir])
  }
  for (const [set, [first, ...rest]] of bySet) {
    if (set === '{}' || !first) continue
    execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock'], { cwd: first, stdio: 'pipe' })
    for (const dir of rest) fs.cpSync(path.join(first, 'node_modules'), path.join(dir, 'node_modules'), { recursive: true })
  }
}

beforeAll(async () => {
  // Built into an empty folder outside the repository, as dist/functions/<name> would be (shared by the run's suites), and copied before installing.
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-bundles-'))
  fs.cpSync(await sharedBundles(), outside, { recursive: true })
  installDependencies(FUNCTION_SPECS.map((spec) => path.join(outside, spec.name)))
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  functions = Object.fromEntries(FUNCTION_SPECS.map((spec) => [spec.name, require(path.join(outside, spec.name, 'index.js')).main]))
  runtime = await startRuntime({ dataDir: ':memory:', port: 0, functions: functions as never, devSignIn: true })
}, 300_000)

afterAll(async () => {
  await runtime?.close()
  fs.rmSync(outside, { recursive: true, force: true })
})

test('each bundle folder holds index.js exporting main, its package.json and its open-API permissions, and reaches nothing outside', () => {
  for (const spec of FUNCTION_SPECS) {
    const dir = path.join(outside, spec.name)
    const triggers = spec.triggers.length > 0 ? { triggers: spec.triggers } : {}
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual({ permissions: { openapi: spec.openapi }, ...triggers })
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> }
    expect(pkg.main).toBe('index.js')
    expect(Object.keys(pkg.dependencies)).toEqual(spec.native)
    // What the bundle requires is Node's own or what its package.json names, nothing else.
    const required = [...fs.readFileSync(path.join(dir, 'index.js'), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] as string)
    for (const name of required) expect([name, isBuiltin(name) || spec.native.includes(name)]).toEqual([name, true])
    // The folder is outside the repository: no node_modules of the repository above it to fall back on.
    expect(path.relative(ROOT, dir).startsWith('..')).toBe(true)
  }
  // PDFs and posters cannot count on system fonts in CloudBase: the font travels in the bundle.
  for (const printing of FUNCTION_SPECS.filter((s) => s.prints)) {
    expect(fs.readdirSync(path.join(outside, printing.name, 'fonts'))).toEqual(['NotoSansSC-Report.otf'])
    expect(fs.statSync(path.join(outside, printing.name, 'fonts', 'NotoSansSC-Report.otf')).size).toBeLessThan(3_000_000)
  }
  // The poster's canvas came from the registry into the bundle's own folder.
  expect(require.resolve('@napi-rs/canvas', { paths: [path.join(outside, 'organize')] }).startsWith(path.join(outside, 'organize', 'node_modules'))).toBe(true)
})

test('the bundles serve a resident, an admin, a poster drawn with the installed canvas, and the scheduler', async () => {
  const zhang = await signIn(runtime, 'resident-zhang')
  expect(await zhang.call('evaluate', { action: 'me' })).toMatchObject({ ok: true, data: { tag: expect.stringMatching(/^[0-9A-F]{8}$/) } })
  const admin = await signIn(runtime, 'admin')
  expect(await admin.call('report', { action: 'dashboard', data: {} })).toMatchObject({ ok: true, data: { notices: ['您管辖范围内暂无可查看的评议'] } })

  const roundId = await openRound(runtime)
  const poster = data(await admin.call<Answer<{ url: string }>>('organize', { action: 'sharePoster', data: { roundId, channelId: 'grid-1' } }))
  const png = Buffer.from(await (await fetch(poster.url)).arrayBuffer())
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true)

  const timer = { Type: 'Timer', TriggerName: 'close-ended-rounds', Time: new Date().toISOString(), Message: '' }
  expect(await functions.scheduler(timer, timerContext('scheduler'))).toEqual({ ok: true, data: { closed: [], stored: [], reminded: 0 } })
})
