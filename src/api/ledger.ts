/**
 * @module Contract of the rectification ledger (整改台账), part of the `organize` function: registering
 * items with 三定, the owner working them, the supervisors verifying, the ledger and its export.
 */
import { z } from 'zod'
import { Id, IsoDateTime, MAX_PHOTOS_PER_NOTE, type PublicRectificationState, RectificationSource, type RectificationState } from '../core'
import { action } from './contract'

const Text = (max: number) => z.string().trim().max(max)
const itemRef = { itemId: Id }
/**
 * How many steps the page showed when the step was tapped: a step sent again (its answer lost) finds
 * itself already taken and is answered as the first was, instead of landing twice or being refused.
 */
const seenSteps = { seen: z.number().int().nonnegative().max(10_000).optional() }

/** A photo the device compressed and uploaded to the caller's incoming folder; judged on its stored bytes by the server. */
export const PhotoUpload = z.string().min(1).max(512)

export interface LedgerEvent {
  type: 'start' | 'progress' | 'request-closure' | 'verify' | 'send-back' | 'resume'
  /** By role and unit, e.g. 幸福社区 单位联系人. */
  by: string
  at: string
  note: string | null
  /** Temporary download URLs. */
  photos: string[]
}

export interface LedgerItem {
  id: string
  roundId: string
  roundTitle: string
  targetId: string
  targetName: string
  source: '评议结果' | '群众意见'
  problem: string
  responsibility: string
  ownerUnitId: string
  ownerUnitName: string
  ownerName: string
  deadline: string
  urgent: boolean
  state: RectificationState
  publicState: PublicRectificationState
  overdue: boolean
  daysLeft: number
  registeredAt: string
  verifiedAt: string | null
  /** A reminder fell due that WeChat could not deliver (no opt-in left): the item counts in the to-do badge. */
  unreminded: boolean
  /**
   * What the caller may do now: the owner's steps, or the supervisors'. `photoFolder`: where the owner's
   * device uploads photos for a step (slots `/0` … `/2`), only for whoever may work the item.
   */
  can: { work: boolean; supervise: boolean; photoFolder: string | null }
  events: LedgerEvent[]
}

/** What an organiser may register an item from, for one target. */
export interface LedgerCandidates {
  targetName: string
  ownerUnitId: string
  ownerUnitName: string
  /** Fired rules; `offered` where their effects call for an item and the verdict stands. */
  verdicts: { ruleId: string; ruleName: string; explanation: string; offered: boolean }[]
  /** The opinions the k rule already shows, each with an id standing for its text alone. */
  opinions: { id: string; text: string }[]
  opinionsWithheld: string | null
  /** The unit's contacts, one of whom will own the item. */
  contacts: { holderId: string; name: string }[]
  urgentDeadline: string
}

export const LedgerFilter = z
  .object({
    roundId: Id.optional(),
    unitId: Id.optional(),
    state: z.enum(['整改中', '已销号', '逾期']).optional(),
    overdue: z.boolean().optional(),
    ownerUnitId: Id.optional(),
  })
  .strict()

export interface UnitLedgerCount {
  unitId: string
  unitName: string
  open: number
  overdue: number
  closed: number
}

export const ledgerApi = {
  ledgerCandidates: action<LedgerCandidates>()(z.object({ roundId: Id, targetId: Id }).strict()),
  /** 三定 at registration: measures, an owner (a contact of the unit), a deadline (立行立改 defaults one). */
  registerItem: action<LedgerItem>()(
    z
      .object({
        roundId: Id,
        targetId: Id,
        source: RectificationSource,
        problem: Text(2000).min(1),
        responsibility: Text(2000).min(1),
        ownerHolderId: z.string().regex(/^[0-9a-f]{64}$/, { message: '责任人编号不正确' }),
        deadline: IsoDateTime.optional(),
        urgent: z.boolean().default(false),
      })
      .strict(),
  ),
  /** 我的整改事项: the items the caller owns, nearest deadline first; `todo`: open ones whose reminder could not be sent. */
  myItems: action<{ items: LedgerItem[]; todo: number }>()(z.object({}).strict()),
  /** The reminder templates to ask for at a tap (wx.requestSubscribeMessage, at most 3 at once). */
  reminderTemplates: action<{ templateIds: string[] }>()(z.object({}).strict()),
  /** Records the templates the person accepted: one message each may now be sent to them. */
  subscribe: action<{ templateIds: string[] }>()(z.object({ accepted: z.array(z.string().min(1).max(64)).max(3) }).strict()),
  ledgerItem: action<LedgerItem>()(z.object(itemRef).strict()),
  /** The owner's steps: accept (start), a progress note with photos, 申请销号, resume after a send-back. */
  workItem: action<LedgerItem>()(
    z
      .object({
        ...itemRef,
        step: z.enum(['start', 'progress', 'request-closure', 'resume']),
        note: Text(1000).optional(),
        /** fileIDs of the caller's own uploads (`can.photoFolder`). */
        photos: z.array(PhotoUpload).max(MAX_PHOTOS_PER_NOTE).default([]),
        ...seenSteps,
      })
      .strict(),
  ),
  /** The supervisors' steps: 销号, or send back with a reason. */
  superviseItem: action<LedgerItem>()(z.object({ ...itemRef, verify: z.boolean(), note: Text(1000).optional(), ...seenSteps }).strict()),
  /**
   * The ledger of the caller's subtree (organisers and leaders), filtered; counts per owner unit and,
   * with `unitId`, rolled up per child unit (the leaders' overview shows them beside satisfaction).
   */
  ledger: action<{ items: LedgerItem[]; counts: UnitLedgerCount[]; byChild: UnitLedgerCount[]; units: { id: string; name: string }[] }>()(LedgerFilter),
  /** The filtered ledger as the 台账 xlsx (整改台账-日期.xlsx), as a temporary download URL. */
  ledgerSheet: action<{ url: string; fileName: string; rows: number }>()(LedgerFilter),
}
