/** The local runtime fires the timer triggers scripts/functions.ts declares, on CloudBase's 7-field cron in Asia/Shanghai. */
import { cronMatches, declaredTimers } from '../../local/triggers'

test('the scheduler is declared on a timer that fires at second 0 of every minute', () => {
  expect(declaredTimers()).toEqual([{ functionName: 'scheduler', name: 'close-ended-rounds', cron: '0 * * * * * *' }])
  expect(cronMatches('0 * * * * * *', new Date('2026-11-22T12:34:00+08:00'))).toBe(true)
  expect(cronMatches('0 * * * * * *', new Date('2026-11-22T12:34:01+08:00'))).toBe(false)
})

test('fields read as CloudBase reads them: lists, ranges, steps, Shanghai wall-clock time, weekday and year', () => {
  const at = new Date('2026-11-23T02:30:15+08:00') // a Monday
  expect(cronMatches('15 30 2 * * * *', at)).toBe(true)
  expect(cronMatches('15 30 2 * * 1 2026', at)).toBe(true)
  expect(cronMatches('15 30 2 * * 0 *', at)).toBe(false)
  expect(cronMatches('*/5 0-45 1,2 23 11 * *', at)).toBe(true)
  expect(cronMatches('*/10 * * * * * *', at)).toBe(false)
  expect(() => cronMatches('0 * * * *', at)).toThrow('7 fields')
})
