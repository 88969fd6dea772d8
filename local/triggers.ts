/**
 * @module Timer triggers, fired locally as CloudBase fires them: the same declarations the deploy
 * creates (scripts/functions.ts), the same 7-field cron (second minute hour day month weekday year), in Asia/Shanghai.
 */
import { FUNCTION_SPECS } from '../scripts/functions'
import { inShanghai } from '../src/core'
import { type FunctionMain, timerContext } from './gateway'

export interface TimerTrigger {
  functionName: string
  name: string
  cron: string
}

export function declaredTimers(): TimerTrigger[] {
  return FUNCTION_SPECS.flatMap((f) => f.triggers.map((t) => ({ functionName: f.name, name: t.name, cron: t.config })))
}

/** One field: `*`, `n`, `a-b`, lists of those, each optionally `/step`. */
function fieldMatches(field: string, value: number): boolean {
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/') as [string, string | undefined]
    const step = stepText ? Number(stepText) : 1
    const [low, high] = range === '*' ? [0, Number.MAX_SAFE_INTEGER] : range.includes('-') ? range.split('-').map(Number) as [number, number] : [Number(range), stepText ? Number.MAX_SAFE_INTEGER : Number(range)]
    return value >= low && value <= high && (value - (range === '*' ? 0 : low)) % step === 0
  })
}

export function cronMatches(cron: string, at: Date): boolean {
  const fields = cron.trim().split(/\s+/)
  if (fields.length !== 7) throw new Error(`CloudBase cron has 7 fields: ${cron}`)
  const t = inShanghai(at)
  const values = [t.second(), t.minute(), t.hour(), t.date(), t.month() + 1, t.day(), t.year()]
  return fields.every((f, i) => fieldMatches(f, values[i] as number))
}

/** Checks every second; returns a stop function. A run still going when the next is due is not doubled. */
export function startTimers(functions: Record<string, FunctionMain>, timers = declaredTimers()): () => void {
  const running = new Set<string>()
  const tick = setInterval(() => {
    const now = new Date()
    for (const timer of timers) {
      const main = functions[timer.functionName]
      const key = `${timer.functionName}/${timer.name}`
      if (!main || running.has(key) || !cronMatches(timer.cron, now)) continue
      running.add(key)
      const event = { Type: 'Timer', TriggerName: timer.name, Time: now.toISOString(), Message: '' }
      main(event, timerContext(timer.functionName))
        .catch((e: unknown) => console.error(`timer ${key}:`, e))
        .finally(() => running.delete(key))
    }
  }, 1000)
  tick.unref()
  return () => clearInterval(tick)
}
