/**
 * @module The fuzz test at depth: 10 000 inputs per action (FUZZ_RUNS to vary; FUZZ_ONLY=fn.action
 * to pick actions), every failure counted rather than stopping at the first, and per action the
 * answers by outcome, the failures by kind with one example each, and the time taken.
 */
import fc from 'fast-check'
import { api } from '../src/api'
import { dumpDatabase } from '../test/helpers/dump'
import { describeCase, everyAction, fuzzCases, judge, prepareScene, startFuzzWorld } from '../test/helpers/fuzz'

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)
const ONLY = process.env.FUZZ_ONLY?.split(',')

async function main() {
  const world = await startFuzzWorld(RUNS)
  let failed = 0
  for (const { fn, action } of everyAction(api)) {
    if (ONLY && !ONLY.includes(`${fn}.${action}`)) continue
    const scene = await prepareScene(world)
    const outcomes = new Map<string, number>()
    const failures = new Map<string, { count: number; example: string }>()
    const started = performance.now()
    await fc.assert(
      fc.asyncProperty(fuzzCases(world, fn, action, scene), async (c) => {
        const verdict = await judge(world, fn, c)
        outcomes.set(verdict.outcome, (outcomes.get(verdict.outcome) ?? 0) + 1)
        if (!verdict.failure) return
        // Grouped by the failure's first line, document ids and numbers blanked, so one cause counts once.
        const kind = verdict.failure.split('\n')[0].replace(/\/[^,\s]+/g, '/…').replace(/[0-9a-f]{8}|\d+/g, '#').slice(0, 160)
        const seen = failures.get(kind) ?? { count: 0, example: `${verdict.failure.split('\n')[0].slice(0, 300)}\n      input: ${describeCase(c)}` }
        failures.set(kind, { ...seen, count: seen.count + 1 })
      }),
      { numRuns: RUNS },
    )
    const seconds = (performance.now() - started) / 1000
    const answers = [...outcomes].sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} ${n}`).join(', ')
    console.log(`[heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB, rows ${dumpDatabase(world.runtime).rows.length}] ${fn}.${action}: ${RUNS} inputs in ${seconds.toFixed(1)} s (${((seconds * 1000) / RUNS).toFixed(1)} ms each) — ${answers}`)
    for (const [kind, { count, example }] of failures) {
      failed += count
      console.log(`  FAIL ×${count}: ${kind}\n    e.g. ${example}`)
    }
  }
  console.log(failed === 0 ? 'no failures' : `${failed} failing inputs`)
  await world.runtime.close()
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
