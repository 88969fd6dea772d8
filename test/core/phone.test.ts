import { mobileNumber } from '../../src/core'

test('a mainland mobile number as offices write it reads as its 11 digits', () => {
  for (const written of ['13800138000', '138 0013 8000', '138-0013-8000', '+86 138 0013 8000', '8613800138000', '0086-13800138000', '（138）00138000']) {
    expect(mobileNumber(written)).toBe('13800138000')
  }
})

test('what is not a mobile number is refused: too short or long, a landline, a wrong prefix, words', () => {
  for (const written of ['1380013800', '138001380001', '010-12345678', '23800138000', '12800138000', '电话待补', '', '+1 13800138000', '86 1380013800']) {
    expect(mobileNumber(written)).toBeNull()
  }
})
