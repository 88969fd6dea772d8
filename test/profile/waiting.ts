/**
 * Profiling only (`npm run test:profile` sets QUNPING_PROFILE): records how long each suite spent
 * waiting on timers of 10 ms or more that ran out (sleeps, polling, TTLs; a timeout guard that is
 * cleared is not waiting) and when its module finished loading, for the profile's "waiting" and
 * "startup" shares. Without QUNPING_PROFILE it does nothing.
 */
import fs from 'node:fs'
import path from 'node:path'

const dir = process.env.QUNPING_PROFILE
if (dir) {
  const realSet = globalThis.setTimeout
  const waited: [number, number][] = []
  const patched = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    if (!ms || ms < 10) return realSet(fn, ms, ...args)
    const set = Date.now()
    return realSet((...a: unknown[]) => {
      waited.push([set, Date.now()])
      fn(...a)
    }, ms, ...args)
  }) as unknown as typeof setTimeout
  globalThis.setTimeout = Object.assign(patched, realSet)
  /** The length of the union of the waited intervals: timers waiting side by side count once. */
  const waitingMs = () => {
    let total = 0
    let reach = 0
    for (const [from, to] of waited.sort((a, b) => a[0] - b[0])) {
      total += Math.max(0, to - Math.max(from, reach))
      reach = Math.max(reach, to)
    }
    return total
  }
  let loadedAt = 0
  beforeAll(() => {
    loadedAt = Date.now()
  })
  afterAll(() => {
    const testPath = expect.getState().testPath ?? 'unknown'
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, `${Buffer.from(testPath).toString('base64url')}.json`), JSON.stringify({ testPath, loadedAt, waitingMs: waitingMs() }))
  })
}
