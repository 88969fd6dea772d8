/** @module Instants shown to residents as Beijing time, without pulling a date library into the app. */

const SHANGHAI = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\+08:00$/

/** "2026年11月22日 09:00". The server sends instants with their +08:00 offset. */
export function showTime(iso: string): string {
  const m = SHANGHAI.exec(iso)
  if (m) return `${m[1]}年${Number(m[2])}月${Number(m[3])}日 ${m[4]}:${m[5]}`
  // Any other offset (a role's grant time is stored in UTC): the same form, in Beijing wall-clock time.
  const at = new Date(Date.parse(iso) + 8 * 3_600_000)
  if (Number.isNaN(at.getTime())) return iso
  return showTime(`${at.toISOString().slice(0, 16)}+08:00`)
}

/** "14:05:09" in Beijing time: the 更新于 of a live figure. */
export function showClock(iso: string): string {
  const m = /T(\d{2}:\d{2}:\d{2})/.exec(iso)
  if (m && iso.endsWith('+08:00')) return m[1]
  try {
    return new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
  } catch {
    return iso
  }
}
