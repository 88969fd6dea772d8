/** @module ballotTemplate — the ballot: overall rating, sections of items, one scale, opinion. */
import { z } from 'zod'
import { Id, Label, distinct } from './ids'
import { Scale } from './scale'

export const Item = z.object({ id: Id, label: Label }).strict()
export type Item = z.infer<typeof Item>

export const Section = z.object({ id: Id, title: Label, items: z.array(Item) }).strict()
export type Section = z.infer<typeof Section>

export const Opinion = z
  .object({ enabled: z.boolean(), maxLength: z.number().int().min(1).max(2000) })
  .strict()
export type Opinion = z.infer<typeof Opinion>

export const BallotTemplate = z
  .object({
    id: Id,
    name: Label,
    overall: z.object({ label: Label }).strict(),
    sections: z.array(Section),
    scale: Scale,
    opinion: Opinion,
  })
  .strict()
  .refine((t) => distinct(templateItems(t).map((i) => i.id)), { message: '评议内容编号重复', path: ['sections'] })
  .refine((t) => distinct(t.sections.map((s) => s.id)), { message: '栏目编号重复', path: ['sections'] })
export type BallotTemplate = z.infer<typeof BallotTemplate>

export function templateItems(template: { sections: readonly Section[] }): Item[] {
  return template.sections.flatMap((s) => s.items)
}
