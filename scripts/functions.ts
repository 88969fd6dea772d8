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

/**
 * Packages with a native binary esbuild cannot inline: left out of the bundle and listed in its
 * package.json, so CloudBase installs them (the Linux build) when deploying.
 */
const NATIVE: Record<string, string[]> = {
  organize: ['@napi-rs/canvas'],
}

/** Functions that print Chinese (PDFs, posters) ship the print font, the runtime having none. */
const PRINTS = ['report', 'organize']

export const FUNCTION_SPECS = cloudbaserc
  .parse(JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'cloudbaserc.json'), 'utf8')))
  .functions.map((f) => ({ ...f, openapi: OPEN_APIS[f.name] ?? [], native: NATIVE[f.name] ?? [], prints: PRINTS.includes(f.name) }))
