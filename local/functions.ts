/** @module The cloud functions the local runtime serves, straight from their sources. */
import { main as evaluate } from '../cloudfunctions/evaluate'
import { main as organize } from '../cloudfunctions/organize'
import { main as report } from '../cloudfunctions/report'
import { main as scheduler } from '../cloudfunctions/scheduler'
import type { FunctionMain } from './gateway'

export const FUNCTIONS: Record<string, FunctionMain> = { evaluate, organize, report, scheduler }
