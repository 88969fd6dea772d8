/** @module suppression — k-anonymity for breakdowns of the ratings (per category). */

/**
 * Ids of the breakdowns to withhold, given each one's ballot count. A breakdown resting
 * on fewer than k ballots is withheld; and because breakdowns add up to the shown total,
 * withheld ones must together hold at least k ballots, or subtraction would reveal them
 * — so the next smallest are withheld too until they do (complementary suppression).
 * Empty breakdowns reveal nothing and are never the reason to withhold another.
 */
export function suppressedBreakdowns(counts: Readonly<Record<string, number>>, k: number): Set<string> {
  const ordered = Object.entries(counts).sort(([ia, a], [ib, b]) => a - b || ia.localeCompare(ib))
  const withheld = new Set(ordered.filter(([, n]) => n > 0 && n < k).map(([id]) => id))
  let total = ordered.filter(([id]) => withheld.has(id)).reduce((s, [, n]) => s + n, 0)
  for (const [id, n] of ordered) {
    if (withheld.size === 0 || total >= k) break
    if (withheld.has(id) || n === 0) continue
    withheld.add(id)
    total += n
  }
  return withheld
}
