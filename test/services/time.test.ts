/** Times as residents and organisers read them: Beijing wall clock, one form whatever offset the server wrote. */
import { showTime } from '../../src/services/time'

test('an instant already in +08:00 reads as written', () => {
  expect(showTime('2026-12-23T23:59:00+08:00')).toBe('2026年12月23日 23:59')
})

test('an instant stored in UTC reads in the same form, in Beijing time (a role granted at 22:10 UTC is 06:10 the next day)', () => {
  expect(showTime('2026-11-22T22:10:18.123Z')).toBe('2026年11月23日 06:10')
  expect(showTime('2026-11-23T06:10:00+00:00')).toBe('2026年11月23日 14:10')
})

test('text that is no instant is shown as it came rather than as a wrong date', () => {
  expect(showTime('不是时间')).toBe('不是时间')
})
