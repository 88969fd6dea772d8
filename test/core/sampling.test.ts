import { minimumFor, sampleSize, templateById } from '../../src/core'

describe('sampleSize (seed 002)', () => {
  const sampling = templateById('zhuti-branch')!.sampling!

  it('asks at least 30 of a municipal unit and 100 of a county', () => {
    expect(minimumFor(sampling, 'unit')).toBe(30)
    expect(minimumFor(sampling, 'district')).toBe(100)
  })

  it('draws what was asked when it is at least the minimum', () => {
    expect(sampleSize(80, 30, 30)).toEqual({ ok: true, value: 30 })
    expect(sampleSize(80, 45, 30)).toEqual({ ok: true, value: 45 })
  })

  it('refuses fewer than the minimum from a longer list, naming both numbers', () => {
    expect(sampleSize(80, 29, 30)).toEqual({ ok: false, error: { code: 'SAMPLE_TOO_SMALL', message: '抽取人数少于规定的最低人数：本单位名单80人，至少应抽取30人' } })
  })

  it('takes everyone where the list is no longer than the minimum, or than the request', () => {
    expect(sampleSize(12, 5, 30)).toEqual({ ok: true, value: 12 })
    expect(sampleSize(30, 1, 30)).toEqual({ ok: true, value: 30 })
    expect(sampleSize(50, 60, 30)).toEqual({ ok: true, value: 50 })
  })
})
