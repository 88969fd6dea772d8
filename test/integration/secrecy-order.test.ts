/**
 * Ballot secrecy against a full dump (issue 16 §1b): an operator holding the server secret, the
 * data folder's SQLite file (every row and column, in the file's own order and in rowid order when
 * there is one) and every document of every collection in natural order (as CloudBase keeps them)
 * knows a voter and computes their receipt. Using row order, ids, hours, commit numbers, pool
 * membership and sizes, the order everyone voted in (CloudBase's natural order of receipts), and the
 * `results` collection (live releases and stored results, whose counters subtracted from the
 * shards' are the ballots cast since; a release's keys name its ballots), they must not narrow that
 * voter's ballot to fewer than min(k, n) candidates among the target's n ballots — in a quiet
 * round (one ballot per target per hour over a day and more, with bursts and a leader reading the
 * results every hour), while open and after the close, and in a busy one (1 000 voters, 50 at a time).
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { receiptId, voterKey } from '../../cloudfunctions/evaluate/keys'
import type { Runtime } from '../../local/runtime'
import { type Counters, inShanghai, templateById, templateItems } from '../../src/core'
import { readPaperPdf } from '../helpers/paper'
import { type Answer, openRound, TEST_STREET } from '../helpers/rounds'
import { data, signIn, startTestRuntime } from '../helpers/runtime'
import { COUNTING, storedDocs } from '../helpers/store'

const template = templateById('community-satisfaction')!.ballot
const levels = template.scale.levels.map((l) => l.id)
const items = templateItems(template).map((i) => i.id)
const K = 5
/** The round's counter shards (and pools) per target, as `openRound` leaves the default. */
const SHARDS = 16

/** Voter i's answers spell i in base 4 (5 answers, 4 levels: 1 024 distinct ballots), so the test knows whose ballot is whose. */
const ballotOf = (i: number, targetId: string) => {
  const [overall, ...rest] = [0, 1, 2, 3, 4].map((d) => levels[Math.floor(i / 4 ** d) % 4])
  return { targetId, overall, items: Object.fromEntries(items.map((id, k) => [id, rest[k]])) }
}
const voterOf = (b: { overall: string; items: Record<string, string> }) =>
  [b.overall, ...items.map((id) => b.items[id])].reduce((sum, level, d) => sum + levels.indexOf(level) * 4 ** d, 0)

let runtime: Runtime
let dataDir: string
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-order-'))
  runtime = await startTestRuntime(dataDir)
})
afterAll(async () => {
  jest.useRealTimers()
  await runtime.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

async function vote(roundId: string, i: number, targetIds: string[], channel = 'grid-1') {
  const s = await signIn(runtime, `voter-${i}`)
  await s.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
  const answer = await s.call<Answer<{ outcomes: { status: string }[] }>>('evaluate', {
    action: 'submit',
    data: { roundId, channel, ballots: targetIds.map((t) => ballotOf(i, t)) },
  })
  expect(answer.ok && answer.data.outcomes.map((o) => o.status)).toEqual(targetIds.map(() => 'recorded'))
}

interface Row {
  coll: string
  id: string
  doc: Record<string, unknown>
  /** Any other column the file keeps beside the document (a commit number, say). */
  columns: Record<string, unknown>
}
type Entry = { overall: string; items: Record<string, string>; channelId?: string }

/** The operator's dump: the file in its own row order and (if it has one) rowid order; the collections in natural order. */
function dump(): Record<string, Row[]> {
  const file = new Database(path.join(dataDir, 'cloudbase.sqlite'), { readonly: true })
  const read = (sql: string) =>
    (file.prepare(sql).all() as Record<string, unknown>[]).map(({ coll, id, doc, ...columns }): Row => ({ coll: coll as string, id: id as string, doc: JSON.parse(doc as string), columns }))
  const views: Record<string, Row[]> = { 'file order': read('SELECT * FROM docs') }
  const hasRowid = (() => {
    try {
      file.prepare('SELECT rowid FROM docs LIMIT 1').all()
      return true
    } catch {
      return false
    }
  })()
  if (hasRowid) views['rowid order'] = read('SELECT rowid AS at, * FROM docs ORDER BY rowid')
  file.close()
  const { store } = runtime.cloudbase
  views['natural order'] = COLLECTIONS.filter((c) => store.hasCollection(c)).flatMap((coll) =>
    [...store.collection(coll)].map(([id, e]): Row => ({ coll, id, doc: JSON.parse(JSON.stringify(e.doc)), columns: {} })),
  )
  return views
}

const hourOf = (pool: Row) => (pool.doc.hour as string | undefined)?.slice(0, 13) ?? /:(\d{4}-\d{2}-\d{2}T\d{2})(?::|$)/.exec(pool.id)?.[1]
const ballotsIn = (pools: Row[]) => new Set(pools.flatMap((p) => (p.doc.ballots as Entry[]).map(voterOf)))

type Tally = Pick<Counters, 'ballots' | 'overall' | 'items'>
/** The target's counters now: its pools and shards summed (each keeps `c`, the domain's counters). */
function shardTally(shards: Row[]): Tally {
  const sum: Tally = { ballots: 0, overall: {}, items: {} }
  for (const { doc } of shards) {
    const c = (doc.c ?? {}) as Partial<Counters>
    sum.ballots += c.ballots ?? 0
    for (const [level, n] of Object.entries(c.overall ?? {})) sum.overall[level] = (sum.overall[level] ?? 0) + n
    for (const [item, levels] of Object.entries(c.items ?? {})) {
      sum.items[item] ??= {}
      for (const [level, n] of Object.entries(levels)) sum.items[item][level] = (sum.items[item][level] ?? 0) + n
    }
  }
  return sum
}
/** The ballots that may be among those counted in `now` but not in `then`: every answer of theirs is in the difference. */
function ballotsBetween(pools: Row[], then: Tally, now: Tally): Set<number> {
  const more = (tally: Record<string, number> | undefined, earlier: Record<string, number> | undefined, level: string) => (tally?.[level] ?? 0) - (earlier?.[level] ?? 0) > 0
  const fits = (b: Entry) => more(now.overall, then.overall, b.overall) && items.every((id) => more(now.items[id], then.items[id], b.items[id]))
  return new Set(pools.flatMap((p) => (p.doc.ballots as Entry[]).filter(fits).map(voterOf)))
}

/**
 * What the `results` collection adds, for each of its documents with counters (a release, a live
 * or stored result): the ballots counted since it (or, for a release, outside it), and which voters
 * came since — by the hour their receipt keeps, or, given `order` (the voters in the order they
 * voted, as CloudBase's natural order of receipts or enrolments tells an operator; the local store
 * keeps none), by position: a voter placed after the release's count is taken to be outside it.
 */
/** What an operator reads out of a live document's `packed` targets: it is only compressed. */
const unpacked = (packed: unknown): Row['doc'][] => (typeof packed === 'string' ? JSON.parse(inflateRawSync(Buffer.from(packed, 'base64')).toString('utf8')) : [])

function sinceResults(rows: Row[], receipt: Row, voter: number, pools: Row[], shards: Row[], order?: number[]): [string, Set<number>][] {
  const { roundId, targetId } = receipt.doc
  const now = shardTally(shards)
  const found: [string, Set<number>][] = []
  // The live figures keep every target's in one document (`targets`, or deflated JSON in `packed`), each with its counters.
  const docs = rows.filter((r) => r.coll === 'results' && r.doc.roundId === roundId).flatMap((r) => [r.doc, ...((r.doc.targets as Row['doc'][] | undefined) ?? []), ...unpacked(r.doc.packed)].map((doc) => ({ id: r.id, doc })))
  for (const r of docs.filter((r) => r.doc.targetId === targetId && r.doc.counters)) {
    const then = r.doc.counters as Counters
    const hour = receipt.doc.hour as string | undefined
    const after = order ? order.indexOf(voter) >= then.ballots : hour !== undefined && Date.parse(hour) >= (r.doc.at as number)
    if (!after) continue
    found.push([`since ${r.id}`, ballotsBetween(pools, then, now)])
    // A release names its ballots by their sort keys: those outside it, exactly.
    const released = r.doc.released as string[] | undefined
    if (released) found.push([`outside ${r.id}`, new Set(pools.flatMap((p) => (p.doc.ballots as (Entry & { r: string })[]).filter((b) => !released.includes(b.r)).map(voterOf)))])
  }
  return found
}

/**
 * Every inference the attacker can draw for one voter, each sound wherever it applies: the hour a
 * pool states (in a field or its id); a commit number the file keeps (the same commit, or a later
 * one); rows written in one commit lying next to each other; and, when every pool holds one ballot
 * and there are as many pools as receipts, pools and receipts lined up by creation order.
 */
function inferences(rows: Row[], receipt: Row, pools: Row[], receipts: Row[]): [string, Set<number>][] {
  const found: [string, Set<number>][] = []
  const hour = (receipt.doc.hour as string | undefined)?.slice(0, 13)
  if (hour && pools.some(hourOf)) found.push(['hour', ballotsIn(pools.filter((p) => hourOf(p) === hour))])
  const commit = receipt.columns.version as number | undefined
  if (commit !== undefined) {
    found.push(['same commit', ballotsIn(pools.filter((p) => p.columns.version === commit))])
    found.push(['later commit', ballotsIn(pools.filter((p) => (p.columns.version as number) >= commit))])
  }
  const at = rows.indexOf(receipt)
  for (const step of [1, -1]) {
    let i = at + step
    while (rows[i]?.coll === 'counters') i += step
    if (pools.includes(rows[i])) found.push([`next row (${step})`, ballotsIn([rows[i]])])
  }
  if (pools.length === receipts.length && pools.every((p) => (p.doc.ballots as Entry[]).length === 1)) {
    found.push(['creation rank', ballotsIn([pools[receipts.indexOf(receipt)]])])
  }
  return found
}

/**
 * The channel the attacker knows a voter used (from the grid worker who sent her the link, from her
 * own receipt, from the live turnout read before and after she came, or, for paper, from the roster
 * entry her paper receipt is keyed from): the ballots that keep it, and the pools whose shards count
 * it (their ids are the same), whatever group chat key a shard keeps beside them.
 */
function byChannel(receipt: Row, pools: Row[], shards: Row[], channel: string): [string, Set<number>][] {
  const found: [string, Set<number>][] = []
  const entries = pools.flatMap((p) => p.doc.ballots as Entry[])
  if (entries.some((b) => 'channelId' in b)) found.push(['ballot channel', new Set(entries.filter((b) => b.channelId === channel).map(voterOf))])
  const counts = (shard: Row) => (((shard.doc.c ?? {}) as Partial<Counters>).channels ?? {})[channel] ?? 0
  if (shards.some((r) => counts(r) > 0)) found.push(['shard channel counts', ballotsIn(pools.filter((p) => shards.some((r) => r.id === p.id && counts(r) > 0)))])
  const groups = (shard: Row) => Object.keys((shard.doc.g as Record<string, number> | undefined) ?? {})
  const key = receipt.doc.groupKey as string | undefined
  if (key) found.push(['shard group chat', ballotsIn(pools.filter((p) => shards.some((r) => r.id === p.id && groups(r).includes(key))))])
  return found
}

/** Spearman's rho (no ties here: positions are distinct). */
function spearman(xs: number[], ys: number[]): number {
  const ranks = (v: number[]) => {
    const r = new Array<number>(v.length)
    v.map((x, i) => [x, i]).sort((a, b) => a[0] - b[0]).forEach(([, i], rank) => (r[i] = rank))
    return r
  }
  const [a, b] = [ranks(xs), ranks(ys)]
  const n = a.length
  return 1 - (6 * a.reduce((s, x, i) => s + (x - b[i]) ** 2, 0)) / (n * (n * n - 1))
}

/**
 * The attack on one round: for every voter and target, whatever the attacker infers must leave the
 * voter's ballot among at least min(k, n) candidates, or not contain it at all (a wrong guess).
 */
function attack(roundId: string, voters: Map<string, number[]>, knowsOrder = false, channelOf = new Map<number, string>()) {
  const receiptOf = new Map<string, { voter: number; targetId: string }>()
  for (const [targetId, list] of voters) for (const i of list) receiptOf.set(receiptId(roundId, targetId, runtime.login.openidOf(`voter-${i}`)), { voter: i, targetId })
  const narrowed: string[] = []
  const views = dump()
  for (const [view, rows] of Object.entries(views)) {
    for (const [targetId, list] of voters) {
      const pools = rows.filter((r) => r.coll === 'ballots' && r.doc.roundId === roundId && r.doc.targetId === targetId)
      const receipts = rows.filter((r) => r.coll === 'receipts' && receiptOf.get(r.id)?.targetId === targetId)
      const shards = rows.filter((r) => COUNTING.some((c) => c === r.coll) && r.doc.roundId === roundId && r.doc.targetId === targetId)
      expect([view, targetId, receipts.length, ballotsIn(pools).size]).toEqual([view, targetId, list.length, list.length])
      const floor = Math.min(K, list.length)
      for (const receipt of receipts) {
        const { voter } = receiptOf.get(receipt.id)!
        const since = sinceResults(rows, receipt, voter, pools, shards, knowsOrder ? list : undefined)
        const channel = channelOf.get(voter)
        const known = channel ? byChannel(receipt, pools, shards, channel) : []
        for (const [how, candidates] of [...inferences(rows, receipt, pools, receipts), ...since, ...known]) {
          if (candidates.has(voter) && candidates.size < floor) narrowed.push(`${view}, ${how}: voter ${voter} of ${targetId} among ${candidates.size} of ${list.length}`)
        }
      }
      // Within what the attacker cannot tell apart, order must say nothing: a receipt's place
      // against its ballot's place (pool by pool, then within the pool).
      if (list.length >= 100) {
        const place = new Map<number, number>()
        let at = 0
        for (const p of pools) for (const b of p.doc.ballots as Entry[]) place.set(voterOf(b), at++)
        const rho = spearman(receipts.map((_, i) => i), receipts.map((r) => place.get(receiptOf.get(r.id)!.voter)!))
        // Two-sided 99.9 % bound for rho under independence: 3.29 / sqrt(n).
        expect([view, targetId, Math.abs(rho) < 3.29 / Math.sqrt(list.length)]).toEqual([view, targetId, true])
      }
    }
  }
  expect(narrowed.slice(0, 20)).toEqual([])

  // No field links them either: outside receipts and enrolments, no document holds a receipt id,
  // its printed code or a voter key, and a ballot holds only its answers and a random sort key.
  const rows = views['natural order']
  const secrets = [...receiptOf.keys()].flatMap((id) => [id, id.slice(0, 10).toUpperCase()])
  for (const i of new Set([...voters.values()].flat())) secrets.push(voterKey(roundId, runtime.login.openidOf(`voter-${i}`)))
  const elsewhere = rows.filter((r) => r.coll !== 'receipts' && r.coll !== 'enrolments').map((r) => `${r.id} ${JSON.stringify(r.doc)}`).join('\n')
  for (const secret of secrets) expect(elsewhere.includes(secret)).toBe(false)
  // Nor does a receipt keep a time, which would place its voter before or after a count read then;
  // its channel, which whoever holds the secret may know anyway, is where channels are counted from.
  for (const r of rows.filter((r) => r.coll === 'receipts' && receiptOf.has(r.id))) {
    expect(Object.keys(r.doc).filter((k) => k !== 'channelId').sort()).toEqual(['_id', 'roundId', 'targetId', 'voter'])
  }
  // A ballot keeps no channel, so a known channel points at none of them.
  for (const r of rows.filter((r) => r.coll === 'ballots' && r.doc.roundId === roundId)) {
    for (const b of r.doc.ballots as object[]) expect(Object.keys(b).sort()).toEqual(['categoryId', 'items', 'overall', 'r'])
  }
  // What the ballots' side is made of does not depend on who voted when: each target has all of
  // its pools and shards (made when the round opened), none with a time.
  for (const targetId of voters.keys()) {
    const all = Array.from({ length: SHARDS }, (_, k) => `${roundId}:${targetId}:${k}`).sort()
    for (const coll of ['ballots', 'counters']) {
      const mine = rows.filter((r) => r.coll === coll && r.doc.roundId === roundId && r.doc.targetId === targetId)
      expect([coll, mine.map((r) => r.id).sort()]).toEqual([coll, all])
      // `sealed`: every shard alike, once the close has sealed them.
      for (const r of mine) expect(Object.keys(r.doc).filter((k) => k !== 'sealed').sort()).toEqual(coll === 'ballots' ? ['_id', 'ballots', 'c', 'roundId', 'targetId'] : ['_id', 'c', 'roundId', 'targetId'])
      // Nor does a pool or shard count channels: those are the receipts'.
      for (const r of mine) expect([r.id, (r.doc.c as Counters).channels]).toEqual([r.id, {}])
    }
  }
}

test('a quiet round: one ballot per target per hour for 30 hours, bursts, hourly reads, a channel of one or two; no voter narrowed below min(k, n), open or closed', async () => {
  const start = new Date()
  const roundId = await openRound(runtime, {
    window: { opensAt: inShanghai(start).subtract(1, 'hour').format(), closesAt: inShanghai(start).add(3, 'day').format() },
    channels: [{ id: 'grid-1', name: '一网格群' }, { id: 'grid-2', name: '二网格群' }],
  })
  // Only the clock moves: timers stay real, so the server and its retries run as usual.
  jest.useFakeTimers({ now: start, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'] })
  const voters = new Map<string, number[]>([['t1', []], ['t2', []], ['t3', []]])
  // Every voter's channel is known to the attacker: grid-2 brings one ballot to t3 and one to t1.
  const channelOf = new Map<number, string>()
  let next = 0
  const cast = async (targetIds: string[], channel = 'grid-1') => {
    const i = next++
    await vote(roundId, i, targetIds, channel)
    channelOf.set(i, channel)
    for (const t of targetIds) voters.get(t)!.push(i)
  }
  const admin = await signIn(runtime, 'admin')
  const releases = new Set<number>()
  for (let hour = 0; hour < 30; hour++) {
    jest.setSystemTime(start.getTime() + hour * 3_600_000)
    // A leader reading every hour: t1 and t2 are released every k ballots.
    const read = await admin.call<Answer<{ targets: { result: { counted: number } }[] }>>('report', { action: 'roundResults', data: { roundId } })
    if (read.ok) for (const t of read.data.targets) releases.add(t.result.counted)
    await cast(['t1'], hour === 7 ? 'grid-2' : 'grid-1')
    await cast(['t2'])
    // t3 stays under k in all: its few voters must stay among all of its ballots.
    if (hour % 10 === 5) await cast(['t3'], hour === 5 ? 'grid-2' : 'grid-1')
    // A burst: a meeting's worth of residents on t1 within a minute, and three on both t1 and t2.
    if (hour === 12) for (let b = 0; b < 6; b++) await cast(['t1'])
    if (hour === 20) for (let b = 0; b < 3; b++) await cast(['t1', 't2'])
  }
  jest.useRealTimers()
  expect([...releases].filter((n) => n >= K).length).toBeGreaterThan(3)
  // While open, the releases are there, and in CloudBase the natural order of receipts (and of
  // enrolments) tells the order everyone voted in: the voters after a release are placed exactly.
  // Each release left k or more out, drawn by key, so they are among those still.
  attack(roundId, voters, true, channelOf)
  // The live turnout still counts every channel, grid-2's single ballots included.
  const turnout = await admin.call<Answer<{ channels: { id: string; ballots: number }[] }>>('organize', { action: 'participation', data: { roundId } })
  expect(turnout.ok && turnout.data.channels.map((c) => [c.id, c.ballots])).toEqual([['grid-1', next - 2 + 3], ['grid-2', 2]])
  expect(await admin.call<Answer>('organize', { action: 'closeRound', data: { roundId } })).toMatchObject({ ok: true })
  // Closed: even an operator who knows the order everyone voted in finds no release to subtract.
  attack(roundId, voters, true, channelOf)
}, 300_000)

test('a busy round: 1 000 voters, 50 at a time; no voter narrowed below k, and no order lines receipts up with ballots', async () => {
  const roundId = await openRound(runtime)
  const VOTERS = 1000
  let next = 0
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < VOTERS) await vote(roundId, next++, ['t1'])
    }),
  )
  attack(roundId, new Map([['t1', Array.from({ length: VOTERS }, (_, i) => i)]]))
}, 600_000)

test('paper ballots at a quiet target: an operator who knows who voted on paper cannot narrow their ballots below min(k, n)', async () => {
  const roundId = await openRound(runtime)
  const admin = await signIn(runtime, 'admin')
  const { code } = data(await admin.call<Answer<{ code: string }>>('organize', { action: 'inviteRole', data: { role: 'organizer', unitId: TEST_STREET } }))
  const org = await signIn(runtime, 'voter-9900')
  data(await org.call<Answer>('organize', { action: 'redeemRole', data: { code, displayName: '录入员' } }))
  for (let i = 0; i < 6; i++) await vote(roundId, 200 + i, ['t1'])
  // Two residents vote on paper, entered by two people: their roster-free sheets rate t1 only.
  const printed = await readPaperPdf(data(await org.call<Answer<{ url: string }>>('organize', { action: 'printPaper', data: { roundId, open: { categoryId: 'residents', count: 2 } } })).url)
  const onPaper = [300, 301]
  for (const [k, p] of printed.entries()) {
    const input = { roundId, serial: p.serial, check: p.check, sheets: [{ mark: 'ballot', ballot: ballotOf(onPaper[k]!, 't1') }, { mark: 'blank', targetId: 't2' }, { mark: 'blank', targetId: 't3' }] }
    data(await org.call<Answer>('organize', { action: 'enterPaper', data: input }))
    expect(data(await admin.call<Answer<{ status: string }>>('organize', { action: 'enterPaper', data: input }))).toMatchObject({ status: 'recorded' })
  }
  const turnout = data(await admin.call<Answer<{ ballots: number; subtotals: { kind: string; ballots: number }[] }>>('organize', { action: 'participation', data: { roundId } }))
  expect([turnout.ballots, turnout.subtotals.find((s) => s.kind === 'paper')!.ballots]).toEqual([8, 2])
  const paperChannel = (storedDocs(runtime, 'rounds').find((d) => d._id === roundId) as { round: { channels: { id: string; kind?: string }[] } }).round.channels.find((c) => c.kind === 'paper')!.id
  const narrowed: string[] = []
  for (const [view, rows] of Object.entries(dump())) {
    const pools = rows.filter((r) => r.coll === 'ballots' && r.doc.roundId === roundId && r.doc.targetId === 't1')
    const shards = rows.filter((r) => COUNTING.some((c) => c === r.coll) && r.doc.roundId === roundId && r.doc.targetId === 't1')
    // Her paper receipt (keyed from her sheet, found with the secret) says paper: that is where the count comes from.
    const receipts = rows.filter((r) => r.coll === 'receipts' && r.doc.roundId === roundId && r.doc.targetId === 't1' && r.doc.channelId === paperChannel)
    expect([view, receipts.length, ballotsIn(pools).size]).toEqual([view, 2, 8])
    for (const receipt of receipts) {
      for (const [how, candidates] of byChannel(receipt, pools, shards, paperChannel)) {
        for (const voter of onPaper) if (candidates.has(voter) && candidates.size < Math.min(K, 8)) narrowed.push(`${view}, ${how}: paper voter ${voter} among ${candidates.size} of 8`)
      }
    }
  }
  expect(narrowed).toEqual([])
}, 120_000)
