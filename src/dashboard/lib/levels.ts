/** @module A level distribution as the chart's counts per class (the scale may name two levels of one class). */
import type { LevelClass } from '../../core/scale'
import type { LevelBar } from '../../api/report'

export function countsByClass(bars: LevelBar[]): Record<LevelClass, number> {
  const counts: Record<LevelClass, number> = { 'satisfied-full': 0, 'satisfied-basic': 0, neutral: 0, dissatisfied: 0, abstain: 0 }
  for (const b of bars) counts[b.class] += b.count
  return counts
}
