/** @module The functions' environment, validated once: a missing secret must stop the function, not weaken it. */
import { z } from 'zod'

const schema = z.object({
  /** Keys every hash that links a person to anything stored; never leaves the server. */
  QUNPING_SECRET: z.string().min(32, 'QUNPING_SECRET must be at least 32 characters'),
  /** Openids that hold the admin role from the start (comma separated). */
  QUNPING_ADMIN_OPENIDS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)),
  /** SHA-256 (hex) of the one-time code with which the first person claims the admin role (see setupCode.ts). */
  QUNPING_SETUP_CODE_HASH: z.string().regex(/^[0-9a-f]{64}$/, 'QUNPING_SETUP_CODE_HASH must be a SHA-256 in hex').optional(),
  /**
   * The subscribe-message templates the mini-program chose in the WeChat console (their ids differ
   * per mini-program): 整改时限临近 and 整改逾期. Unset, WeChat refuses the placeholders and every
   * reminder shows in the to-do badge instead.
   */
  QUNPING_TEMPLATE_DEADLINE_SOON: z.string().min(1).default('local-deadline-soon'),
  QUNPING_TEMPLATE_OVERDUE: z.string().min(1).default('local-overdue'),
})

let parsed: z.infer<typeof schema> | undefined

export function functionEnv() {
  parsed ??= schema.parse(process.env)
  return parsed
}
