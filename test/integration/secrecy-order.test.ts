/**
 * Ballot secrecy against storage order (issue 8, finding 6): a database operator holding a FULL dump
 * (every collection, every field, in the file's natural row order, the in-memory order, `_id`
 * order and the commit-sequence column) and a voter's receipt cannot find that voter's ballot by
 * lining positions up. Over 1 000 voters the rank correlation between a receipt's position and
 * its ballot's position stays within what chance gives.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { receiptId, voterKey } from '../../cloudfunctions/evaluate/keys'
import type { Runtime } from '../../local/runtime'
import { templateById, templateItems } from '../../src/core'
import { type Answer, openRound } from '../helpers/rounds'
import { signIn, startTestRuntime } from '../helpers/runtime'

const VOTERS = 1000
const template = templateById('community-satisfaction')!.ballot
const levels = template.scale.levels.map((l) => l.id)
const items = templateItems(template).map((i) => i.id)

/** Voter i's answers spell i in base 4 (5 answers, 4 levels: 1 024 distinct ballots), so the test knows whose ballot is whose. */
const answersOf = (i: number) => [0, 1, 2, 3, 4].map((d) => levels[Math.floor(i / 4 ** d) % 4])
const ballotOf = (i: number) => {
  const [overall, ...rest] = answersOf(i)
  return { targetId: 't1', overall, items: Object.fromEntries(items.map((id, k) => [id, rest[k]])) }
}
const voterOf = (b: { overall: string; items: Record<string, string> }) =>
  [b.overall, ...items.map((id) => b.items[id])].reduce((sum, level, d) => sum + levels.indexOf(level) * 4 ** d, 0)

/** Average ranks (ties share their mean rank), then Pearson: Spearman's rho with ties. */
function spearman(xs: number[], ys: number[]): number {
  const ranks = (v: number[]) => {
    const order = v.map((x, i) => [x, i]).sort((a, b) => a[0] - b[0])
    const r = new Array<number>(v.length)
    for (let i = 0; i < order.length; ) {
      let j = i
      while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++
      for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2
      i = j + 1
    }
    return r
  }
  const [a, b] = [ranks(xs), ranks(ys)]
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length
  const [ma, mb] = [mean(a), mean(b)]
  let [sab, saa, sbb] = [0, 0, 0]
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb)
    saa += (a[i] - ma) ** 2
    sbb += (b[i] - mb) ** 2
  }
  return sab / Math.sqrt(saa * sbb)
}

let runtime: Runtime
let dataDir: string
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-order-'))
  runtime = await startTestRuntime(dataDir)
})
afterAll(async () => {
  await runtime.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

interface Row {
  coll: string
  id: string
  doc: Record<string, unknown>
  version: number
}

test('over 1 000 voters, no order in a full dump lines a receipt up with its ballot', async () => {
  const roundId = await openRound(runtime)
  let next = 0
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < VOTERS) {
        const i = next++
        const s = await signIn(runtime, `voter-${i}`)
        await s.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
        const answer = await s.call<Answer<{ outcomes: { status: string }[] }>>('evaluate', { action: 'submit', data: { roundId, channel: 'grid-1', ballots: [ballotOf(i)] } })
        expect(answer.ok && answer.data.outcomes[0].status).toBe('recorded')
      }
    }),
  )

  // The operator's dump: the SQLite file itself, rows in their natural (rowid) order.
  const file = new Database(path.join(dataDir, 'cloudbase.sqlite'), { readonly: true })
  const rows = (file.prepare('SELECT coll, id, doc, version FROM docs ORDER BY rowid').all() as { coll: string; id: string; doc: string; version: number }[]).map(
    (r): Row => ({ ...r, doc: JSON.parse(r.doc) as Record<string, unknown> }),
  )
  file.close()
  const mirror = [...runtime.cloudbase.store.collection('receipts').keys(), ...runtime.cloudbase.store.collection('ballots').keys()]

  const receiptOf = new Map(Array.from({ length: VOTERS }, (_, i) => [receiptId(roundId, 't1', runtime.login.openidOf(`voter-${i}`)), i]))
  const voterKeys = new Set(Array.from({ length: VOTERS }, (_, i) => voterKey(roundId, runtime.login.openidOf(`voter-${i}`))))
  const receipts = rows.filter((r) => r.coll === 'receipts' && receiptOf.has(r.id))
  const pools = rows.filter((r) => r.coll === 'ballots' && r.doc.roundId === roundId)
  expect(receipts).toHaveLength(VOTERS)

  /** Each voter's position (and hour) in one ordering of receipts and of ballots. */
  const positions = (receiptRows: Row[], poolRows: Row[], key: (r: Row) => number) => {
    const receipt = new Map<number, { at: number; hour: string }>()
    for (const r of receiptRows) receipt.set(receiptOf.get(r.id)!, { at: key(r), hour: r.doc.hour as string })
    const ballot = new Map<number, number>()
    let at = 0
    for (const p of poolRows) for (const b of p.doc.ballots as { overall: string; items: Record<string, string> }[]) ballot.set(voterOf(b), Number.isNaN(key(p)) ? at++ : key(p))
    return { receipt, ballot }
  }
  const byRow = (list: Row[]) => (r: Row) => (r.coll === 'receipts' ? list.indexOf(r) : Number.NaN)
  const orderings = {
    'natural row order': positions(receipts, pools, byRow(receipts)),
    'in-memory order': positions(
      [...receipts].sort((a, b) => mirror.indexOf(a.id) - mirror.indexOf(b.id)),
      [...pools].sort((a, b) => mirror.indexOf(a.id) - mirror.indexOf(b.id)),
      byRow([...receipts].sort((a, b) => mirror.indexOf(a.id) - mirror.indexOf(b.id))),
    ),
    '_id order': (() => {
      const [rs, ps] = [receipts, pools].map((list) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1)))
      return positions(rs, ps, byRow(rs))
    })(),
    'commit sequence': positions(receipts, pools, (r) => r.version),
  }

  for (const [name, { receipt, ballot }] of Object.entries(orderings)) {
    expect([name, ballot.size]).toEqual([name, VOTERS])
    // The hour is stated openly on both sides; within one hour, order must say nothing.
    const hours = new Map<string, number[]>()
    for (const [voter, r] of receipt) hours.set(r.hour, [...(hours.get(r.hour) ?? []), voter])
    for (const voters of hours.values()) {
      if (voters.length < 30) continue
      const rho = spearman(voters.map((v) => receipt.get(v)!.at), voters.map((v) => ballot.get(v)!))
      // Two-sided 99.9 % bound for rho under independence: 3.29 / sqrt(n).
      expect([name, Math.abs(rho) < 3.29 / Math.sqrt(voters.length)]).toEqual([name, true])
    }
  }

  // No field links them either: outside receipts and enrolments, no document holds a receipt id,
  // its printed code or a voter key, and a ballot holds only its answers and a random sort key.
  const secrets = [...receiptOf.keys(), ...[...receiptOf.keys()].map((id) => id.slice(0, 10).toUpperCase()), ...voterKeys]
  const elsewhere = rows.filter((r) => r.coll !== 'receipts' && r.coll !== 'enrolments').map((r) => `${r.id} ${JSON.stringify(r.doc)}`).join('\n')
  for (const secret of secrets) expect(elsewhere.includes(secret)).toBe(false)
  for (const p of pools) for (const b of p.doc.ballots as object[]) expect(Object.keys(b).sort()).toEqual(['categoryId', 'channelId', 'items', 'overall', 'r'])
}, 600_000)
