/** @module scale — rating scales: levels with a label, a score and a level class. */
import { z } from 'zod'
import { Id, Label, distinct } from './ids'

/**
 * What a level means for the rates. Satisfaction counts full + basic; 好评率 counts full;
 * 不满意 share counts dissatisfied; abstain (不了解) leaves the denominator altogether.
 */
export const LevelClass = z.enum(['satisfied-full', 'satisfied-basic', 'neutral', 'dissatisfied', 'abstain'])
export type LevelClass = z.infer<typeof LevelClass>

export const ScaleLevel = z
  .object({ id: Id, label: Label, score: z.number().int().min(0).max(100), class: LevelClass })
  .strict()
export type ScaleLevel = z.infer<typeof ScaleLevel>

export const Scale = z
  .object({ id: Id, name: Label, levels: z.array(ScaleLevel).min(2) })
  .strict()
  .refine((s) => distinct(s.levels.map((l) => l.id)), { message: '等次编号重复', path: ['levels'] })
  .refine((s) => s.levels.some((l) => l.class !== 'abstain'), { message: '至少需要一个可计分的等次', path: ['levels'] })
export type Scale = z.infer<typeof Scale>

export function levelById(scale: Scale, levelId: string): ScaleLevel | undefined {
  return scale.levels.find((l) => l.id === levelId)
}
