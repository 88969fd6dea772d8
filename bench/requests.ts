/**
 * @module Database requests by kind, as CloudBase's quotas count them: reads and writes against the
 * daily limits, and every request (transaction control included) against the requests-per-second
 * limit. Actions are the embedded CloudBase's names (`runtime.cloudbase.stats`).
 */
const READS = new Set(['database.getDocument', 'database.aggregateDocuments', 'database.calculateDocument'])
const WRITES = new Set(['database.insertDocument', 'database.modifyDocument', 'database.modifyAndReturnDoc', 'database.removeDocument'])
const TRANSACTION = new Set(['database.startTransaction', 'database.commitTransaction', 'database.abortTransaction'])

export interface RequestKinds {
  reads: number
  writes: number
  /** start / commit / abort of transactions. */
  transaction: number
  all: number
}

/** Counts by kind from a map action → requests (the difference of two stats snapshots). */
export function requestKinds(delta: Record<string, number>): RequestKinds {
  const sum = (kinds: Set<string>) => Object.entries(delta).reduce((n, [action, k]) => n + (kinds.has(action) ? k : 0), 0)
  const all = Object.entries(delta).reduce((n, [action, k]) => n + (action.startsWith('database.') ? k : 0), 0)
  return { reads: sum(READS), writes: sum(WRITES), transaction: sum(TRANSACTION), all }
}

/** The stats that grew between two snapshots. */
export const grown = (before: Record<string, number>, after: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.keys(after).map((a) => [a, (after[a] ?? 0) - (before[a] ?? 0)]).filter(([, n]) => (n as number) > 0))

export const perUnit = (k: RequestKinds, units: number) => `${(k.all / units).toFixed(2)} (reads ${(k.reads / units).toFixed(2)}, writes ${(k.writes / units).toFixed(2)}, transaction control ${(k.transaction / units).toFixed(2)})`
