/** @module rate — a share carried exactly, with a display figure and a Wilson interval. */
import { fraction, toNumber, toPercent, type Fraction } from './fraction'
import { wilsonInterval, type Interval } from './wilson'

/**
 * `exact` is null when nothing was counted (0/0 is no rate at all, not 0 %).
 * `percent` is for display only; thresholds use `exact`.
 */
export interface Rate {
  num: number
  den: number
  exact: Fraction | null
  percent: number | null
  interval: Interval | null
}

export function rate(num: number, den: number): Rate {
  if (den === 0) return { num, den, exact: null, percent: null, interval: null }
  const exact = fraction(num, den)
  return { num, den, exact, percent: toPercent(exact), interval: wilsonInterval(num / den, den) }
}

/**
 * A rate that is not a plain count ratio (a weighted composite): exact value given,
 * interval from an effective sample size.
 */
export function derivedRate(exact: Fraction, effectiveN: number): Rate {
  return { num: exact.num, den: exact.den, exact, percent: toPercent(exact), interval: wilsonInterval(toNumber(exact), effectiveN) }
}
