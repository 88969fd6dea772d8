/**
 * @module `npm test` after `tsc --noEmit`: jest in two lanes side by side, one per core, and the
 * wall time at the end. Jest gives a 2-core machine one worker, so one process ran every suite in
 * turn, and the e2e global setup (the H5 build) held back even the unit tests. Here the Node lane
 * (unit, integration) starts at once while the stack lane builds H5 and drives Chromium; each lane
 * runs its suites one at a time, so the e2e suites still take turns on their one product.
 * A new jest project joins the lane it balances (see the README's test budget).
 *
 * Arguments go to every lane (e.g. `npm test -- --ci`); QUNPING_LANES=node or =stack runs one.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const LANES: Record<string, string[]> = {
  // processes: integration suites that wait on child processes (jest.config.js), in whichever lane is shorter: this one
  // since the fuzz, cold starts and worker recycling took a third off it, while the stack lane also makes two cold builds.
  node: ['unit', 'integration', 'processes'],
  // e2e and weapp share dist/weapp (weapp-build.test.ts reuses the harness's build): one lane, so never two builds at once.
  stack: ['e2e', 'weapp'],
}
/**
 * One worker process per lane, replaced once a suite leaves it holding more than this. A lane used
 * to run in jest's own process (one worker means in band), whose heap only grew: every integration
 * suite left ~20 MB behind (`--logHeapUsage`: 75 MB after the first, 483 MB after the eighteenth),
 * so late suites collected garbage in a heap of gigabytes and ran several times slower than alone
 * (the fuzz suite took 233 s late in a lane, 43–62 s alone under a similar load). A fresh worker costs about a second;
 * 45 integration suites took 9–18 % less CPU.
 */
const WORKER_MEMORY_LIMIT = '600MB'
/** The README's budget for jest on 2 cores. */
const BUDGET_S = 300

const root = path.resolve(__dirname, '..')

/**
 * Scratch files in memory when the machine has room: the tests' data folders are SQLite files that
 * fsync every commit (a busy secrecy test commits thousands of times), which on a disk shared with
 * the H5 and weapp builds waited on the disk, not on the code. Killing a process (the durability
 * tests) keeps what it wrote either way; only a power cut would tell the two apart, and no test
 * makes one. A tmpfs mounted noexec (common for containers' /dev/shm) would stop the WeChat
 * template compiler the weapp harness runs from there, and a small one would fill: then the disk.
 */
function memoryScratch(): string | undefined {
  const RAM_DIR = '/dev/shm'
  const MIN_FREE = 4 * 1024 ** 3
  try {
    const mount = fs.readFileSync('/proc/mounts', 'utf8').split('\n').map((line) => line.split(' ')).find((f) => f[1] === RAM_DIR && f[2] === 'tmpfs')
    const { bavail, bsize } = fs.statfsSync(RAM_DIR)
    if (!mount || mount[3].split(',').includes('noexec') || bavail * bsize < MIN_FREE) return undefined
    const dir = path.join(RAM_DIR, 'qunping-tests')
    fs.mkdirSync(dir, { recursive: true })
    return dir
  } catch {
    return undefined
  }
}
const scratch = process.env.TMPDIR ? undefined : memoryScratch()
const chosen = process.env.QUNPING_LANES?.split(',') ?? Object.keys(LANES)
const started = Date.now()
const seconds = (from: number) => ((Date.now() - from) / 1000).toFixed(0)

function prefixed(stream: NodeJS.ReadableStream, out: NodeJS.WriteStream, lane: string) {
  let rest = ''
  stream.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n')
    rest = lines.pop()!
    for (const line of lines) out.write(`[${lane}] ${line}\n`)
  })
  stream.on('end', () => rest && out.write(`[${lane}] ${rest}\n`))
}

function run(lane: string): Promise<{ lane: string; code: number; seconds: string }> {
  const child = spawn(path.join(root, 'node_modules/.bin/jest'), ['--selectProjects', ...LANES[lane], '--maxWorkers=1', `--workerIdleMemoryLimit=${WORKER_MEMORY_LIMIT}`, ...process.argv.slice(2)], {
    cwd: root,
    env: scratch ? { ...process.env, TMPDIR: scratch } : process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  prefixed(child.stdout, process.stdout, lane)
  prefixed(child.stderr, process.stderr, lane)
  return new Promise((resolve) => child.on('close', (code) => resolve({ lane, code: code ?? 1, seconds: seconds(started) })))
}

async function main() {
  const results = await Promise.all(chosen.map(run))
  for (const r of results) console.log(`jest lane ${r.lane} (${LANES[r.lane].join(', ')}): ${r.code === 0 ? 'passed' : 'FAILED'} after ${r.seconds} s`)
  const total = Number(seconds(started))
  console.log(`jest wall time: ${total} s (budget ${BUDGET_S} s on 2 cores${total > BUDGET_S ? ': OVER BUDGET, see the README\'s test budget' : ''})`)
  process.exitCode = results.every((r) => r.code === 0) ? 0 : 1
}

void main()
