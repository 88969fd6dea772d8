/**
 * Nothing acknowledged is lost: the embedded CloudBase is killed with SIGKILL in the middle of a
 * stream of writes, restarted on the same folder, and must hold every write it had answered.
 */
import tcb from '@cloudbase/node-sdk'
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ADMIN_PATH, scfEnvironment } from '../../local/cloudbase/server'
import { freshCredentials } from '../../local/cloudbase/signature'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-durability-'))
const children: ChildProcess[] = []
const credentials = freshCredentials()

async function startChild() {
  // Node itself, not the tsx wrapper, so that SIGKILL hits the process holding the database.
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.resolve('test/helpers/cloudbase-child.ts'), dataDir, JSON.stringify(credentials)], { stdio: ['ignore', 'pipe', 'inherit'] })
  children.push(child)
  const url = await new Promise<string>((resolve) => child.stdout!.once('data', (b: Buffer) => resolve(b.toString().trim())))
  Object.assign(process.env, scfEnvironment(`${url}${ADMIN_PATH}`, 'durability', credentials))
  const db = tcb.init({ env: 'durability', serviceUrl: `${url}${ADMIN_PATH}`, throwOnCode: true }).database()
  return { child, db }
}

afterAll(() => {
  for (const c of children) {
    c.kill('SIGKILL')
    c.stdout?.destroy()
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('every acknowledged write survives a hard kill and restart', async () => {
  const first = await startChild()
  await first.db.createCollection('ballots')
  const acknowledged: string[] = []
  let stop = false
  const writers = Array.from({ length: 8 }, async (_, w) => {
    for (let i = 0; !stop; i++) {
      const id = `w${w}-${i}`
      try {
        if (i % 2 === 0) await first.db.collection('ballots').add({ _id: id, i })
        else await first.db.runTransaction(async (tx: { collection(n: string): { add(d: object): Promise<unknown> } }) => tx.collection('ballots').add({ _id: id, i }))
        acknowledged.push(id)
      } catch {
        return
      }
    }
  })
  // Killed mid-stream, once well over the 50 acknowledged writes asserted below: a count, not a clock, so load cannot starve it.
  const enough = (async () => {
    while (acknowledged.length < 200 && !stop) await new Promise((r) => setTimeout(r, 5))
  })()
  await Promise.race([enough, Promise.all(writers)])
  first.child.kill('SIGKILL')
  stop = true
  await Promise.all(writers)
  expect(acknowledged.length).toBeGreaterThan(50)

  const second = await startChild()
  const stored = new Set<string>()
  for (let offset = 0; ; offset += 1000) {
    const { data } = await second.db.collection('ballots').skip(offset).limit(1000).get()
    for (const d of data as { _id: string }[]) stored.add(d._id)
    if (data.length < 1000) break
  }
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([])
})
