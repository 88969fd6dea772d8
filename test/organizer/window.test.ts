/** The create wizard's window: a working week by default, and the picker's wall clock is Beijing's whatever the phone's zone. */
import { defaultWindow, fromPicker, pickerDate } from '../../src/organizer/lib/window'

const zone = process.env.TZ
afterEach(() => {
  process.env.TZ = zone
  jest.useRealTimers()
})

test('the default window runs from tomorrow 08:00 to a week later at 18:00, Beijing time', () => {
  // 23:30 UTC is already 07:30 the next morning in Beijing: "tomorrow" is Beijing's.
  jest.useFakeTimers({ now: new Date('2026-11-22T23:30:00Z') })
  expect(defaultWindow()).toEqual({ opensAt: '2026-11-24T08:00:00+08:00', closesAt: '2026-12-01T18:00:00+08:00' })
})

test.each(['America/New_York', 'Asia/Shanghai', 'UTC'])('a phone set to %s shows 08:00 as 08:00 and gives back the same instant', (tz) => {
  process.env.TZ = tz
  const shown = pickerDate('2026-11-24T08:00:00+08:00')
  expect([shown.getFullYear(), shown.getMonth() + 1, shown.getDate(), shown.getHours(), shown.getMinutes()]).toEqual([2026, 11, 24, 8, 0])
  expect(fromPicker(['2026', '11', '24', '08', '00'])).toBe('2026-11-24T08:00:00+08:00')
})

test('a day the calendar does not have is refused, not rolled into the next month', () => {
  expect(fromPicker(['2026', '02', '30', '08', '00'])).toBeNull()
  expect(fromPicker(['2026', '11', '24', null, '00'])).toBeNull()
})
