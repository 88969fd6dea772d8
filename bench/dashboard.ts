/**
 * @module Dashboard read cost: `roundResults` on a round of 50 targets at 1 000 and at 100 000
 * ballots, and of 200 targets at 1 000. The counter shards are written directly (16 per target) —
 * this measures reads, and how ballots reach the counters is bench/casting.ts's business. Printed
 * per round: database requests by kind and response bytes of one call when the warm instance's
 * copy has expired (`refreshed`: the folded live document read again), when it is served from that
 * copy (`cached`), and when no fold is fresh and the reader folds itself (`folded by a reader`:
 * what a round costs before the scheduler's first pass, or when its trigger fails), p50 of each,
 * the scheduler's pass over the round (once a minute while it is open: counters read, bursts
 * watched, live figures folded), and the 100 000 ÷ 1 000 ratios (target ≤ 1.05).
 */
import http from 'node:http'
import { database } from '../cloudfunctions/common/cloudbase'
import { LIVE_STALE_MS, LIVE_TTL_MS } from '../cloudfunctions/common/results'
import { RoundDoc } from '../cloudfunctions/common/rounds'
import { passOpen } from '../cloudfunctions/scheduler'
import { applyIncrements, type Counters, counterIncrements, emptyCounters, inShanghai, mergeCounters, templateById } from '../src/core'
import { ADMIN_PATH } from '../local/cloudbase/server'
import { FUNCTIONS } from '../local/functions'
import { startRuntime } from '../local/runtime'
import { fullBallot } from '../test/helpers/rounds'
import { signIn } from '../test/helpers/runtime'
import { grown, requestKinds } from './requests'

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
const targetsOf = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `t${i}`, name: `第${i + 1}党支部`, kind: 'unit', unitId: `u${i}` }))

/** One round per size in one runtime (the functions create their collections once per process). */
async function measure(runtime: Runtime, ballots: number, count: number) {
  const targets = targetsOf(count)
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
      const n = Math.floor(ballots / (count * SHARDS)) + (t.id === 't0' && s < ballots % (count * SHARDS) ? 1 : 0)
      const c = shardCounters(n, round, t.id)
      all = mergeCounters(all, c)
      // Shards are made at open (`preparePools`): filled in place, as casts would.
      await database().collection('counters').doc(`${roundId}:${t.id}:${s}`).update({ c })
    }
    // The shards have no stored ballots behind them: a release as up to date as they are keeps a
    // refresh from trying (and failing) to take one from the empty pools, which real rounds never do.
    await database().collection('results').add({ _id: `release:${roundId}:${t.id}`, roundId, basis: 'live', kind: 'release', targetId: t.id, counters: all, opinions: [], at: Date.now() })
  }
  const counted = async (work: () => Promise<unknown>) => {
    const before = { ...runtime.cloudbase.stats }
    const bytes = bytesOut
    const t0 = performance.now()
    await work()
    const ms = performance.now() - t0
    return { ms, kinds: requestKinds(grown(before, runtime.cloudbase.stats)), bytes: bytesOut - bytes }
  }
  const read = async () => {
    const answer = await call('report', 'roundResults', { roundId })
    if (!answer.ok) throw new Error(answer.error?.message)
  }
  // The scheduler's pass: the instance's clock is the real one, so its fold is fresh for LIVE_STALE_MS.
  const pass = async () => passOpen(RoundDoc.parse((await database().collection('rounds').doc(roundId).get()).data[0]), new Date())
  const one = async (mode: Mode) => {
    // The instance's copy expires; for a reader's own fold, the scheduler's fold is stale too.
    if (mode !== 'cached') await new Promise((r) => setTimeout(r, LIVE_TTL_MS + 50))
    if (mode === 'folded by a reader') {
      const at = Date.now() - LIVE_STALE_MS - 1000
      await database().collection('results').doc(`live:${roundId}`).update({ computedAt: new Date(at).toISOString(), refreshAt: at })
    }
    return counted(read)
  }
  await pass()
  await one('refreshed')
  const runs = async (mode: Mode) => {
    const all = []
    for (let i = 0; i < CALLS; i++) all.push(await one(mode))
    return summary(all)
  }
  const refreshed = await runs('refreshed')
  const cached = await runs('cached')
  const byReader = await runs('folded by a reader')
  const passes = []
  for (let i = 0; i < CALLS; i++) passes.push(await counted(pass))
  return { refreshed, cached, 'folded by a reader': byReader, 'scheduler pass': summary(passes) }
}

type Mode = 'refreshed' | 'cached' | 'folded by a reader'
type Measured = { ms: number; kinds: ReturnType<typeof requestKinds>; bytes: number }
const summary = (all: Measured[]) => {
  const ms = all.map((r) => r.ms).sort((a, b) => a - b)
  const last = all[all.length - 1]!
  return { p50: ms[Math.floor(ms.length / 2)] as number, trips: last.kinds.all, kinds: last.kinds, bytes: last.bytes }
}

async function main() {
  const runtime = await startRuntime({ dataDir: ':memory:', port: 0, functions: FUNCTIONS, devSignIn: true })
  const admin = await signIn(runtime, 'admin')
  await admin.call('organize', { action: 'createUnit', data: { id: 'street', name: '街道', parentId: null, kind: 'street' } })
  for (const t of targetsOf(200)) await admin.call('organize', { action: 'createUnit', data: { id: t.unitId, name: t.name, parentId: 'street', kind: 'branch' } })
  const small = await measure(runtime, 1000, 50)
  const large = await measure(runtime, 100_000, 50)
  const wide = await measure(runtime, 1000, 200)
  await runtime.close()
  console.log(`roundResults, ${SHARDS} counter shards per target (shards written directly), ${CALLS} calls each`)
  const line = (name: string, r: typeof small.refreshed) =>
    console.log(`${name.padEnd(30)} ${String(r.trips).padStart(4)} requests (reads ${r.kinds.reads}, writes ${r.kinds.writes}), ${(r.bytes / 1024).toFixed(1).padStart(8)} KB, p50 ${r.p50.toFixed(1)} ms`)
  for (const mode of ['refreshed', 'cached', 'folded by a reader', 'scheduler pass'] as const) {
    console.log(`\n— ${mode}`)
    line(' 50 targets,   1 000 ballots', small[mode])
    line(' 50 targets, 100 000 ballots', large[mode])
    line('200 targets,   1 000 ballots', wide[mode])
    const [a, b] = [small[mode], large[mode]]
    console.log(`ratio 100k/1k at 50 targets: requests ${(b.trips / a.trips).toFixed(3)}, bytes ${(b.bytes / a.bytes).toFixed(3)} (target ≤ 1.05)`)
  }
  console.log('\ntarget per refresh: ≤ 4 requests and ≤ 100 KB at 50 and 200 targets (the scheduler pass: once a minute per open round, whoever reads)')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
