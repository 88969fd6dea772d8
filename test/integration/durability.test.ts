/**
 * The whole stack survives a hard kill: `npm start` (without the H5 build) takes a burst of 500
 * residents enrolling and voting in the demo round, its process group is killed with SIGKILL in
 * the middle, and it is started again on the same data folder. Every ballot acknowledged as
 * recorded is still there (the voter's receipts say so, and the target holds at least that many
 * ballots), the counters equal a recount of the stored ballots, and receipts equal ballots.
 */
import fs from 'node:fs'
import { DEMO_ROUND_ID } from '../../local/demo'
import type { Runtime } from '../../local/runtime'
import type { BallotTemplate } from '../../src/core'
import { type Product, startProduct } from '../e2e/product'
import { type Answer, fullBallot } from '../helpers/rounds'
import { signIn, startTestRuntime } from '../helpers/runtime'
import { tallyOf } from '../helpers/tally'

const VOTERS = 500
const CONCURRENCY = 64
/** Voters whose ballots are acknowledged before the kill: well into the burst, far from its end. */
const KILL_AFTER = 150

const products: Product[] = []
let runtime: Runtime | undefined

const start = async (env: Record<string, string>) => {
  const product = await startProduct({ QUNPING_SKIP_BUILD: '1', ...env })
  products.push(product)
  return product
}

function stopped(product: Product, signal: NodeJS.Signals): Promise<void> {
  const exited = new Promise<void>((resolve) => (product.child.exitCode !== null ? resolve() : product.child.once('exit', () => resolve())))
  process.kill(-product.child.pid!, signal)
  return exited
}

async function pool(count: number, width: number, work: (i: number) => Promise<void>) {
  let next = 0
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < count) await work(next++)
  }))
}

afterAll(async () => {
  await runtime?.close()
  for (const p of products) {
    if (p.child.exitCode === null && p.child.signalCode === null) await stopped(p, 'SIGKILL').catch(() => undefined)
    fs.rmSync(p.dataDir, { recursive: true, force: true })
  }
})

test('a kill -9 mid-burst loses no acknowledged ballot, and counters and receipts still match the ballots', async () => {
  const first = await start({})
  const dataDir = first.dataDir
  const probe = await signIn(first, 'voter-0')
  const view = await probe.call<Answer<{ template: BallotTemplate; targets: { id: string }[] }>>('evaluate', { action: 'getRound', data: { roundId: DEMO_ROUND_ID } })
  if (!view.ok) throw new Error(view.error.message)
  const { template, targets } = view.data

  const acknowledged = new Map<string, string[]>()
  let killed: Promise<void> | undefined
  await pool(VOTERS, CONCURRENCY, async (i) => {
    const persona = `voter-${i + 1}`
    try {
      const voter = await signIn(first, persona)
      await voter.call('evaluate', { action: 'enrol', data: { roundId: DEMO_ROUND_ID, categoryId: 'residents' } })
      const ballots = targets.map((t, k) => fullBallot(template, t.id, (i + k) % template.scale.levels.length, i % 3 === 0 ? '服务很好' : undefined))
      const answer = await voter.call<Answer<{ outcomes: { targetId: string; status: string }[] }>>('evaluate', { action: 'submit', data: { roundId: DEMO_ROUND_ID, channel: 'grid-1', ballots } })
      const recorded = answer.ok ? answer.data.outcomes.filter((o) => o.status === 'recorded').map((o) => o.targetId) : []
      if (recorded.length > 0) acknowledged.set(persona, recorded)
    } catch {
      // The product is gone: this voter's ballots were never acknowledged.
    }
    if (acknowledged.size >= KILL_AFTER) killed ??= stopped(first, 'SIGKILL')
  })
  await killed
  expect(killed).toBeDefined()
  expect(acknowledged.size).toBeLessThan(VOTERS)

  const second = await start({ QUNPING_DATA: dataDir })
  fs.rmSync(second.dataDir, { recursive: true, force: true })
  const missing: string[] = []
  await pool(acknowledged.size, 16, async (i) => {
    const [persona, recorded] = [...acknowledged][i]
    const voter = await signIn(second, persona)
    const status = await voter.call<Answer<{ receipts: { targetId: string }[] }>>('evaluate', { action: 'myStatus', data: { roundId: DEMO_ROUND_ID } })
    const held = new Set(status.ok ? status.data.receipts.map((r) => r.targetId) : [])
    for (const targetId of recorded) if (!held.has(targetId)) missing.push(`${persona}/${targetId}`)
  })
  expect(missing).toEqual([])
  await stopped(second, 'SIGTERM')

  runtime = await startTestRuntime(dataDir)
  for (const { id } of targets) {
    const tally = await tallyOf(DEMO_ROUND_ID, id)
    const acknowledgedHere = [...acknowledged.values()].filter((ts) => ts.includes(id)).length
    expect(tally.ballots).toBeGreaterThanOrEqual(acknowledgedHere)
    expect(tally.receipts).toBe(tally.ballots)
    expect(tally.counters).toEqual(tally.recount)
  }
}, 240_000)
