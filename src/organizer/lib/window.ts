/** @module Window inputs: a date and a time as the organizer picks them, sent as +08:00 instants. */

const pad = (n: number) => String(n).padStart(2, '0')

/** The Beijing calendar date `days` from now, "YYYY-MM-DD". */
function beijingDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

export function toInstant(date: string, time: string): string {
  return `${date}T${time}:00+08:00`
}

export function splitInstant(iso: string): { date: string; time: string } {
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) }
}

/** From now (to the minute, Beijing) to 20:00 two weeks on. */
export function defaultWindow(): { opensAt: string; closesAt: string } {
  const now = new Date(Date.now() + 8 * 3_600_000)
  return { opensAt: toInstant(beijingDate(0), `${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}`), closesAt: toInstant(beijingDate(14), '20:00') }
}
