/**
 * @module templates/scales — the four scales the procedures use. The seeds give no scores;
 * these defaults put the top level at 100 and the bottom at 0, and are editable per round.
 */
import type { Scale } from '../scale'

/** 000: 一般 still counts as (basic) satisfaction. */
export const GOOD_FAIR_POOR: Scale = {
  id: 'good-fair-poor',
  name: '好/一般/差',
  levels: [
    { id: 'good', label: '好', score: 100, class: 'satisfied-full' },
    { id: 'fair', label: '一般', score: 60, class: 'satisfied-basic' },
    { id: 'poor', label: '差', score: 0, class: 'dissatisfied' },
  ],
}

/** 002: 好 and 较好 satisfy; 一般 is neutral. */
export const FOUR_GRADE: Scale = {
  id: 'four-grade',
  name: '好/较好/一般/差',
  levels: [
    { id: 'good', label: '好', score: 100, class: 'satisfied-full' },
    { id: 'fairly-good', label: '较好', score: 80, class: 'satisfied-basic' },
    { id: 'fair', label: '一般', score: 60, class: 'neutral' },
    { id: 'poor', label: '差', score: 0, class: 'dissatisfied' },
  ],
}

/**
 * 003: 不太满意 is neutral by default, so only 不满意 votes count as 不满意票 for the
 * secretary's annual rating; a round may reclassify it as dissatisfied.
 */
export const SATISFACTION_FOUR: Scale = {
  id: 'satisfaction-four',
  name: '满意/比较满意/不太满意/不满意',
  levels: [
    { id: 'satisfied', label: '满意', score: 100, class: 'satisfied-full' },
    { id: 'fairly-satisfied', label: '比较满意', score: 80, class: 'satisfied-basic' },
    { id: 'not-very-satisfied', label: '不太满意', score: 40, class: 'neutral' },
    { id: 'dissatisfied', label: '不满意', score: 0, class: 'dissatisfied' },
  ],
}

/** 004: 不了解 is an abstention and leaves every denominator. */
export const SATISFACTION_WITH_UNKNOWN: Scale = {
  id: 'satisfaction-unknown',
  name: '满意/基本满意/不满意/不了解',
  levels: [
    { id: 'satisfied', label: '满意', score: 100, class: 'satisfied-full' },
    { id: 'basically-satisfied', label: '基本满意', score: 60, class: 'satisfied-basic' },
    { id: 'dissatisfied', label: '不满意', score: 0, class: 'dissatisfied' },
    { id: 'unknown', label: '不了解', score: 0, class: 'abstain' },
  ],
}
