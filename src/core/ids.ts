/** @module ids — identifier and timestamp contracts shared by every schema. */
import { z } from 'zod'
import { ID_PATTERN } from './idPattern'

export { ID_PATTERN }

/** Keys that would reach an object's prototype when used as a counter field. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype'])

export const Id = z
  .string()
  .regex(ID_PATTERN, { message: '编号只能包含字母、数字、下划线和连字符，长度 1–40' })
  .refine((id) => !RESERVED.has(id), { message: '编号为保留字' })
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
