/**
 * @module The deployable cloud functions, declared once: what the bundler builds and what the
 * deploy configures (runtime, timeout, memory, triggers, open-API permissions). The CloudBase CLI
 * configuration (dist/cloudbaserc.json) is derived from this, never edited by hand.
 */

export interface FunctionSpec {
  name: 'evaluate' | 'organize' | 'report' | 'scheduler'
  /** Seconds; CloudBase's default of 3 s is too short for a PDF or a round's close. */
  timeout: number
  /** MB. */
  memorySize: number
  /** Timer triggers, 7-field cron (second minute hour day month weekday year). */
  triggers: { name: string; type: 'timer'; config: string }[]
  /** WeChat open APIs it calls through the cloud call (its config.json permissions.openapi). */
  openapi: string[]
  /**
   * Packages with a native binary esbuild cannot inline: left out of the bundle and listed in its
   * package.json, so CloudBase installs them (the Linux build) when deploying.
   */
  native: string[]
  /** Prints Chinese (PDFs, posters): ships the print font, the runtime having none. */
  prints: boolean
}

/** The runtime every function runs on; the bundles target Node 16 syntax, so any of 16/18/20 does. */
export const RUNTIME = 'Nodejs18.15'
/** Every function computes dates in China's time zone (dayjs reads TZ). */
export const TIME_ZONE = 'Asia/Shanghai'

export const FUNCTION_SPECS: readonly FunctionSpec[] = [
  { name: 'organize', timeout: 20, memorySize: 256, triggers: [], openapi: ['wxacode.getUnlimited'], native: ['@napi-rs/canvas'], prints: true },
  { name: 'evaluate', timeout: 20, memorySize: 256, triggers: [], openapi: ['security.msgSecCheck'], native: [], prints: false },
  { name: 'report', timeout: 60, memorySize: 512, triggers: [], openapi: [], native: [], prints: true },
  {
    name: 'scheduler',
    timeout: 60,
    memorySize: 256,
    // Every minute at second 0: rounds close within a minute of their end.
    triggers: [{ name: 'close-ended-rounds', type: 'timer', config: '0 * * * * * *' }],
    // 整改 reminders: the owner before the deadline, owner and supervisors once it passes.
    openapi: ['subscribeMessage.send'],
    native: [],
    prints: false,
  },
]
