import { compareFractions, describeFraction, fraction, rate, toPercent, wilsonInterval } from '../../src/core'

describe('fractions', () => {
  it('reduces and compares exactly: 10/15 equals 2/3, 9/15 is below, 24/35 above', () => {
    expect(fraction(10, 15)).toEqual({ num: 2, den: 3 })
    expect(compareFractions(fraction(10, 15), { num: 2, den: 3 })).toBe(0)
    expect(compareFractions(fraction(9, 15), { num: 2, den: 3 })).toBe(-1)
    expect(compareFractions(fraction(24, 35), { num: 2, den: 3 })).toBe(1)
  })

  it('keeps 66.7 % apart from 2/3: 667/1000 is above, 666/1000 below', () => {
    expect(compareFractions({ num: 667, den: 1000 }, { num: 2, den: 3 })).toBe(1)
    expect(compareFractions({ num: 666, den: 1000 }, { num: 2, den: 3 })).toBe(-1)
  })

  it('displays a percentage to one decimal and a Chinese description', () => {
    expect(toPercent({ num: 2, den: 3 })).toBe(66.7)
    expect(describeFraction(fraction(23, 35))).toBe('23/35(65.7%)')
  })

  it('refuses arithmetic beyond safe integers rather than rounding silently', () => {
    expect(() => compareFractions({ num: 2 ** 40, den: 1 }, { num: 1, den: 2 ** 20 })).toThrow(RangeError)
  })
})

describe('Wilson 95 % interval', () => {
  // p = 10/15, n = 15, z² = 3.8415: centre (p + z²/2n)/(1 + z²/n) = 0.6327,
  // half-width z/(1 + z²/n)·√(p(1−p)/n + z²/4n²) = 0.2156 → [0.4171, 0.8482].
  it('matches the hand computation for 10 of 15', () => {
    const i = wilsonInterval(10 / 15, 15)
    expect(i?.low).toBeCloseTo(0.4171, 3)
    expect(i?.high).toBeCloseTo(0.8482, 3)
  })

  it('stays inside [0, 1] at 0 % and 100 %, and is absent with no data', () => {
    expect(wilsonInterval(0, 15)?.low).toBe(0)
    expect(wilsonInterval(1, 15)?.high).toBe(1)
    expect(rate(0, 0)).toEqual({ num: 0, den: 0, exact: null, percent: null, interval: null })
  })
})
