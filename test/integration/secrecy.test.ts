/**
 * Ballot secrecy, checked as a database operator would: no stored ballot holds the voter's openid,
 * receipt id, voter key or anything else that names them, nor any time.
 */
import type { Runtime } from '../../local/runtime'
import { builtinTemplates } from '../../src/core'
import { fullBallot, openRound } from '../helpers/rounds'
import { signIn, startTestRuntime } from '../helpers/runtime'
import { storedDocs } from '../helpers/store'

let runtime: Runtime
beforeAll(async () => {
  runtime = await startTestRuntime()
})
afterAll(() => runtime.close())

const template = builtinTemplates.find((t) => t.id === 'community-satisfaction')!.ballot
/** A pool of ballots (see common/ballots.ts) with their counters `c`, and each ballot in it: `r` is the random sort key. */
const POOL_FIELDS = ['_id', 'roundId', 'targetId', 'ballots', 'c']
const BALLOT_FIELDS = ['categoryId', 'overall', 'items', 'opinion', 'r']

test('no ballot document contains or points to the identity that cast it', async () => {
  const roundId = await openRound(runtime)
  const personas = ['resident-zhang', 'resident-li', 'resident-wang']
  for (const persona of personas) {
    const s = await signIn(runtime, persona)
    await s.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
    await s.call('evaluate', { action: 'submit', data: { roundId, channel: 'grid-1', ballots: [fullBallot(template, 't1', 0, '希望常来走访'), fullBallot(template, 't2')] } })
  }
  const pools = storedDocs(runtime, 'ballots').filter((b) => b.roundId === roundId)
  const receipts = storedDocs(runtime, 'receipts').filter((r) => r.roundId === roundId)
  const enrolments = storedDocs(runtime, 'enrolments').filter((e) => e.roundId === roundId)
  expect(pools.flatMap((p) => p.ballots as object[])).toHaveLength(6)

  const openids = personas.map((p) => runtime.login.openidOf(p))
  const linking = [...openids, ...receipts.flatMap((r) => [r._id, r.voter]), ...enrolments.map((e) => e._id)] as string[]
  for (const pool of pools) {
    expect(Object.keys(pool).every((k) => POOL_FIELDS.includes(k))).toBe(true)
    for (const ballot of pool.ballots as object[]) expect(Object.keys(ballot).every((k) => BALLOT_FIELDS.includes(k))).toBe(true)
    const text = JSON.stringify(pool)
    for (const secret of linking) {
      expect(text).not.toContain(secret)
      expect(text).not.toContain(secret.slice(0, 10).toUpperCase())
    }
  }
  // Receipts and enrolments carry pseudonyms only: no raw openid anywhere in them either.
  for (const doc of [...receipts, ...enrolments]) for (const openid of openids) expect(JSON.stringify(doc)).not.toContain(openid)
})
