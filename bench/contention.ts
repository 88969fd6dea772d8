/**
 * @module Contention: 100 leaders polling the dashboard every 15 s while 200 voters cast. Voters'
 * throughput is measured alone, with the leaders, and alone again, in the same run (the middle
 * phase is compared with the mean of the two around it, so drift of a shared machine cancels out),
 * and every error of either side is counted. Target: throughput drop ≤ 10 %, 0 errors.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FUNCTIONS } from '../local/functions'
import { startRuntime } from '../local/runtime'
import { templateById } from '../src/core'
import { fullBallot, openRound, TARGETS, TEST_STREET } from '../test/helpers/rounds'
import { type Session, signIn } from '../test/helpers/runtime'

const VOTERS = Number(process.env.VOTERS ?? 200)
const LEADERS = Number(process.env.LEADERS ?? 100)
const POLL_MS = 15_000

type Answer = { ok: boolean; data?: { code?: string; outcomes?: { status: string }[] } }

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-contention-'))
  const runtime = await startRuntime({ dataDir, port: 0, functions: FUNCTIONS, devSignIn: true })
  const template = templateById('community-satisfaction')!.ballot
  const admin = await signIn(runtime, 'admin')
  const rounds = [await openRound(runtime), await openRound(runtime), await openRound(runtime)]
  const invite = (await admin.call<Answer>('organize', { action: 'inviteRole', data: { role: 'leader', unitId: TEST_STREET, maxUses: 100 } })).data!.code!
  const leaders: Session[] = []
  for (let i = 0; i < LEADERS; i++) {
    const s = await signIn(runtime, `voter-${500_000 + i}`)
    await s.call('organize', { action: 'redeemRole', data: { code: invite, displayName: `领导${i}` } })
    leaders.push(s)
  }
  let errors = 0
  let polls = 0

  /** 200 voters, each enrolling and casting one ballot per target, all at once. */
  async function phase(roundId: string, offset: number) {
    const voters = await Promise.all(Array.from({ length: VOTERS }, (_, i) => signIn(runtime, `voter-${offset + i}`)))
    const started = performance.now()
    let ballots = 0
    await Promise.all(voters.map(async (v, i) => {
      const enrolled = await v.call<Answer>('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })
      const cast = await v.call<Answer>('evaluate', { action: 'submit', data: { roundId, ballots: TARGETS.map((t) => fullBallot(template, t.id, i % 4)) } })
      const recorded = cast.data?.outcomes?.filter((o) => o.status === 'recorded').length ?? 0
      if (!enrolled.ok || !cast.ok || recorded !== TARGETS.length) errors++
      ballots += recorded
    }))
    return ballots / ((performance.now() - started) / 1000)
  }

  const alone = await phase(rounds[0]!, 100_000)
  let watching = true
  const pollers = leaders.map(async (leader, i) => {
    // Staggered over the period, as a hundred phones left open would be.
    await new Promise((r) => setTimeout(r, (i * POLL_MS) / LEADERS))
    while (watching) {
      const answer = await leader.call<Answer>('report', { action: 'dashboard', data: {} })
      polls++
      if (!answer.ok) errors++
      await new Promise((r) => setTimeout(r, POLL_MS))
    }
  })
  // Let the first polls land before the voters start, so they cast under the full watching load.
  await new Promise((r) => setTimeout(r, POLL_MS / 2))
  const withLeaders = await phase(rounds[1]!, 200_000)
  watching = false
  await Promise.all(pollers)
  const aloneAgain = await phase(rounds[2]!, 300_000)
  await runtime.close()
  fs.rmSync(dataDir, { recursive: true, force: true })

  const baseline = (alone + aloneAgain) / 2
  console.log(`${VOTERS} voters × ${TARGETS.length} targets each phase; ${LEADERS} leaders polling the dashboard every ${POLL_MS / 1000} s`)
  console.log(`voters alone            ${alone.toFixed(1)} ballots/s`)
  console.log(`voters with leaders     ${withLeaders.toFixed(1)} ballots/s   (${polls} dashboard polls)`)
  console.log(`voters alone again      ${aloneAgain.toFixed(1)} ballots/s`)
  console.log(`throughput drop         ${(((baseline - withLeaders) / baseline) * 100).toFixed(1)} % (target ≤ 10 %)`)
  console.log(`errors                  ${errors} (target 0)`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
