/**
 * @module How an action is declared once for both ends: a zod input schema (what the function
 * parses with) and the output type (what the client receives).
 */
import type { z } from 'zod'

export interface Action<I extends z.ZodType, O> {
  input: I
  /** Type-only: never read at run time. */
  output?: O
}

export const action = <O>() => <I extends z.ZodType>(input: I): Action<I, O> => ({ input })

export type ActionTable = Record<string, Action<z.ZodType, unknown>>
export type InputOf<A> = A extends Action<infer I, unknown> ? z.input<I> : never
export type ParsedInputOf<A> = A extends Action<infer I, unknown> ? z.output<I> : never
export type OutputOf<A> = A extends Action<z.ZodType, infer O> ? O : never
