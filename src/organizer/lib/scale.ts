/**
 * @module Editing a draft ballot's scale in the wizard: a level's label and its score. Which class a
 * level counts in (satisfied, dissatisfied, abstain…) stays the template's, since the procedure's
 * thresholds are defined on it; the server validates the whole scale again.
 */
import type { BallotTemplate } from '../../core/ballotTemplate'

type Level = BallotTemplate['scale']['levels'][number]

export const CLASS_NAMES: Record<Level['class'], string> = {
  'satisfied-full': '计为满意（好评）',
  'satisfied-basic': '计为满意',
  neutral: '不计满意也不计不满意',
  dissatisfied: '计为不满意',
  abstain: '不了解，不计入',
}

function withLevel(b: BallotTemplate, levelId: string, change: Partial<Level>): BallotTemplate {
  return { ...b, scale: { ...b.scale, levels: b.scale.levels.map((l) => (l.id === levelId ? { ...l, ...change } : l)) } }
}

export const relabelLevel = (b: BallotTemplate, levelId: string, label: string) => withLevel(b, levelId, { label })

/** Scores are whole numbers 0–100; anything else typed is kept out until it is one. */
export function rescoreLevel(b: BallotTemplate, levelId: string, typed: string): BallotTemplate {
  const score = Number(typed)
  return Number.isInteger(score) && score >= 0 && score <= 100 ? withLevel(b, levelId, { score }) : b
}

export const scaleReady = (b: BallotTemplate | null) => !b || b.scale.levels.every((l) => l.label.trim() !== '')
