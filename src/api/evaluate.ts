/** @module Contract of the resident-facing `evaluate` function. */
import { z } from 'zod'
import { BallotInput, type BallotTemplate, Id, type RoundState, type TargetKind, type WindowStatus } from '../core'
import { action } from './contract'
import type { LedgerItem } from './ledger'
import { MAX_BALLOTS_PER_SUBMIT } from './limits'
import { CodeInput, type RoleName } from './organize'

export interface Me {
  /** A short, stable tag for display ("我的编号"); not the openid, which never leaves the server. */
  tag: string
  /** unitId null: the role covers the whole tree. */
  roles: { role: RoleName; unitId: string | null; unitName: string }[]
  /**
   * 我评议过的单位整改进展: items of the targets I rated; the to-do badge: `todo`, my items as a contact whose
   * reminder could not be sent; `review`, items at 申请销号 I supervise; `verdicts`, per closed round, fired
   * verdicts whose next step (确认 / 批准 …) is mine. Null when all are empty.
   */
  rectification: { items: number; closed: number; todo: number; review: number; verdicts: { roundId: string; title: string; count: number }[] } | null
}

export interface RoundSummary {
  id: string
  title: string
  state: RoundState
  window: { opensAt: string; closesAt: string }
  windowStatus: WindowStatus
}

/** A round on the resident's home, with what they did in it. */
export interface HomeRound extends RoundSummary {
  /** Targets this resident has rated (receipts held). */
  receipts: number
  /** Enrolled and every eligible target rated: nothing left to do. */
  rated: boolean
}

export interface CategoryChoice {
  id: string
  name: string
  description?: string
  /** Whether choosing it needs the evaluator's own unit (own-unit or group scope). */
  needsUnit: boolean
}

export interface Enrolment {
  categoryId: string
  categoryName: string
  unitId: string | null
  eligibleTargetIds: string[]
}

export interface Receipt {
  targetId: string
  /** Shown to the resident as 回执编号; derived from the receipt, reveals nothing about the ballot. */
  code: string
}

export interface RoundForResident {
  round: RoundSummary
  intro: string
  targets: { id: string; name: string; kind: TargetKind; unitId: string; position?: string; report: string }[]
  /** Units an evaluator may declare as their own, when their category needs one. */
  units: { id: string; name: string }[]
  template: BallotTemplate
  /** Open categories the resident may choose, when not yet enrolled. */
  choices: CategoryChoice[]
  enrolment: Enrolment | null
  receipts: Receipt[]
  /** The channel the link was shared through, when valid for this round. */
  channel: { id: string; name: string } | null
}

export type TargetOutcome =
  | { targetId: string; status: 'recorded'; receipt: Receipt }
  | { targetId: string; status: 'already-voted'; receipt: Receipt | null }
  | { targetId: string; status: 'refused'; error: { code: string; message: string } }

const roundRef = { roundId: Id }

export const evaluateApi = {
  me: action<Me>()(z.object({}).strict()),
  listRounds: action<{ rounds: HomeRound[] }>()(z.object({}).strict()),
  getRound: action<RoundForResident>()(z.object({ ...roundRef, channel: Id.optional() }).strict()),
  /** Choose an open category (and one's unit) for the round; fixed once chosen. */
  enrol: action<Enrolment>()(z.object({ ...roundRef, categoryId: Id, unitId: Id.optional() }).strict()),
  /** Ballots for one or several targets; each target is recorded, or not, on its own. */
  submit: action<{ outcomes: TargetOutcome[] }>()(
    z.object({ ...roundRef, channel: Id.optional(), ballots: z.array(BallotInput).min(1).max(MAX_BALLOTS_PER_SUBMIT) }).strict(),
  ),
  myStatus: action<{ receipts: Receipt[] }>()(z.object(roundRef).strict()),
  /** Redeems an invitation code of a roster category: the voter's category and unit are the code's. */
  redeem: action<Enrolment & { roundId: string }>()(z.object({ code: CodeInput }).strict()),
  /** 整改进展: items of the targets I rated, or of a public round's targets; the home's list without `roundId`. */
  progress: action<{ items: LedgerItem[] }>()(z.object({ roundId: Id.optional() }).strict()),
  /** A mini-program code's short scene, back to its round and the channel (poster) or roster code (slip) it stands for. */
  resolveScene: action<{ roundId: string; channel: string | null; code: string | null }>()(
    // Scenes are ours (hex of a keyed hash, or older 8-character ones); nothing else is looked up.
    z.object({ scene: z.string().regex(/^[A-Za-z0-9]{1,32}$/, { message: '二维码参数不正确' }) }).strict(),
  ),
}
