/** @module The deployable cloud functions and what each needs from the platform. */
export interface FunctionSpec {
  name: string
  /** Seconds; CloudBase's default of 3 s is too short for a cold start plus a transaction. */
  timeout: number
  memorySize: number
  /** WeChat open APIs the function calls (its config.json permissions.openapi). */
  openapi: string[]
}

export const FUNCTION_SPECS: FunctionSpec[] = [
  { name: 'evaluate', timeout: 20, memorySize: 256, openapi: ['security.msgSecCheck'] },
]
