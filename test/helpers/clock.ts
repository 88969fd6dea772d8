/**
 * @module Time that passes without waiting for it. The functions and the embedded CloudBase run in
 * the test's process and read `Date`, so moving `Date` moves their clock (a cache's TTL, a budget's
 * window); every timer stays real, so servers, sockets and retries run as usual, and the moved
 * clock keeps ticking from where it was set.
 */
const REAL = ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'] as const

/** `Date` reads `at` now and runs on from there. Never set it back within a file: what was stored would lie in the future. */
export function setClock(at: number): void {
  jest.useFakeTimers({ now: at, advanceTimers: true, doNotFake: [...REAL] })
}

/** As if `ms` had gone by. */
export const passTime = (ms: number): void => setClock(Date.now() + ms)
