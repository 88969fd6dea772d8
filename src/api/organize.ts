/** @module Contract of the organiser-facing `organize` function (admins, organisers, leaders, unit contacts). */
import { z } from 'zod'
import {
  Aggregation, AggregationInput, type Blocker, VerdictAction, type VerdictStanding, BallotTemplate, type BuiltinTemplate, type Participation as CoreParticipation, Channel, EvaluatorCategory, Group, Households, Id, IsoDateTime, OrgUnitKind, type RoundState, type RoundStatus, Rule, type Sampling, type SessionStatus, Target,
} from '../core'
import { action } from './contract'
import { paperApi } from './paper'
import { ledgerApi } from './ledger'

export const RoleName = z.enum(['admin', 'organizer', 'leader', 'contact'])
export type RoleName = z.infer<typeof RoleName>

const Text = (max: number) => z.string().trim().max(max)

/**
 * An invitation code as a person types it: letters and digits, perhaps in groups split by spaces or
 * dashes (the server normalises them). Anything else could never be a code, and is refused before
 * it becomes a document id.
 */
export const CodeInput = z.string().trim().min(4).max(16).regex(/^[A-Za-z0-9\s-]+$/, { message: '邀请码只能包含字母和数字' })
const roundRef = { roundId: Id }

export const NewRound = z
  .object({
    /** A readable id for links (e.g. "xingfu-2026"); generated when absent. */
    id: Id.optional(),
    templateId: Id,
    /** The unit whose organisers own the round; every target must lie in its subtree. */
    ownerUnitId: Id,
    title: Text(200).min(1),
    window: z.object({ opensAt: IsoDateTime, closesAt: IsoDateTime }).strict(),
    targets: z.array(Target).max(500),
    groups: z.array(Group).max(200).default([]),
    channels: z.array(Channel).max(500).default([]),
    intro: Text(5000).default(''),
    reports: z.record(Id, Text(20000)).default({}),
    shards: z.number().int().min(1).max(256).default(16),
    /** The template's weights unless given (see `RoundPatch`). */
    aggregation: AggregationInput.optional(),
  })
  .strict()

/** What may change. Once a round is open only `closesAt` and the texts may; the rest is refused. */
export const RoundPatch = z
  .object({
    title: Text(200).min(1),
    intro: Text(5000),
    window: z.object({ opensAt: IsoDateTime, closesAt: IsoDateTime }).strict(),
    targets: z.array(Target).max(500),
    groups: z.array(Group).max(200),
    channels: z.array(Channel).max(500),
    template: BallotTemplate,
    categories: z.array(EvaluatorCategory),
    rules: z.array(Rule),
    /** Pooled counting or the weighted parts (whole percentages adding up to 100). */
    aggregation: AggregationInput,
    minSample: z.number().int().nonnegative(),
  })
  .partial()
  .strict()

export interface UnitView {
  id: string
  name: string
  parentId: string | null
  kind: z.infer<typeof OrgUnitKind>
}

export interface RoundListItem {
  id: string
  title: string
  state: RoundState
  /** What residents are told of it now: 尚未开始 before its window, whatever the state says. */
  status: RoundStatus
  ownerUnitId: string
  window: { opensAt: string; closesAt: string }
  ballots: number
}

export interface RoundDetail extends RoundListItem {
  procedure: string
  intro: string
  targets: z.infer<typeof Target>[]
  groups: z.infer<typeof Group>[]
  channels: z.infer<typeof Channel>[]
  categories: z.infer<typeof EvaluatorCategory>[]
  template: z.infer<typeof BallotTemplate>
  rules: z.infer<typeof Rule>[]
  aggregation: Aggregation
  /** `revision`: what an approval names, so that a text rewritten meanwhile is not approved unread. */
  reports: Record<string, { text: string; approved: boolean; revision: number }>
  /** Whether the caller may approve them: the supervising group where the procedure asks (000), else the round's managers. */
  approvesReports: boolean
  rosterSizes: Record<string, number>
  blockers: Blocker[]
  /** 随机抽取 (002): the minimums when the procedure draws its evaluators; null when rosters are entered as they are. */
  sampling: Sampling | null
}

/** 名单审定: where the procedure asks for it, the supervisors' verdict on the roster as it stands. */
export interface RosterReview {
  required: boolean
  state: 'pending' | 'approved' | 'returned'
  /** What a verdict names, so that a list changed meanwhile is not approved unseen. */
  revision: number
  reason: string | null
  /** Whether the caller is one of the supervisors (organisers of the unit above the owner). */
  reviewable: boolean
}

/** 随机抽取 for one unit and category: the seed's SHA-256 from the start, the seed and the draw once drawn. */
export interface SampleView {
  unitId: string
  unitName: string
  categoryId: string
  /** The least this unit's draw may take (002: 30, a county 100); a shorter list is drawn whole. */
  minimum: number
  commitment: string
  seed: string | null
  /** The list's size and SHA-256 (names joined by line breaks) and the rows drawn, numbered from 1. */
  draw: { candidates: number; listHash: string; drawnRows: number[] } | null
}

/** A meeting session (会场模式) as its organiser reads it; `path` is its channel's ballot link. */
export interface SessionView {
  id: string
  name: string
  groupId: string | null
  groupName: string | null
  opensAt: string
  closesAt: string
  endedAt: string | null
  status: SessionStatus
  path: string
}

/**
 * The big screen: participation only (evaluators per category against those expected, slips
 * spent, never who) and, once the session has ended and the round's visibility lets the room see
 * figures, its targets' results as the report shows them (releases, k-suppression).
 */
export interface SessionBoard {
  session: SessionView
  roundTitle: string
  ballots: number
  categories: { id: string; name: string; submitted: number; expected: number | null }[]
  /** Roster codes of the session's units spent; `withheld` cells of fewer than k codes are left out, as in codeCounts. */
  slips: { issued: number; spent: number; withheld: number }
  results: { targetId: string; name: string; counted: number; satisfaction: number | null; badges: string[]; notices: string[] }[] | null
  /** Chinese: why no results are shown, when none are. */
  resultsNotice: string | null
}

export interface Participation extends CoreParticipation {
  /** Distinct group chats that sent ballots. */
  groupChats: number
  /**
   * Distinct people who cast at least one ballot (`ballots` counts one per target per voter).
   * Counted round-wide only, so null in a view of part of the round's targets.
   */
  voters: number | null
}

export interface InvitationCode {
  code: string
  name: string | null
  unitId: string
  usesLeft: number
}

/** A person read from a file for the wizard (姓名, 单位, 职务); not yet a target. */
export interface PersonRow {
  name: string
  unitId: string
  position?: string
}

export interface AuditEntry {
  at: string
  actorName: string
  action: string
  subject: string
  /** Where the change belongs, by name (全部单位 for the whole tree's). */
  unitName: string
  /** The round the entry is about, by title; null when it is about no round. */
  roundTitle: string | null
  /** The entry as one Chinese sentence: time, who, what, with names instead of ids. */
  sentence: string
  before: unknown
  after: unknown
}

export const AuditFilter = z
  .object({ unitId: Id.optional(), roundId: Id.optional(), actorName: Text(40).min(1).optional(), action: Id.optional() })
  .strict()
export type AuditFilter = z.infer<typeof AuditFilter>

/** Someone holding a role in one's subtree; `invitedBy` is the inviter's name (null: claimed with the setup code). */
export interface RoleHolder {
  id: string
  role: RoleName
  unitId: string | null
  unitName: string
  name: string
  invitedBy: string | null
  at: string
  /** Whether the caller may take this role back: decided by the rule revokeRole applies. */
  revocable: boolean
}

/**
 * A round's roster codes per unit × category, by count only: who used a code is never shown.
 * `issued`, `used`, `void`: persons' codes (a reissue is a new one); `used` is null when withheld
 * (fewer persons' codes in the cell than the round's k). `shared…`: uses of shared codes, no person's.
 */
export interface CodeCount {
  unitId: string
  unitName: string
  categoryId: string
  categoryName: string
  issued: number
  used: number | null
  void: number
  sharedUsed: number
  sharedLeft: number
}

/** A code not voided, as listed: a person's never says whether it was used (`usesLeft` null); a shared one (name null) its uses left. */
export interface ListedCode {
  code: string
  name: string | null
  unitId: string
  categoryId: string
  usesLeft: number | null
}

/** A fired rule of one target, as the supervisors and the office above handle it (认定确认). */
export interface VerdictItem {
  targetId: string
  targetName: string
  unitName: string
  ruleId: string
  ruleName: string
  /** 返工补课, 限期整改 … */
  effects: string[]
  explanation: string
  standing: VerdictStanding
  /** The steps read: what a step names, so that one taken meanwhile by someone else is not overtaken unseen. */
  seen: number
  /** What the caller may do now (the core's own rules decide). */
  may: VerdictAction[]
}

export interface RoundVerdicts {
  roundId: string
  title: string
  /** Who confirms, in Chinese (督导组确认后报上级批准 …). */
  chain: string
  /** False until the round is closed and its results stored: only final figures are confirmed. */
  final: boolean
  notice: string | null
  verdicts: VerdictItem[]
  /** 发起返工补课评议: the targets whose 返工补课 is 已认定, and the redo round once started. */
  redo: { targetIds: string[]; roundId: string | null; mayStart: boolean }
  /** When this round is itself a redo: the round it redoes. */
  redoOf: { roundId: string; title: string } | null
  /**
   * 活动延期 (004): targets whose extend-round verdict is 已认定, the end of their extended window, and the
   * extension round made for each at the confirmation (null while none exists, e.g. a window already over).
   */
  extensions: { targetId: string; targetName: string; until: string; roundId: string | null }[]
  /** When this round is itself an extension: the round it extends. */
  extensionOf: { roundId: string; title: string } | null
}

export const organizeApi = {
  ...paperApi,
  /** Claims the admin role with the one-time setup code printed at first start. */
  claimSetup: action<{ role: 'admin' }>()(z.object({ setupCode: Text(64).min(1), displayName: Text(40).min(1) }).strict()),
  /**
   * `ownerUnitIds`: the units offered as a new round's owner (where one manages; the top units for an admin at the root).
   * `grantable`: per unit, the roles the caller may invite someone to there.
   */
  myUnits: action<{
    units: UnitView[]
    roles: { role: RoleName; unitId: string | null; unitName: string }[]
    ownerUnitIds: string[]
    grantable: { unitId: string; roles: RoleName[] }[]
  }>()(z.object({}).strict()),
  createUnit: action<UnitView>()(z.object({ id: Id.optional(), name: Text(100).min(1), parentId: Id.nullable(), kind: OrgUnitKind }).strict()),
  /** A code a person redeems to receive a role in a unit's subtree (WeChat gives us no names). */
  inviteRole: action<InvitationCode>()(z.object({ role: RoleName, unitId: Id, maxUses: z.number().int().min(1).max(100).default(1) }).strict()),
  /** What a typed code is (a place on a roster, a role, the setup code), spending nothing: the one code box asks before redeeming. */
  codeKind: action<{ kind: 'roster' | 'role' | 'setup' }>()(z.object({ code: Text(64).min(4) }).strict()),
  redeemRole: action<{ role: RoleName; unitId: string }>()(z.object({ code: CodeInput, displayName: Text(40).min(1) }).strict()),

  /** The built-in templates of the five procedures (and the plain one), as data to draft a round from. */
  listTemplates: action<{ templates: BuiltinTemplate[] }>()(z.object({}).strict()),
  listRounds: action<{ rounds: RoundListItem[] }>()(z.object({}).strict()),
  getRound: action<RoundDetail>()(z.object(roundRef).strict()),
  createRound: action<{ roundId: string }>()(NewRound),
  copyRound: action<{ roundId: string }>()(z.object({ ...roundRef, title: Text(200).min(1), window: z.object({ opensAt: IsoDateTime, closesAt: IsoDateTime }).strict() }).strict()),
  updateRound: action<RoundDetail>()(z.object({ ...roundRef, patch: RoundPatch }).strict()),
  /** Opens the round unless something blocks it; the blockers come back explained in Chinese. */
  openRound: action<{ state: RoundState; blockers: Blocker[] }>()(z.object(roundRef).strict()),
  closeRound: action<{ state: RoundState }>()(z.object(roundRef).strict()),
  publishRound: action<{ state: RoundState }>()(z.object(roundRef).strict()),
  archiveRound: action<{ state: RoundState }>()(z.object(roundRef).strict()),

  /** Named evaluators of a roster category: one single-use code each. Phones are kept only as keyed hashes. */
  addRoster: action<{ codes: InvitationCode[] }>()(
    z.object({ ...roundRef, categoryId: Id, entries: z.array(z.object({ name: Text(40).min(1), unitId: Id, phone: Text(20).optional() }).strict()).min(1).max(2000) }).strict(),
  ),
  /**
   * A CSV (UTF-8 or GBK) or xlsx file (columns 姓名, 单位, 类别, 手机 optional), base64 encoded. `codes`: persons
   * added; `updated`: persons already on the roster moved to another category (same code); a person already
   * there (same name, unit and phone) is skipped, so importing one file twice changes nothing.
   */
  importRoster: action<{ codes: InvitationCode[]; updated: InvitationCode[]; skipped: { row: number; reason: string }[] }>()(
    z.object({ ...roundRef, fileName: Text(200).min(1), base64: z.string().max(4_000_000) }).strict(),
  ),
  /** Persons to rate from a CSV or xlsx file (columns 姓名, 单位, 职务 optional), units of the owner's subtree by name or id. */
  readPersons: action<{ persons: PersonRow[]; skipped: { row: number; reason: string }[] }>()(
    z.object({ ownerUnitId: Id, fileName: Text(200).min(1), base64: z.string().max(4_000_000) }).strict(),
  ),
  /** One code shared by several evaluators of a unit, up to a use limit. */
  sharedCode: action<InvitationCode>()(z.object({ ...roundRef, categoryId: Id, unitId: Id, maxUses: z.number().int().min(1).max(1000) }).strict()),
  listCodes: action<{ codes: ListedCode[] }>()(z.object(roundRef).strict()),
  /** A printable xlsx of a unit's codes, as a temporary download URL. */
  codeSheet: action<{ url: string }>()(z.object({ ...roundRef, unitId: Id }).strict()),
  /** 打印邀请码: a PDF of cut-out slips, one per person's code not voided and per shared code with uses left (of one unit, or all). */
  codeSlips: action<{ url: string; slips: number }>()(z.object({ ...roundRef, unitId: Id.optional() }).strict()),
  rosterReview: action<RosterReview>()(z.object(roundRef).strict()),
  /** 空白评价表 (PDF): one blank paper form per target, of one group or of the whole round. */
  blankForms: action<{ url: string; forms: number }>()(z.object({ ...roundRef, groupId: Id.optional() }).strict()),
  commitSample: action<{ commitment: string }>()(z.object({ ...roundRef, unitId: Id, categoryId: Id }).strict()),
  drawSample: action<SampleView & { codes: InvitationCode[] }>()(z.object({ ...roundRef, unitId: Id, categoryId: Id, size: z.number().int().min(1).max(100_000), fileName: Text(200).min(1), base64: z.string().max(4_000_000) }).strict()),
  listSamples: action<{ samples: SampleView[] }>()(z.object(roundRef).strict()),
  reviewRoster: action<RosterReview>()(z.object({ ...roundRef, revision: z.number().int().nonnegative(), approve: z.boolean(), reason: Text(500).optional() }).strict()),

  addChannel: action<{ channel: { id: string; name: string }; path: string }>()(z.object({ ...roundRef, name: Text(60).min(1) }).strict()),
  /** A QR poster (wxacode.getUnlimited) whose short scene maps to the round and channel. */
  sharePoster: action<{ url: string; scene: string; path: string }>()(z.object({ ...roundRef, channelId: Id }).strict()),
  participation: action<Participation>()(z.object(roundRef).strict()),
  /** 会场模式: a session of one group (or the whole round) with its own channel and window inside the round's; the round must be open. */
  openSession: action<SessionView>()(z.object({ ...roundRef, name: Text(60).min(1), groupId: Id.nullable(), opensAt: IsoDateTime, closesAt: IsoDateTime }).strict()),
  /** 结束测评: no ballot through the session is taken from now on. Ending an ended session changes nothing. */
  endSession: action<SessionView>()(z.object({ ...roundRef, sessionId: Id }).strict()),
  listSessions: action<{ sessions: SessionView[] }>()(z.object(roundRef).strict()),
  sessionBoard: action<SessionBoard>()(z.object({ ...roundRef, sessionId: Id }).strict()),
  /** The households a round open to all is measured against (null clears it); while the round is a draft or open. */
  setHouseholds: action<Participation>()(z.object({ ...roundRef, households: Households.nullable() }).strict()),

  /** The unit contact writes the unit's self-report; an organiser approves it before residents see it. */
  writeReport: action<{ approved: boolean }>()(z.object({ ...roundRef, targetId: Id, text: Text(20000).min(1) }).strict()),
  /** Approves the report as the organiser read it (`revision` from getRound); refused with REPORT_CHANGED if rewritten since. */
  approveReport: action<{ approved: boolean }>()(z.object({ ...roundRef, targetId: Id, revision: z.number().int().nonnegative() }).strict()),
  /** The reports a contact (or organiser) may write in a round, with their text and whether approved. */
  myReports: action<{ title: string; writable: boolean; reports: { targetId: string; name: string; text: string; approved: boolean }[] }>()(z.object(roundRef).strict()),

  /** The fired rules of a closed round's targets the caller sees, with their standing and what the caller may do. */
  roundVerdicts: action<RoundVerdicts>()(z.object(roundRef).strict()),
  /** 确认 / 不予认定 (supervisors), 批准 / 退回 (the office above); a reason for the last of each. Answers the round's verdicts as they now stand. */
  stepVerdict: action<RoundVerdicts>()(
    z.object({ ...roundRef, targetId: Id, ruleId: Id, action: VerdictAction, seen: z.number().int().min(0).max(1000), reason: Text(500).optional() }).strict(),
  ),
  /** 发起返工补课评议: a draft copy of the round for its targets whose 返工补课 is 已认定, linked to it; once per round. */
  startRedoRound: action<{ roundId: string }>()(z.object({ ...roundRef, title: Text(200).min(1), window: z.object({ opensAt: IsoDateTime, closesAt: IsoDateTime }).strict() }).strict()),

  /** Newest first; `actors`: the names one may filter by (everyone in the caller's part of the log). */
  auditLog: action<{ entries: AuditEntry[]; actors: string[] }>()(AuditFilter),
  /** The filtered log as an xlsx sheet, as a temporary download URL. */
  auditSheet: action<{ url: string }>()(AuditFilter),

  /** Role holders of the caller's subtree (admins and organisers). The env-named admins are not stored roles and are not listed. */
  listRoleHolders: action<{ holders: RoleHolder[] }>()(z.object({}).strict()),
  /** Takes a role back: only one the caller could have granted, never the last whole-tree admin. */
  revokeRole: action<{ revoked: true }>()(z.object({ holderId: z.string().regex(/^[0-9a-f]{64}$/, { message: '角色编号不正确' }) }).strict()),
  /**
   * A roster code becomes unusable from now on; uses already spent stay spent. `voided`: 1 for a
   * person's code, used or not (the answer never tells); a shared code's uses left.
   */
  voidCode: action<{ voided: number }>()(z.object({ ...roundRef, code: Text(16).min(4) }).strict()),
  /** Voids a code and issues a new one for the same person (or shared place), shown once, here. */
  reissueCode: action<InvitationCode>()(z.object({ ...roundRef, code: Text(16).min(4) }).strict()),
  /** How many roster codes are issued, used and voided per unit × category; `k`: below it a cell's use is withheld. */
  codeCounts: action<{ counts: CodeCount[]; k: number }>()(z.object(roundRef).strict()),

  /** 整改台账 (issue 19). */
  ...ledgerApi,
}
