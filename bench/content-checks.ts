/**
 * @module Content-check budget under attack (issue 8, finding 4): one identity hammers `submit` for
 * a while (DURATION seconds, default 60) through the full local stack, every request carrying 50
 * ballots with opinions: copies for a target already voted for, fresh risky texts that are refused
 * (so no receipt ever spares their check) and one text repeated. Prints the content checks
 * (msgSecCheck) it caused against the budget of the ten-minute windows it spanned.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { MAX_SUBMITS_PER_WINDOW } from '../cloudfunctions/evaluate/abuse'
import { FUNCTIONS } from '../local/functions'
import { startRuntime } from '../local/runtime'
import { templateById } from '../src/core'
import { fullBallot, openRound } from '../test/helpers/rounds'
import { signIn } from '../test/helpers/runtime'

const DURATION_S = Number(process.env.DURATION ?? 60)
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 20)
const WINDOW_MS = 10 * 60 * 1000

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-bench-'))
  const runtime = await startRuntime({ dataDir, port: 0, functions: FUNCTIONS, devSignIn: true })
  const roundId = await openRound(runtime)
  const template = templateById('community-satisfaction')!.ballot
  const attacker = await signIn(runtime, 'voter-666')
  await attacker.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } })

  const checks = () => runtime.cloudbase.stats['wx.api'] ?? 0
  const before = checks()
  const started = Date.now()
  const statuses = new Map<string, number>()
  let requests = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, lane) => {
      while (Date.now() - started < DURATION_S * 1000) {
        const r = requests++
        const ballots = Array.from({ length: 50 }, (_, i) =>
          i % 3 === 0 ? fullBallot(template, 't1', 0, `第${r}-${i}条意见`)
          : i % 3 === 1 ? fullBallot(template, 't2', 0, `赌博${lane}-${r}-${i}`)
          : fullBallot(template, 't3', 0, '代开发票'),
        )
        const answer = await attacker.call<{ ok: boolean; data?: { outcomes: { status: string; error?: { code: string } }[] }; error?: { code: string } }>('evaluate', { action: 'submit', data: { roundId, ballots } })
        const seen = answer.ok ? answer.data!.outcomes.map((o) => o.error?.code ?? o.status) : [`request ${answer.error!.code}`]
        for (const s of seen) statuses.set(s, (statuses.get(s) ?? 0) + 1)
      }
    }),
  )
  const ended = Date.now()
  const windows = Math.floor(ended / WINDOW_MS) - Math.floor(started / WINDOW_MS) + 1
  const caused = checks() - before
  await runtime.close()
  fs.rmSync(dataDir, { recursive: true, force: true })

  console.log(`one identity, ${((ended - started) / 1000).toFixed(0)} s, ${CONCURRENCY} requests at a time, 50 opinions per request`)
  console.log(`requests                 ${requests}`)
  console.log(`outcomes                 ${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')}`)
  console.log(`content checks caused    ${caused}`)
  console.log(`budget                   ${MAX_SUBMITS_PER_WINDOW} per 10-minute window × ${windows} window(s) spanned = ${MAX_SUBMITS_PER_WINDOW * windows}`)
  console.log(caused <= MAX_SUBMITS_PER_WINDOW * windows ? 'within budget' : 'OVER BUDGET')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
