/** @module ids — identifier and timestamp contracts shared by every schema. */
import { z } from 'zod'
import { ID_PATTERN } from './idPattern'

export { ID_PATTERN }

/**
 * Names an object already answers to (`toString`, `__proto__`, `__defineGetter__`…): an id is a
 * key in records and counter fields, where such a name would read the prototype instead of
 * nothing. Refused at the door, so no lookup anywhere can mistake one for a stored entry.
 */
const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype'])

export const Id = z
  .string()
  .regex(ID_PATTERN, { message: '编号只能包含字母、数字、下划线和连字符，长度 1–40' })
  .refine((id) => !RESERVED.has(id), { message: '这个编号是系统保留的，请换一个' })
export type Id = z.infer<typeof Id>

/** ISO-8601 with an explicit offset, so an instant never depends on the server's zone. */
export const IsoDateTime = z.iso.datetime({ offset: true, message: '时间须为带时区的 ISO-8601 格式' })
export type IsoDateTime = z.infer<typeof IsoDateTime>

/** Chinese display text: required, trimmed, bounded. */
export const Label = z.string().trim().min(1, { message: '名称不能为空' }).max(200)

/** True when the ids in a list are pairwise distinct. */
export function distinct(ids: readonly string[]): boolean {
  return new Set(ids).size === ids.length
}

/**
 * A record's own entry for a key, never one inherited from Object.prototype: for keys that did
 * not pass `Id` (a cell of an imported sheet), where `record[key]` could answer `toString`.
 */
export const ownEntry = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined
