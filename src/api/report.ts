/** @module Contract of the `report` function: results, rankings, trends and exports for leaders, organisers, contacts and residents. */
import { z } from 'zod'
import {
  type Fraction, Id, type LevelClass, type OrgUnitKind, type RankEntry, type Rate, type RoundState, type TargetKind, type TargetResult,
} from '../core'
import { action } from './contract'
import type { Participation } from './organize'

const roundRef = { roundId: Id }

/**
 * Where the figures come from. live: the counters, while the round is open (or closed and not yet
 * stored); stored: the `results` documents written on close, which publishing shows unchanged.
 */
export type FiguresBasis = 'live' | 'stored'

export interface RoundHeader {
  id: string
  title: string
  state: RoundState
  /** 评议中 / 已结束 / 已公布 … */
  stateLabel: string
  window: { opensAt: string; closesAt: string }
  ownerUnitId: string
  procedure: string
  basis: FiguresBasis
  /** provisional while open or while any target misses its sample; final once stored and met. */
  status: 'provisional' | 'final'
  /** 更新于: when the figures shown were computed (ISO). */
  computedAt: string
  /** Set when closing found counters and a recount of the ballots disagreeing: the round cannot be published. */
  mismatch: { targetId: string; counted: number; recounted: number }[] | null
  /** Chinese sentences for every provisional, withheld or sample-not-met state the page must say. */
  notices: string[]
  /**
   * Set when the caller may follow participation only (a leader while a round without live results
   * is open): when results will be visible, in plain words. `targets` is then empty.
   */
  resultsNotice: string | null
}

/** What a badge says, each with its own colour: 返工补课, 不称职, 整改, 基本称职, and the consequences that come with them. */
export type BadgeKind = 'redo' | 'unfit' | 'rectify' | 'basic' | 'no-awards' | 'talk' | 'criticism'

/** A verdict badge the pages colour by its kind. */
export interface Badge {
  label: string
  kind: BadgeKind
  /** Whether the consequence stands: 拟认定 until confirmed, 已认定 after (a set-aside verdict brings no badge). */
  standing?: '拟认定' | '已认定' | '不予认定'
}

export interface TargetView {
  targetId: string
  name: string
  kind: TargetKind
  unitId: string
  unitName: string
  groupId: string | null
  /** The core's full result: headline with Wilson interval, sections/items, k-suppressed categories, sample, compliance, verdicts with Chinese explanations. */
  result: TargetResult
  badges: Badge[]
  rankInGroup: number | null
  rankInRound: number | null
  /** Ballots the procedure expects for this target (000: 15 + 5); null when it sets none. */
  expected: number | null
  /** Chinese: 样本不足 30 份，结果仅供参考 … */
  notices: string[]
}

/** What a chart needs to label a distribution: the scale and the items, in template order. */
export interface Legend {
  levels: { id: string; label: string; class: LevelClass; score: number }[]
  overallLabel: string
  sections: { id: string; title: string; items: { id: string; label: string }[] }[]
  categories: { id: string; name: string }[]
  /** Thresholds of the rules on a rate, for the line drawn over satisfaction bars (2/3, 60 %). */
  thresholds: { ruleId: string; ruleName: string; metric: string; value: Fraction; percent: number }[]
}

/** 返工补课前后: the round a redo round redoes (or the redo round started from this one), and each target's rate before and after. */
export interface RedoComparison {
  /** 返工补课 (000), or 活动延期 (004: an extension round for one target). */
  kind: 'redo' | 'extension'
  of: { roundId: string; title: string } | null
  round: { roundId: string; title: string } | null
  rows: { targetId: string; name: string; before: Rate; beforeBadges: Badge[]; after: Rate; afterBadges: Badge[] }[]
}

export interface RoundResults {
  /** Set when the round redoes or extends another, or was redone: the two side by side. */
  redo?: RedoComparison | null
  round: RoundHeader
  legend: Legend
  targets: TargetView[]
  groups: { id: string; name: string; ranking: RankEntry[] }[]
  /** Over the whole round, by satisfaction; ties share a rank. */
  ranking: RankEntry[]
  participation: Participation
}

export interface AttentionItem {
  roundId: string
  roundTitle: string
  targetId: string
  targetName: string
  unitId: string
  kind: 'verdict' | 'sample' | 'quota' | 'burst' | 'mismatch'
  label: string
  /** Chinese, from the core where it has one (a verdict's explanation). */
  explanation: string
}

export interface DashboardRound {
  id: string
  title: string
  state: RoundState
  stateLabel: string
  window: { opensAt: string; closesAt: string }
  status: 'provisional' | 'final'
  basis: FiguresBasis
  ballots: number
  /** Ballots expected over the targets in scope; null when the procedure sets no count. */
  expected: number | null
  /** Ballots cast today (Asia/Shanghai). */
  today: number
  /** Pooled over the round's targets in scope: one point of the area's trend. */
  satisfaction: Rate
  /** As in `RoundHeader`: set when only participation may be shown (no rates, no badges). */
  resultsNotice: string | null
  targets: { targetId: string; name: string; unitId: string; ballots: number; expected: number | null; satisfaction: Rate; badges: Badge[] }[]
}

export interface UnitRollup {
  unitId: string
  name: string
  kind: OrgUnitKind
  /** Whether the leader can drill further down. */
  hasChildren: boolean
  ballots: number
  expected: number | null
  /** Pooled over the unit's subtree's targets in the rounds shown. */
  satisfaction: Rate
  targetsWithVerdict: number
  /** Why there is no satisfaction figure although ballots came in (results not visible yet); else null. */
  note: string | null
}

export interface Dashboard {
  /** `unitId` null: the whole tree (an admin's grant). */
  scope: { unitId: string | null; name: string; kind: OrgUnitKind | null }
  /** From the caller's top unit down to the scope, for the drill-down trail. */
  trail: { unitId: string; name: string }[]
  computedAt: string
  /** Pooled over every target in scope in the rounds shown: counts added, not percentages averaged. */
  satisfaction: Rate
  /**
   * Ballots today and in all over the rounds shown, and those expected: null unless every round
   * sets a count (136 ballots of all rounds read against the 140 expected of one is no turnout).
   */
  totals: { today: number; ballots: number; expected: number | null }
  /** The area's pooled satisfaction per round whose results may be shown, oldest first: the trend chart's points. */
  trend: { roundId: string; title: string; satisfaction: Rate }[]
  rounds: DashboardRound[]
  attention: AttentionItem[]
  children: UnitRollup[]
  /** Chinese: e.g. 暂无评议 when nothing is in scope. */
  notices: string[]
}

export interface LevelBar {
  levelId: string
  label: string
  class: LevelClass
  count: number
}

/** The text alone: no author, and no date (a stored ballot keeps no time; see `common/opinions.ts`). */
export interface Opinion {
  text: string
}

export interface OpinionsPage {
  page: number
  pageSize: number
  total: number
  items: Opinion[]
  /** Chinese reason when none are shown (fewer than k ballots). */
  withheld: string | null
}

export interface TrendPoint {
  roundId: string
  roundTitle: string
  closesAt: string
  state: RoundState
  targetId: string
  targetName: string
  satisfaction: Rate
  badges: Badge[]
}

export interface TargetDetail {
  round: RoundHeader
  legend: Legend
  target: TargetView
  /** Level distribution of the overall rating and of every item. */
  overall: LevelBar[]
  items: { itemId: string; label: string; levels: LevelBar[] }[]
  /** Per category; a withheld one carries its Chinese reason and no figures. */
  categories: ({ categoryId: string; name: string; suppressed: false; overall: LevelBar[] } | { categoryId: string; name: string; suppressed: true; reason: string })[]
  opinions: OpinionsPage
  /** The same unit's results in its other rounds, oldest first. */
  history: TrendPoint[]
}

export interface Trend {
  unit: { unitId: string; name: string }
  points: TrendPoint[]
}

/** The 评议结果 a resident reads: satisfaction and the verdict in plain words, from the stored results. */
export interface PublishedResults {
  round: { id: string; title: string; publishedAt: string | null }
  targets: {
    targetId: string
    name: string
    ballots: number
    valid: number
    satisfaction: Rate
    /** Plain words: 满意率 72.0%，达到规定要求 / 触发「返工补课」… */
    verdict: string
    badges: Badge[]
    notices: string[]
  }[]
  notices: string[]
}

export interface ExportFile {
  /** Temporary download URL (weapp: wx.downloadFile + wx.openDocument; H5: download). */
  url: string
  fileName: string
}

export const reportApi = {
  /** A leader's or organiser's landing: their subtree, or the unit they drilled into. */
  dashboard: action<Dashboard>()(z.object({ unitId: Id.optional() }).strict()),
  roundResults: action<RoundResults>()(z.object(roundRef).strict()),
  targetDetail: action<TargetDetail>()(z.object({ ...roundRef, targetId: Id, page: z.number().int().min(1).max(10000).default(1) }).strict()),
  trend: action<Trend>()(z.object({ unitId: Id }).strict()),
  /** The Excel 统计表. */
  exportRound: action<ExportFile>()(z.object(roundRef).strict()),
  /** The per-unit PDF report: one target, or every target of the round. */
  reportPdf: action<ExportFile>()(z.object({ ...roundRef, targetId: Id.optional() }).strict()),
  publishedResults: action<PublishedResults>()(z.object(roundRef).strict()),
}
