/**
 * @module The query engine: mingo, with the few operators where it answers differently from MongoDB
 * replaced, `$lookup` resolved against the store, and what the embedded server does not offer refused by name.
 */
import { Aggregator } from 'mingo/aggregator'
import { Context, evalExpr } from 'mingo/core'
import * as accumulator from 'mingo/operators/accumulator'
import * as expression from 'mingo/operators/expression'
import * as pipeline from 'mingo/operators/pipeline'
import * as projection from 'mingo/operators/projection'
import * as query from 'mingo/operators/query'
import * as window from 'mingo/operators/window'
import { Query } from 'mingo/query'
import type { AnyObject, Options } from 'mingo/types'
import { isNil, resolve } from 'mingo/util'
import { featureNotSupported } from './errors'

type Any = unknown

/**
 * `$elemMatch` with a document condition matches only elements that are documents (or arrays), as in
 * MongoDB; mingo would also test scalars against it, so `[1, 2, 3]` matched `{value: {$gt: 0}}`.
 */
function $elemMatch(selector: string, criteria: AnyObject, options: Options) {
  const keys = Object.keys(criteria)
  const onValues = keys.length > 0 && keys.every((k) => k.startsWith('$') && k !== '$and' && k !== '$or' && k !== '$nor')
  const condition = new Query(onValues ? { v: criteria } : criteria, options)
  const matches = onValues ? (e: Any) => condition.test({ v: e }) : (e: Any) => typeof e === 'object' && e !== null && condition.test(e as AnyObject)
  return (doc: AnyObject) => {
    const array = resolve(doc, selector, { unwrapArray: true })
    return Array.isArray(array) && array.some(matches)
  }
}

/** MongoDB's `$week`: weeks start on Sunday, days before the year's first Sunday are week 0 (mingo answered 20 for 2019-05-14). */
const $week = (obj: AnyObject, expr: Any, options: Options) => {
  const dayOfYear = expression.$dayOfYear(obj, expr, options) as number
  return Math.floor((dayOfYear - (expression.$dayOfWeek(obj, expr, options) as number) + 7) / 7)
}

/** The year an ISO week belongs to: the first days of January can be the previous year's last week, and the reverse. */
const $isoWeekYear = (obj: AnyObject, expr: Any, options: Options) => {
  const year = expression.$year(obj, expr, options) as number
  const week = expression.$isoWeek(obj, expr, options) as number
  const month = expression.$month(obj, expr, options) as number
  return month === 1 && week >= 52 ? year - 1 : month === 12 && week === 1 ? year + 1 : year
}

const isContinuationByte = (b: number | undefined) => b !== undefined && (b & 0xc0) === 0x80

/**
 * MongoDB's `$substrBytes` (and its alias `$substr`): a negative count takes the rest of the string,
 * a negative start gives '', and neither end may fall inside a UTF-8 character.
 */
const $substrBytes = (obj: AnyObject, expr: Any, options: Options) => {
  const [s, start, count] = evalExpr(obj, expr, options) as [Any, number, number]
  const bytes = Buffer.from(isNil(s) ? '' : String(s))
  const lower = start < 0 ? bytes.length : Math.trunc(start)
  const upper = count < 0 ? bytes.length : Math.min(bytes.length, lower + Math.trunc(count))
  if (lower >= bytes.length) return ''
  if (isContinuationByte(bytes[lower])) throw new Error('$substrBytes: Invalid range, starting index is a UTF-8 continuation byte.')
  if (isContinuationByte(bytes[upper])) throw new Error('$substrBytes: Invalid range, ending index is in the middle of a UTF-8 character.')
  return bytes.subarray(lower, upper).toString('utf8')
}

/** `$indexOfCP` counts code points and `$indexOfBytes` UTF-8 bytes (mingo has no CP form and counts UTF-16 units for bytes). */
const indexOf = (unit: 'cp' | 'bytes') => (obj: AnyObject, expr: Any, options: Options) => {
  const [s, search, start = 0, end] = evalExpr(obj, expr, options) as [Any, string, number?, number?]
  if (isNil(s)) return null
  if (typeof s !== 'string' || typeof search !== 'string') throw new Error(`$indexOf${unit === 'cp' ? 'CP' : 'Bytes'} requires strings`)
  if (!Number.isInteger(start) || start < 0 || (end !== undefined && (!Number.isInteger(end) || end < 0))) {
    throw new Error(`$indexOf${unit === 'cp' ? 'CP' : 'Bytes'} requires non-negative integer indexes`)
  }
  if (unit === 'bytes') {
    const bytes = Buffer.from(s)
    const found = bytes.subarray(0, end ?? bytes.length).indexOf(Buffer.from(search), start)
    return start > (end ?? bytes.length) ? -1 : found
  }
  const points = [...s]
  const window = points.slice(start, end ?? points.length).join('')
  const found = window.indexOf(search)
  return found < 0 || start > points.length ? -1 : start + [...window.slice(0, found)].length
}

const OURS = Context.init({
  query: { $elemMatch } as never,
  expression: { $week, $isoWeekYear, $substr: $substrBytes, $substrBytes, $indexOfCP: indexOf('cp'), $indexOfBytes: indexOf('bytes') } as never,
})
/** Left wins in Context.from: ours replace mingo's operators of the same name. */
const CONTEXT = Context.from(OURS, Context.init({ accumulator, expression, pipeline, projection, query, window } as never))

/** CloudBase runs no server-side JavaScript (`$where`, `$function`, `$accumulator`). */
const OPTIONS: Partial<Options> = { context: CONTEXT, scriptEnabled: false }

/** Operators production offers that the embedded server does not, by the name the SDK gives them. */
const UNSUPPORTED: Record<string, string> = {
  $near: 'geoNear',
  $nearSphere: 'geoNear',
  $geoNear: 'aggregate().geoNear()',
  $geoWithin: 'geoWithin',
  $geoIntersects: 'geoIntersects',
  $jsonSchema: 'jsonSchema',
}

/** Refuses, by name, a request that uses a feature listed in {@link UNSUPPORTED} anywhere inside it. */
export function assertSupported(value: Any): void {
  if (Array.isArray(value)) return value.forEach(assertSupported)
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return
  for (const [key, inner] of Object.entries(value)) {
    if (Object.hasOwn(UNSUPPORTED, key)) throw featureNotSupported(UNSUPPORTED[key])
    assertSupported(inner)
  }
}

export const find = (docs: AnyObject[], criteria: AnyObject, fields?: AnyObject) => new Query(criteria, OPTIONS).find(docs, fields)

/** `collection` answers `$lookup`'s `from`: a collection that does not exist joins nothing, as in MongoDB. */
export const aggregate = (docs: AnyObject[], stages: AnyObject[], collection: (name: string) => AnyObject[]) =>
  new Aggregator(stages, { ...OPTIONS, collectionResolver: collection }).run(docs)
