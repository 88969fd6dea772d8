/** @module codeUse — how a round's roster codes are used, counted per unit × category and never per person. */
import { suppressedBreakdowns } from './suppression'

/** A roster code as issued: a person's (named, one use) or a shared one (name null). */
export interface IssuedCode {
  unitId: string
  categoryId: string
  name: string | null
  maxUses: number
  usesLeft: number
  /** Present once voided: the uses the code lost. */
  voided?: number
}

export interface CodeTally {
  unitId: string
  categoryId: string
  issued: number
  /** Null where withheld: "1 of 1 used" would name the person. */
  used: number | null
  void: number
  sharedUsed: number
  sharedLeft: number
}

/**
 * Per unit × category: persons' codes issued, used and voided, and shared codes' uses. A cell with
 * fewer persons' codes than k has its `used` withheld (with others, until the withheld ones hold k
 * together), the report's rule for breakdowns.
 */
export function tallyCodes(codes: readonly IssuedCode[], k: number): CodeTally[] {
  const rows = new Map<string, CodeTally & { used: number }>()
  for (const c of codes) {
    const key = JSON.stringify([c.unitId, c.categoryId])
    const row = rows.get(key) ?? { unitId: c.unitId, categoryId: c.categoryId, issued: 0, used: 0, void: 0, sharedUsed: 0, sharedLeft: 0 }
    const spent = c.maxUses - c.usesLeft - (c.voided ?? 0)
    if (c.name === null) {
      row.sharedUsed += spent
      row.sharedLeft += c.usesLeft
    } else {
      // A reissue is a new code: the voided one counts in `void` (and in `used`, if it was), the new one in `issued`.
      row.issued += 1
      row.used += spent
      row.void += c.voided === undefined ? 0 : 1
    }
    rows.set(key, row)
  }
  const withheld = suppressedBreakdowns(Object.fromEntries([...rows].map(([key, r]) => [key, r.issued])), k)
  return [...rows].map(([key, r]) => ({ ...r, used: withheld.has(key) ? null : r.used }))
}
