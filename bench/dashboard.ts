/**
 * @module Dashboard read cost: `roundResults` on a round of 50 targets at 1 000 and at 100 000
 * ballots. The counter shards are written directly (16 per target) — this measures reads, and how
 * ballots reach the counters is bench/casting.ts's business. Printed per size: database round trips
 * and response bytes of one call when the live cache is refreshed (counters read, results written)
 * and when it is served from the cache (the warm instance's copy: no cache documents read), p50 of each, and the 100 000 ÷ 1 000 ratios (target ≤ 1.05).
 */
import http from 'node:http'
import { database } from '../cloudfunctions/common/cloudbase'
import { LIVE_TTL_MS } from '../cloudfunctions/common/results'
import { applyIncrements, type Counters, counterIncrements, emptyCounters, inShanghai, mergeCounters, templateById } from '../src/core'
import { ADMIN_PATH } from '../local/cloudbase/server'
import { FUNCTIONS } from '../local/functions'
import { startRuntime } from '../local/runtime'
import { fullBallot } from '../test/helpers/rounds'
import { signIn } from '../test/helpers/runtime'

const TARGETS = 50
const SHARDS = 16
const CALLS = Number(process.env.CALLS ?? 5)

/** Bytes the embedded CloudBase answers: every database response passes through ServerResponse.end. */
let bytesOut = 0
const end = http.ServerResponse.prototype.end
http.ServerResponse.prototype.end = function (this: http.ServerResponse, chunk?: unknown, ...rest: unknown[]) {
  if ((this.req as http.IncomingMessage | undefined)?.url?.startsWith(ADMIN_PATH) && chunk) bytesOut += Buffer.byteLength(chunk as string)
  return (end as (...a: unknown[]) => http.ServerResponse).call(this, chunk, ...rest)
} as typeof end

/** `n` ballots' worth of one shard's counters: the four levels in rotation, as casts would leave them. */
function shardCounters(n: number, round: Parameters<typeof counterIncrements>[0], targetId: string): Counters {
  const template = templateById('community-satisfaction')!.ballot
  let c = emptyCounters()
  for (let level = 0; level < 4; level++) {
    const share = Math.floor(n / 4) + (level < n % 4 ? 1 : 0)
    const inc = counterIncrements(round, 'residents', fullBallot(template, targetId, level), 'grid-1')
    c = applyIncrements(c, Object.fromEntries(Object.entries(inc).map(([k, v]) => [k, v * share])))
  }
  return c
}

type Runtime = Awaited<ReturnType<typeof startRuntime>>
const targets = Array.from({ length: TARGETS }, (_, i) => ({ id: `t${i}`, name: `第${i + 1}党支部`, kind: 'unit', unitId: `u${i}` }))

/** One round per size in one runtime (the functions create their collections once per process). */
async function measure(runtime: Runtime, ballots: number) {
  const admin = await signIn(runtime, 'admin')
  const call = (fn: string, action: string, data: unknown) => admin.call<{ ok: boolean; data: { roundId: string }; error?: { message: string } }>(fn, { action, data })
  const now = inShanghai(new Date())
  const created = await call('organize', 'createRound', {
    templateId: 'community-satisfaction', ownerUnitId: 'street', title: '看板成本', targets, channels: [{ id: 'grid-1', name: '一网格群' }],
    window: { opensAt: now.subtract(1, 'hour').format(), closesAt: now.add(1, 'day').format() }, shards: SHARDS,
  })
  const { roundId } = created.data
  await call('organize', 'openRound', { roundId })
  const { data } = await database().collection('rounds').doc(roundId).get()
  const round = (data[0] as { round: Parameters<typeof counterIncrements>[0] }).round
  for (const t of targets) {
    let all = emptyCounters()
    for (let s = 0; s < SHARDS; s++) {
      const n = Math.floor(ballots / (TARGETS * SHARDS)) + (t.id === 't0' && s < ballots % (TARGETS * SHARDS) ? 1 : 0)
      const c = shardCounters(n, round, t.id)
      all = mergeCounters(all, c)
      await database().collection('counters').add({ _id: `${roundId}:${t.id}:${s}`, roundId, targetId: t.id, c, g: {} })
    }
    // The shards have no stored ballots behind them: a release as up to date as they are keeps a
    // refresh from trying (and failing) to take one from the empty pools, which real rounds never do.
    await database().collection('results').add({ _id: `release:${roundId}:${t.id}`, roundId, basis: 'live', kind: 'release', targetId: t.id, counters: all, opinions: [], at: Date.now() })
  }
  const one = async (refresh: boolean) => {
    // A refresh: the TTL passes (the instance's copy and the cache documents both expire).
    if (refresh) await new Promise((r) => setTimeout(r, LIVE_TTL_MS + 50))
    const trips = Object.values(runtime.cloudbase.stats).reduce((a, b) => a + b, 0)
    const bytes = bytesOut
    const t0 = performance.now()
    const answer = await call('report', 'roundResults', { roundId })
    const ms = performance.now() - t0
    if (!answer.ok) throw new Error(answer.error?.message)
    return { ms, trips: Object.values(runtime.cloudbase.stats).reduce((a, b) => a + b, 0) - trips, bytes: bytesOut - bytes }
  }
  await one(true)
  const runs = async (refresh: boolean) => {
    const all = []
    for (let i = 0; i < CALLS; i++) all.push(await one(refresh))
    const ms = all.map((r) => r.ms).sort((a, b) => a - b)
    return { p50: ms[Math.floor(ms.length / 2)] as number, trips: all[all.length - 1]!.trips, bytes: all[all.length - 1]!.bytes }
  }
  const refreshed = await runs(true)
  const cached = await runs(false)
  return { refreshed, cached }
}

async function main() {
  const runtime = await startRuntime({ dataDir: ':memory:', port: 0, functions: FUNCTIONS, devSignIn: true })
  const admin = await signIn(runtime, 'admin')
  await admin.call('organize', { action: 'createUnit', data: { id: 'street', name: '街道', parentId: null, kind: 'street' } })
  for (const t of targets) await admin.call('organize', { action: 'createUnit', data: { id: t.unitId, name: t.name, parentId: 'street', kind: 'branch' } })
  const small = await measure(runtime, 1000)
  const large = await measure(runtime, 100_000)
  await runtime.close()
  console.log(`roundResults, ${TARGETS} targets × ${SHARDS} counter shards (shards written directly), ${CALLS} calls each`)
  for (const mode of ['refreshed', 'cached'] as const) {
    const [a, b] = [small[mode], large[mode]]
    console.log(`${mode.padEnd(9)}   1 000 ballots: ${a.trips} round trips, ${a.bytes} bytes, p50 ${a.p50.toFixed(1)} ms`)
    console.log(`${''.padEnd(9)} 100 000 ballots: ${b.trips} round trips, ${b.bytes} bytes, p50 ${b.p50.toFixed(1)} ms`)
    console.log(`${''.padEnd(9)} ratio 100k/1k: round trips ${(b.trips / a.trips).toFixed(3)}, bytes ${(b.bytes / a.bytes).toFixed(3)} (target ≤ 1.05)`)
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
