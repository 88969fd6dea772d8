/**
 * @module The deployable cloud functions. cloudbaserc.json (what `tcb fn deploy` reads) is the one
 * place for names, timeouts, memory and environment; this adds what WeChat needs per function.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

const cloudbaserc = z.object({
  functions: z.array(
    z.object({
      name: z.string(),
      timeout: z.number(),
      memorySize: z.number(),
      /** Timer triggers (7-field cron); repeated in the function's config.json for WeChat DevTools. */
      triggers: z.array(z.object({ name: z.string(), type: z.literal('timer'), config: z.string() })).default([]),
    }),
  ),
})

/** WeChat open APIs each function calls through the cloud call (its config.json permissions.openapi). */
const OPEN_APIS: Record<string, string[]> = {
  evaluate: ['security.msgSecCheck'],
  organize: ['wxacode.getUnlimited'],
}

export const FUNCTION_SPECS = cloudbaserc
  .parse(JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'cloudbaserc.json'), 'utf8')))
  .functions.map((f) => ({ ...f, openapi: OPEN_APIS[f.name] ?? [] }))
