/** @module fraction — exact non-negative fractions; every threshold is compared on integers. */
import { z } from 'zod'

export const Fraction = z
  .object({ num: z.number().int().nonnegative(), den: z.number().int().positive() })
  .strict()
export type Fraction = z.infer<typeof Fraction>

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}

function safe(n: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`fraction term ${n} exceeds the safe integer range`)
  return n
}

/** Reduced form; the caller guarantees den > 0. */
export function fraction(num: number, den: number): Fraction {
  const g = gcd(num, den) || 1
  return { num: safe(num / g), den: safe(den / g) }
}

/** Sign of a − b, by cross-multiplication (no floating point). */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const left = safe(a.num * b.den)
  const right = safe(b.num * a.den)
  return left < right ? -1 : left > right ? 1 : 0
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(safe(a.num * b.den + b.num * a.den), safe(a.den * b.den))
}

export function scaleFraction(a: Fraction, by: Fraction): Fraction {
  return fraction(safe(a.num * by.num), safe(a.den * by.den))
}

export function toNumber(a: Fraction): number {
  return a.num / a.den
}

/** Display only: a percentage rounded to one decimal. Never compare on this. */
export function toPercent(a: Fraction): number {
  return Math.round((a.num * 1000) / a.den) / 10
}

/** Chinese display, e.g. "10/15(66.7%)". */
export function describeFraction(a: Fraction): string {
  return `${a.num}/${a.den}(${toPercent(a)}%)`
}
