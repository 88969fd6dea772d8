/** @module suppression — k-anonymity for breakdowns of the ratings (per category). */

/**
 * Ids of the breakdowns to withhold, given each one's ballot count. A breakdown resting
 * on fewer than k ballots is withheld; and because breakdowns add up to the shown total,
 * withheld ones must together hold at least k ballots, or subtraction would reveal them
 * — so the next smallest are withheld too until they do (complementary suppression).
 * Empty breakdowns reveal nothing and are never the reason to withhold another.
 *
 * `totals`: further shown figures, each the sum of a group of breakdowns (004's 社会评议 =
 * deputies + service). Each group's withheld breakdowns must hold 0 or at least k ballots as
 * well, or the group's figure minus its shown breakdowns would give them back. A group that
 * cannot (all of it withheld and still under k) is itself under k, and its figure is withheld
 * by whoever shows it (see `headline`).
 */
export function suppressedBreakdowns(counts: Readonly<Record<string, number>>, k: number, totals: readonly (readonly string[])[] = []): Set<string> {
  const ordered = Object.entries(counts).sort(([ia, a], [ib, b]) => a - b || ia.localeCompare(ib))
  const withheld = new Set(ordered.filter(([, n]) => n > 0 && n < k).map(([id]) => id))
  // Every breakdown under k is withheld now, so each one added below holds k or more: adding it
  // settles the group it was added for and unsettles no other. Groups first, the whole last: a
  // group settled by its own breakdowns often settles the whole too, withholding less.
  const all = ordered.map(([id]) => id)
  const groups = [...totals.map((ids) => all.filter((id) => ids.includes(id))), all]
  for (const group of groups) {
    let total = group.filter((id) => withheld.has(id)).reduce((s, id) => s + (counts[id] ?? 0), 0)
    for (const id of group) {
      if (total === 0 || total >= k) break
      const n = counts[id] ?? 0
      if (withheld.has(id) || n === 0) continue
      withheld.add(id)
      total += n
    }
  }
  return withheld
}
