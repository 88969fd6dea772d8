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
import path from 'node:path'

const LANES: Record<string, string[]> = {
  node: ['unit', 'integration'],
  // e2e and weapp share dist/weapp (weapp-build.test.ts reuses the harness's build): one lane, so never two builds at once.
  stack: ['e2e', 'weapp'],
}
/** The README's budget for jest on 2 cores. */
const BUDGET_S = 300

const root = path.resolve(__dirname, '..')
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
  const child = spawn(path.join(root, 'node_modules/.bin/jest'), ['--selectProjects', ...LANES[lane], '--maxWorkers=1', ...process.argv.slice(2)], {
    cwd: root,
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
