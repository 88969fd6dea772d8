/**
 * Per-group-chat counts: believed only when WeChat decoded the group's CloudID itself
 * (WX_OPEN_DATA_INFO lists it), and stored only as a keyed hash of the openGId, on the receipt
 * (never beside a ballot's answers), from which the distinct group chats are counted.
 */
import { FUNCTIONS } from '../../local/functions'
import { functionContext } from '../../local/gateway'
import type { Runtime } from '../../local/runtime'
import { templateById } from '../../src/core'
import { fullBallot, openRound } from '../helpers/rounds'
import { startTestRuntime } from '../helpers/runtime'
import { storedDocs } from '../helpers/store'
import { storedBallots } from '../../cloudfunctions/common/ballots'
import { roundCounters } from '../../cloudfunctions/organize/counters'

let runtime: Runtime
beforeAll(async () => {
  runtime = await startTestRuntime()
})
afterAll(() => runtime.close())

const template = templateById('community-satisfaction')!.ballot
const OPEN_GID = 'tGx7-opengid-of-grid-one-chat'
const decodedByWeChat = { WX_OPEN_DATA_INFO: JSON.stringify({ keys: ['group'] }) }

async function vote(openid: string, roundId: string, targetId: string, openData: Record<string, string>) {
  const ctx = () => functionContext('evaluate', openid, openData)
  await FUNCTIONS.evaluate({ action: 'enrol', data: { roundId, categoryId: 'residents' } }, ctx())
  return FUNCTIONS.evaluate(
    { action: 'submit', data: { roundId, ballots: [fullBallot(template, targetId)] }, group: { cloudID: 'cloud-id', data: { openGId: OPEN_GID } } },
    ctx(),
  )
}

const groupKeys = (roundId: string, targetId: string) =>
  storedDocs(runtime, 'receipts').filter((d) => d.roundId === roundId && d.targetId === targetId && d.groupKey).map((d) => d.groupKey)

test('ballots from a group chat WeChat decoded are counted per group, under a hash of its id', async () => {
  const roundId = await openRound(runtime)
  for (const voter of ['oVoterA', 'oVoterB']) expect(await vote(voter, roundId, 't1', decodedByWeChat)).toMatchObject({ ok: true })
  expect(groupKeys(roundId, 't1')).toHaveLength(2)
  expect(new Set(groupKeys(roundId, 't1')).size).toBe(1)
  expect((await roundCounters(roundId)).groupChats).toBe(1)
  // A counter shard keeps no group chat: a known chat points at none of the pools.
  expect(storedDocs(runtime, 'counters').filter((d) => d.roundId === roundId && 'g' in d)).toEqual([])
  for (const coll of ['counters', 'ballots', 'receipts']) expect(JSON.stringify(storedDocs(runtime, coll))).not.toContain(OPEN_GID)
})

test('a group object the client made up is ignored: the ballot counts, the group does not', async () => {
  const roundId = await openRound(runtime)
  expect(await vote('oVoterC', roundId, 't2', {})).toMatchObject({ ok: true })
  expect(await storedBallots(roundId, 't2')).toHaveLength(1)
  expect(groupKeys(roundId, 't2')).toHaveLength(0)
  expect((await roundCounters(roundId)).groupChats).toBe(0)
})
