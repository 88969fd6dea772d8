/** @module time — instants read and shown in Asia/Shanghai, whatever the host's zone. */
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

export const ZONE = 'Asia/Shanghai'

export type Instant = Date | string | number

export function inShanghai(at: Instant): dayjs.Dayjs {
  return dayjs(at).tz(ZONE)
}

/** "2014-06-18 09:00", Beijing time. */
export function formatShanghai(at: Instant): string {
  return inShanghai(at).format('YYYY-MM-DD HH:mm')
}

/**
 * Calendar months in Shanghai (004: 活动延期2个月): 31 Aug + 2 months is 31 Oct, and a
 * month-end with no counterpart clamps to the last day (31 Dec + 2 → 28/29 Feb).
 */
export function addMonthsShanghai(at: Instant, months: number): string {
  return inShanghai(at).add(months, 'month').format()
}

