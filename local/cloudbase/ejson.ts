/** @module EJSON as @cloudbase/database writes it (canonical, relaxed: false) and reads it back. */
import { EJSON } from 'bson'

export type Doc = { _id: string } & Record<string, unknown>

export const parse = (text: string): Record<string, unknown> => EJSON.parse(text, { relaxed: true }) as Record<string, unknown>

/** The SDK parses list items with EJSON.parse, so answer in canonical form to keep dates and numbers typed. */
export const stringify = (value: unknown): string => EJSON.stringify(value as never, { relaxed: false })

/** Optional EJSON-string fields (query, projection, order) arrive as strings or are absent. */
export const parseOptional = (text: unknown): Record<string, unknown> | undefined =>
  typeof text === 'string' && text.length > 0 ? parse(text) : undefined
