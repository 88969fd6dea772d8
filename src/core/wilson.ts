/** @module wilson — Wilson score interval, 95 % two-sided. */

export interface Interval {
  low: number
  high: number
}

const Z95 = 1.959963984540054

/**
 * Wilson rather than the normal approximation: it stays inside [0, 1] and behaves at
 * 0 % and 100 %, which small units (15 evaluators) hit routinely.
 * `n` may be fractional (an effective sample size for weighted composites).
 */
export function wilsonInterval(p: number, n: number): Interval | null {
  if (!(n > 0)) return null
  const z2 = Z95 * Z95
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n)
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) }
}
