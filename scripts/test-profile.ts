/**
 * @module `npm run test:profile [-- jest args]`: runs jest once, in the lanes `npm test` uses, and prints each suite's wall time, the
 * 15 slowest, and where the time went: startup (transform and module loading before the first test),
 * H5 build (the e2e global setup: build and start the product), weapp build, browser (e2e suites),
 * fuzz (fuzz and property suites), waiting (a timer of ≥ 10 ms pending: sleeps, polling, TTLs) and
 * the remaining work. Shares are of the summed suite time, which exceeds the wall time when jest runs
 * suites side by side. The machine's load distorts every figure: note it beside them.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

interface Suite { testPath: string; project: string; start: number; end: number; tests: number; failed: number }
interface Loaded { testPath: string; loadedAt: number; waitingMs: number }

const root = path.resolve(__dirname, '..')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-profile-'))
const started = Date.now()
const run = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/test.ts', ...process.argv.slice(2), '--reporters=default', '--reporters=<rootDir>/test/profile/reporter.js'], {
  cwd: root,
  env: { ...process.env, QUNPING_PROFILE: dir },
  stdio: 'inherit',
})
// Jest's --reporters takes every word after it: they go last, after the caller's paths.
const wallMs = Date.now() - started
const files = fs.readdirSync(dir)
const lanes = files.filter((f) => f.startsWith('suites-')).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { globalSetupMs: number; suites: Suite[] })
const globalSetupMs = lanes.reduce((sum, l) => sum + l.globalSetupMs, 0)
const suites = lanes.flatMap((l) => l.suites)
const loaded = new Map<string, Loaded>(
  files.filter((f) => !f.startsWith('suites-')).map((f) => {
    const l = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Loaded
    return [l.testPath, l]
  }),
)

const kindOf = (s: Suite) =>
  /weapp/.test(s.testPath) ? 'weapp build' : s.project === 'e2e' ? 'browser' : /fuzz|property/.test(s.testPath) ? 'fuzz' : 'work'
const shares: Record<string, number> = { startup: 0, 'H5 build': globalSetupMs, 'weapp build': 0, browser: 0, fuzz: 0, waiting: 0, work: 0 }
const rows = suites.map((s) => {
  const l = loaded.get(s.testPath)
  const total = s.end - s.start
  const startup = l ? Math.max(0, l.loadedAt - s.start) : 0
  const waiting = l ? Math.min(l.waitingMs, total - startup) : 0
  shares.startup += startup
  shares.waiting += waiting
  shares[kindOf(s)] += total - startup - waiting
  return { suite: path.relative(root, s.testPath), project: s.project, total, startup, waiting, tests: s.tests, failed: s.failed }
})
rows.sort((a, b) => b.total - a.total)

const sec = (ms: number) => (ms / 1000).toFixed(1)
const table = (header: string[], body: (string | number)[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n')
console.log('\n## Every suite (seconds)\n')
console.log(table(['suite', 'project', 'total', 'startup', 'waiting', 'tests', 'failed'], rows.map((r) => [r.suite, r.project, sec(r.total), sec(r.startup), sec(r.waiting), r.tests, r.failed])))
console.log('\n## The 15 slowest\n')
console.log(table(['#', 'suite', 'seconds'], rows.slice(0, 15).map((r, i) => [i + 1, r.suite, sec(r.total)])))
const summed = Object.values(shares).reduce((a, b) => a + b, 0)
console.log('\n## Where the time went (share of summed suite time plus the global setup)\n')
console.log(table(['part', 'seconds', 'share'], Object.entries(shares).map(([k, v]) => [k, sec(v), `${((100 * v) / summed).toFixed(1)} %`])))
console.log(`\n${suites.length} suites, ${rows.reduce((a, r) => a + r.tests, 0)} tests; summed ${sec(summed)} s; jest wall time ${sec(wallMs)} s (lanes side by side) on ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`)
fs.rmSync(dir, { recursive: true, force: true })
process.exitCode = run.status ?? 1
