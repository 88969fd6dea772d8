/** @module EJSON as @cloudbase/database writes it (canonical, relaxed: false) and reads it back. */
import { BSONRegExp, EJSON } from 'bson'
import { featureNotSupported } from './errors'

/** `_id` is any BSON value but an array (strings and numbers in practice; an ObjectId `_id` is kept as its hex string). */
export type Doc = { _id: unknown } & Record<string, unknown>

/** Parses what the store itself wrote: no request markers to resolve. */
export const parse = (text: string): Record<string, unknown> => EJSON.parse(text, { relaxed: true }) as Record<string, unknown>

/** Canonical form keeps dates and numbers typed; this is what the store persists. */
export const stringify = (value: unknown): string => EJSON.stringify(value as never, { relaxed: false })

/**
 * What the SDK reads back. CloudBase answers an ObjectId value as its hex string (the SDK would
 * otherwise hand the caller a bson ObjectId), while the store keeps it typed so it still matches as one.
 */
export const answer = (value: unknown): string =>
  EJSON.stringify(value as never, (_key, v: unknown) => (isOid(v) ? v.$oid : v), undefined, { relaxed: false })

/**
 * A stored document is never changed in place (every write stores a new object), so its answer is
 * made once and served to every later read of it: serialising the same documents again on each read
 * was a third of a read's time in the embedded server.
 */
const answered = new WeakMap<object, string>()
export const answerStored = (doc: Doc): string => answered.get(doc) ?? answered.set(doc, answer(doc)).get(doc)!

const isOid = (v: unknown): v is { $oid: string } =>
  typeof v === 'object' && v !== null && typeof (v as { $oid?: unknown }).$oid === 'string' && Object.keys(v).length === 1

export const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)

/** MongoDB's regex options that JavaScript spells the same; `u` and `l` change nothing JavaScript can express. */
const REGEX_FLAGS = new Set(['i', 'm', 's'])

function toRegExp({ pattern, options }: BSONRegExp): RegExp {
  if (options.includes('x')) throw featureNotSupported('regex option x')
  return new RegExp(pattern, [...options].filter((o) => REGEX_FLAGS.has(o)).join(''))
}

/**
 * Turns the values the SDK marks up into what MongoDB would hold: `db.serverDate({offset})` becomes
 * one server time per request (so two fields with offsets differ by exactly their offsets), and a
 * regex becomes a RegExp the query engine can match with.
 */
function revive(value: unknown, now: number): unknown {
  if (value instanceof BSONRegExp) return toRegExp(value)
  if (Array.isArray(value)) return value.map((v) => revive(v, now))
  if (!isPlain(value)) return value
  const marker = value.$tcb_server_date as { offset?: unknown } | undefined
  if (marker !== undefined && Object.keys(value).length === 1) return new Date(now + (typeof marker.offset === 'number' ? marker.offset : 0))
  // fromEntries defines own properties: a `__proto__` field stays a field.
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v, now)]))
}

/** Parses a request's EJSON field (query, data, a stage), resolving server dates against `now`. */
export const decode = (text: string, now: number): Record<string, unknown> => revive(parse(text), now) as Record<string, unknown>

/** Optional EJSON-string fields (query, projection, order) arrive as strings or are absent. */
export const decodeOptional = (text: unknown, now: number): Record<string, unknown> | undefined =>
  typeof text === 'string' && text.length > 0 ? decode(text, now) : undefined
