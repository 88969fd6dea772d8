/**
 * Profiling only (`npm run test:profile` sets QUNPING_PROFILE): records how long each suite had a timer
 * of 10 ms or more pending (sleeps, polling, TTLs) and when its module finished loading, for the
 * profile's "waiting" and "startup" shares. Without QUNPING_PROFILE it does nothing.
 */
import fs from 'node:fs'
import path from 'node:path'

const dir = process.env.QUNPING_PROFILE
if (dir) {
  const realSet = globalThis.setTimeout
  const realClear = globalThis.clearTimeout
  const long = new Set<unknown>()
  let since = 0
  let waitingMs = 0
  const settle = (handle: unknown) => {
    if (long.delete(handle) && long.size === 0) waitingMs += Date.now() - since
  }
  const patched = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    if (!ms || ms < 10) return realSet(fn, ms, ...args)
    const handle: unknown = realSet(
      (...a: unknown[]) => {
        settle(handle)
        fn(...a)
      },
      ms,
      ...args,
    )
    if (long.size === 0) since = Date.now()
    long.add(handle)
    return handle
  }) as unknown as typeof setTimeout
  globalThis.setTimeout = Object.assign(patched, realSet)
  globalThis.clearTimeout = ((handle: Parameters<typeof clearTimeout>[0]) => {
    settle(handle)
    realClear(handle)
  }) as typeof clearTimeout
  let loadedAt = 0
  beforeAll(() => {
    loadedAt = Date.now()
  })
  afterAll(() => {
    if (long.size > 0) waitingMs += Date.now() - since
    const testPath = expect.getState().testPath ?? 'unknown'
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, `${Buffer.from(testPath).toString('base64url')}.json`), JSON.stringify({ testPath, loadedAt, waitingMs }))
  })
}
