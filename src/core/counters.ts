/**
 * @module counters — per-target tallies as nested plain objects of non-negative integers.
 * Shards of one target are added with `mergeCounters`; results read counters only.
 */
import { z } from 'zod'
import { Id } from './ids'

const Count = z.number().int().nonnegative()
/** levelId → number of answers on that level. */
export const LevelTally = z.record(Id, Count)
export type LevelTally = z.infer<typeof LevelTally>

export const CategoryCounters = z
  .object({ ballots: Count, overall: LevelTally, items: z.record(Id, LevelTally) })
  .strict()
export type CategoryCounters = z.infer<typeof CategoryCounters>

export const Counters = z
  .object({
    ballots: Count,
    opinions: Count,
    overall: LevelTally,
    items: z.record(Id, LevelTally),
    categories: z.record(Id, CategoryCounters),
    channels: z.record(Id, Count),
  })
  .strict()
export type Counters = z.infer<typeof Counters>

export function emptyCounters(): Counters {
  return { ballots: 0, opinions: 0, overall: {}, items: {}, categories: {}, channels: {} }
}

type Tree = { [key: string]: number | Tree }

/** Deep sum of two trees of the same shape; missing branches count as zero. */
function addTrees(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a }
  for (const [key, right] of Object.entries(b)) {
    const left = out[key]
    if (typeof right === 'number') out[key] = (typeof left === 'number' ? left : 0) + right
    else out[key] = addTrees(typeof left === 'object' ? left : {}, right)
  }
  return out
}

/** Associative and commutative; `emptyCounters()` is its identity. */
export function mergeCounters(a: Counters, b: Counters): Counters {
  return addTrees(a as unknown as Tree, b as unknown as Tree) as unknown as Counters
}

/** Applies flat dotted increments the way MongoDB's `$inc` would, without mutating. */
export function applyIncrements(counters: Counters, increments: Readonly<Record<string, number>>): Counters {
  const delta: Tree = {}
  for (const [path, by] of Object.entries(increments)) {
    const keys = path.split('.')
    let node = delta
    keys.slice(0, -1).forEach((key) => {
      const next = node[key]
      node = typeof next === 'object' ? next : (node[key] = {})
    })
    const leaf = keys[keys.length - 1] as string
    node[leaf] = ((node[leaf] as number | undefined) ?? 0) + by
  }
  return mergeCounters(counters, delta as unknown as Counters)
}

/** A category's tally, zero when no ballot of it arrived yet. */
export function categoryCounters(counters: Counters, categoryId: string): CategoryCounters {
  return counters.categories[categoryId] ?? { ballots: 0, overall: {}, items: {} }
}
