/** @module What MongoDB accepts as a stored document, checked before anything is written. */
import { ObjectId } from 'bson'
import { requestFailed } from './errors'
import { isPlain } from './ejson'

/** The `_id` a document is stored under; an ObjectId is kept as its hex string, the form CloudBase answers it in. */
export function storedId(id: unknown): unknown {
  if (id instanceof ObjectId) return id.toHexString()
  if (Array.isArray(id) || id instanceof RegExp) throw requestFailed(`The '_id' value cannot be of type ${Array.isArray(id) ? 'array' : 'regex'}`)
  return id
}

/** Field names starting with `$` are operators, never data (MongoDB 4.x refuses them at any depth). */
export function assertStorable(value: unknown, path = ''): void {
  if (Array.isArray(value)) return value.forEach((v, i) => assertStorable(v, `${path}.${i}`))
  if (!isPlain(value)) return
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key
    if (key.startsWith('$')) throw requestFailed(`The dollar ($) prefixed field '${key}' in '${at}' is not valid for storage.`)
    assertStorable(inner, at)
  }
}
