/** @module Window inputs: "YYYY-MM-DD HH:mm" as the organizer picks or types it, sent as +08:00 instants. */

const pad = (n: number) => String(n).padStart(2, '0')
const LOCAL = /^(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})$/

/** Beijing wall-clock parts of an instant `days` from now (Beijing has no daylight saving). */
function beijing(days: number): Date {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000)
}

const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`

/** "2026-11-22 09:00" → "2026-11-22T09:00:00+08:00", or null when it is not a real date and time. */
export function parseLocal(text: string): string | null {
  const m = LOCAL.exec(text.trim())
  if (!m) return null
  const [y, mo, d, h, mi] = m.slice(1).map(Number)
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi))
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:00+08:00`
}

/** "2026-11-22T09:00:00+08:00" → "2026-11-22 09:00". */
export function showLocal(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
}

/** A working week: from tomorrow 08:00 to a week later at 18:00 (Beijing). */
export function defaultWindow(): { opensAt: string; closesAt: string } {
  return { opensAt: `${ymd(beijing(1))}T08:00:00+08:00`, closesAt: `${ymd(beijing(8))}T18:00:00+08:00` }
}

/** Now (or some hours from now), to the minute, as the window fields show it: for a round or a meeting that starts at once. */
export function nowLocal(hoursAhead = 0): string {
  const now = beijing(hoursAhead / 24)
  return `${ymd(now)} ${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}`
}

/**
 * The Beijing wall clock of an instant as a Date whose local fields hold it: what a date picker
 * shows and scrolls, so 08:00 stays 08:00 on a phone set to another time zone.
 */
export function pickerDate(iso: string): Date {
  const [y, mo, d, h, mi] = showLocal(iso).split(/[- :]/).map(Number)
  return new Date(y, mo - 1, d, h, mi)
}

/** A date-and-time picker's columns (year, month, day, hour, minute) → the +08:00 instant, or null. */
export function fromPicker(columns: readonly (string | number | null)[]): string | null {
  const [y, mo, d, h, mi] = columns.map(String)
  return parseLocal(`${y}-${mo}-${d} ${h}:${mi}`)
}
