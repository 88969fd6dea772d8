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
import { fullBallot, openRound } from '../test/helpers/rounds'
import { signIn } from '../test/helpers/runtime'
import { templateById } from '../src/core'

const VOTERS = Number(process.env.VOTERS ?? 1000)
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 200)
/** Counter shards per target (the round default is 16). */
const SHARDS = Number(process.env.SHARDS ?? 16)
/** Instances of `evaluate` at most in the production-faithful mode (started as calls need them). */
const INSTANCES = Number(process.env.INSTANCES ?? CONCURRENCY)

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
async function measure(runtime: Runtime, mode: string, first: number) {
  const roundId = await openRound(runtime, { shards: SHARDS })
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
      data: { roundId, channel: 'grid-1', ballots: [fullBallot(template, 't1', i % 4)] },
    })
    outcomes.push(answer.ok ? answer.data!.outcomes[0].status : 'error')
  }))
  const after = { ...runtime.cloudbase.stats }
  const delta = (action: string) => (after[action] ?? 0) - (before[action] ?? 0)
  const actions = Object.keys(after).filter((a) => delta(a) > 0)
  const requests = actions.reduce((sum, a) => sum + delta(a), 0)
  const recorded = outcomes.filter((o) => o === 'recorded').length
  return { mode, cast, recorded, requests, delta, actions }
}

async function main() {
  let evaluate = FUNCTIONS.evaluate
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-bench-'))
  const runtime = await startRuntime({ dataDir, port: 0, functions: { ...FUNCTIONS, evaluate: (event, context) => evaluate(event, context) }, devSignIn: true })
  const runs = [await measure(runtime, 'one process', 0)]
  evaluate = instances(INSTANCES)
  runs.push(await measure(runtime, `instances (≤ ${INSTANCES}), each with its own memory`, VOTERS))
  await runtime.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
  const baseline = await loopbackBaseline()

  const row = (name: string, r: { perSecond: number; p50: number; p99: number }) =>
    console.log(`${name.padEnd(30)} ${r.perSecond.toFixed(0).padStart(7)}/s   p50 ${r.p50.toFixed(1).padStart(7)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms`)
  console.log(`${VOTERS} voters, concurrency ${CONCURRENCY}, one target with ${SHARDS} counter shards, durable SQLite store`)
  row('bare loopback HTTP baseline', baseline)
  for (const { mode, cast, recorded, requests, delta, actions } of runs) {
    console.log(`\n— ${mode}`)
    row('ballots (full stack)', cast)
    console.log(`ratio baseline/ballots          ${(baseline.perSecond / cast.perSecond).toFixed(1)}× slower than an empty HTTP round trip`)
    console.log(`recorded                        ${recorded} of ${VOTERS} (${VOTERS - recorded} not recorded)`)
    console.log(`DB round trips per ballot       ${(requests / recorded).toFixed(2)}`)
    console.log(`transaction attempts that conflicted, per ballot  ${((delta('database.startTransaction') - delta('database.commitTransaction')) / recorded).toFixed(2)}`)
    console.log(`requests by action              ${actions.map((a) => `${a.replace('database.', '')} ${delta(a)}`).join(', ')}`)
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
