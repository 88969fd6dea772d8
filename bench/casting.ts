/**
 * @module Casting throughput: 1 000 distinct voters at 200 concurrency through the full local stack
 * (gateway → evaluate function → real SDK → embedded CloudBase on a durable SQLite file), all
 * rating one target; beside it, a bare loopback HTTP server measured in the same run. Two modes:
 * one process serving every call (as `npm start` does), and CloudBase's own model, where each
 * instance serves one invocation at a time and shares no memory with the others.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { FUNCTIONS } from '../local/functions'
import type { FunctionMain } from '../local/gateway'
import { startRuntime } from '../local/runtime'
import { ensureUnits, fullBallot, openRound, TARGETS, TEST_STREET } from '../test/helpers/rounds'
import { signIn } from '../test/helpers/runtime'
import { templateById } from '../src/core'
import { grown, perUnit, requestKinds } from './requests'

const VOTERS = Number(process.env.VOTERS ?? 1000)
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 200)
/** Counter shards per target (the round default is 16). */
const SHARDS = Number(process.env.SHARDS ?? 16)
/** Instances of `evaluate` at most in the production-faithful mode (started as calls need them). */
const INSTANCES = Number(process.env.INSTANCES ?? CONCURRENCY)
/** Targets of the matrix submission (a seed 000 group holds four units). */
const MATRIX = Number(process.env.MATRIX ?? 4)

const OURS = path.resolve(__dirname, '..', 'cloudfunctions')

/** A new instance: our function's modules loaded afresh, so nothing of another instance's memory is seen. */
function freshEvaluate(): FunctionMain {
  for (const key of Object.keys(require.cache)) if (key.startsWith(OURS)) delete require.cache[key]
  return (require('../cloudfunctions/evaluate') as { main: FunctionMain }).main
}

/** CloudBase's model: an idle instance takes the call, else a new one up to the limit, else the call waits. */
function instances(limit: number): FunctionMain {
  const idle: FunctionMain[] = []
  const waiting: ((f: FunctionMain) => void)[] = []
  let started = 0
  const acquire = async (): Promise<FunctionMain> => idle.pop() ?? (started < limit ? (started++, freshEvaluate()) : new Promise((r) => waiting.push(r)))
  return async (event, context) => {
    const instance = await acquire()
    try {
      return await instance(event, context)
    } finally {
      const next = waiting.shift()
      if (next) next(instance)
      else idle.push(instance)
    }
  }
}

async function pool<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = []
  let next = 0
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < tasks.length) {
      const i = next++
      results[i] = await tasks[i]()
    }
  }))
  return results
}

async function timed(tasks: (() => Promise<unknown>)[]) {
  const latencies: number[] = []
  const started = performance.now()
  await pool(tasks.map((task) => async () => {
    const t0 = performance.now()
    await task()
    latencies.push(performance.now() - t0)
  }), CONCURRENCY)
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]
  return { perSecond: tasks.length / seconds, p50: at(0.5), p99: at(0.99) }
}

async function loopbackBaseline() {
  const server = http.createServer((req, res) => req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  const result = await timed(Array.from({ length: VOTERS }, () => () => fetch(url, { method: 'POST', body: '{}' }).then((r) => r.text())))
  server.close()
  return result
}

type Runtime = Awaited<ReturnType<typeof startRuntime>>

/** One mode on its own round of the one runtime (a second runtime in this process would share our modules' state with the first). */
async function measure(runtime: Runtime, mode: string, first: number, targets = 1) {
  const ids = Array.from({ length: targets }, (_, i) => `t${i + 1}`)
  const roundId = await openRound(runtime, {
    shards: SHARDS,
    ...(targets > 1 ? { targets: ids.map((id, i) => ({ id, name: `第${i + 1}党支部`, kind: 'unit', unitId: id })) } : {}),
  })
  const template = templateById('community-satisfaction')!.ballot
  const voters = await pool(Array.from({ length: VOTERS }, (_, i) => async () => {
    const s = await signIn(runtime, `voter-${first + i}`)
    await s.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
    return s
  }), 50)

  const before = { ...runtime.cloudbase.stats }
  const outcomes: string[] = []
  const cast = await timed(voters.map((s, i) => async () => {
    const answer = await s.call<{ ok: boolean; data?: { outcomes: { status: string }[] } }>('evaluate', {
      action: 'submit',
      data: { roundId, channel: 'grid-1', ballots: ids.map((id) => fullBallot(template, id, i % 4)) },
    })
    outcomes.push(...(answer.ok ? answer.data!.outcomes.map((o) => o.status) : ids.map(() => 'error')))
  }))
  const delta = grown(before, runtime.cloudbase.stats)
  const recorded = outcomes.filter((o) => o === 'recorded').length
  // The close that follows: seal, counters, recount of every target, final results stored.
  const beforeClose = { ...runtime.cloudbase.stats }
  const admin = await signIn(runtime, 'admin')
  await admin.call('organize', { action: 'closeRound', data: { roundId } })
  return { mode, targets, cast, recorded, delta, close: requestKinds(grown(beforeClose, runtime.cloudbase.stats)) }
}

async function main() {
  let evaluate = FUNCTIONS.evaluate
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-bench-'))
  const runtime = await startRuntime({ dataDir, port: 0, functions: { ...FUNCTIONS, evaluate: (event, context) => evaluate(event, context) }, devSignIn: true })
  await ensureUnits(runtime)
  const admin = await signIn(runtime, 'admin')
  for (let i = 4; i <= MATRIX; i++) await admin.call('organize', { action: 'createUnit', data: { id: `t${i}`, name: `第${i}党支部`, parentId: TEST_STREET, kind: 'branch' } })
  const runs = [await measure(runtime, 'one process', 0)]
  evaluate = instances(INSTANCES)
  const inInstances = `instances (≤ ${INSTANCES}), each with its own memory`
  runs.push(await measure(runtime, inInstances, VOTERS))
  runs.push(await measure(runtime, `${inInstances}, a ${MATRIX}-target matrix per voter`, 2 * VOTERS, MATRIX))
  await runtime.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
  const baseline = await loopbackBaseline()

  const row = (name: string, r: { perSecond: number; p50: number; p99: number }) =>
    console.log(`${name.padEnd(30)} ${r.perSecond.toFixed(0).padStart(7)}/s   p50 ${r.p50.toFixed(1).padStart(7)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms`)
  console.log(`${VOTERS} voters, concurrency ${CONCURRENCY}, ${SHARDS} counter shards per target, durable SQLite store`)
  row('bare loopback HTTP baseline', baseline)
  for (const { mode, targets, cast, recorded, delta, close } of runs) {
    const kinds = requestKinds(delta)
    console.log(`\n— ${mode}`)
    row(targets > 1 ? 'submissions (full stack)' : 'ballots (full stack)', cast)
    console.log(`ratio baseline/submissions      ${(baseline.perSecond / cast.perSecond).toFixed(1)}× slower than an empty HTTP round trip`)
    console.log(`recorded                        ${recorded} of ${VOTERS * targets} ballots`)
    console.log(`DB requests per submission      ${perUnit(kinds, recorded / targets)}`)
    if (targets > 1) console.log(`  against one target's           ${(kinds.all / (recorded / targets) / (requestKinds(runs[1]!.delta).all / runs[1]!.recorded)).toFixed(2)}×`)
    console.log(`transaction attempts that conflicted, per submission  ${(((delta['database.startTransaction'] ?? 0) - (delta['database.commitTransaction'] ?? 0)) / (recorded / targets)).toFixed(2)}`)
    console.log(`requests by action              ${Object.entries(delta).map(([a, n]) => `${a.replace('database.', '')} ${n}`).join(', ')}`)
    console.log(`closing the round               ${close.all} requests (reads ${close.reads}, writes ${close.writes}, transaction control ${close.transaction}) for ${targets > 1 ? targets : TARGETS.length} targets × ${SHARDS} shards`)
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
