/** @module The functions' environment, validated once: a missing secret must stop the function, not weaken it. */
import { z } from 'zod'

const schema = z.object({
  /** Keys every hash that links a person to anything stored; never leaves the server. */
  QUNPING_SECRET: z.string().min(32, 'QUNPING_SECRET must be at least 32 characters'),
})

let parsed: z.infer<typeof schema> | undefined

export function functionEnv() {
  parsed ??= schema.parse(process.env)
  return parsed
}
