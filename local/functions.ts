/** @module The cloud functions the local runtime serves, straight from their sources. */
import { main as evaluate } from '../cloudfunctions/evaluate'
import { main as organize } from '../cloudfunctions/organize'
import type { FunctionMain } from './gateway'

export const FUNCTIONS: Record<string, FunctionMain> = { evaluate, organize }
