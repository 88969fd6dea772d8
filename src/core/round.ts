/** @module round — an evaluation round: window, targets, groups, ballot, categories, rules. */
import { z } from 'zod'
import { BallotTemplate } from './ballotTemplate'
import { EvaluatorCategory } from './category'
import { Id, IsoDateTime, Label, distinct } from './ids'
import { Group, Target } from './org'
import { Rule } from './rule'
import { Sampling } from './sampling'
import { Confirmation, DEFAULT_CONFIRMATION } from './verdictChain'

export const RoundState = z.enum(['draft', 'open', 'closed', 'published', 'archived'])
export type RoundState = z.infer<typeof RoundState>

/**
 * pooled: every ballot counts alike. weighted: each part pools its categories, then
 * the parts' rates are combined by weight (e.g. 内部评议 40 / 社会评议 60).
 */
const aggregationWith = (weight: z.ZodNumber) => z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('pooled') }).strict(),
  z
    .object({
      mode: z.literal('weighted'),
      parts: z.array(z.object({ id: Id, name: Label, categoryIds: z.array(Id).min(1), weight }).strict()).min(1),
    })
    .strict(),
])
export const Aggregation = aggregationWith(z.number().int().positive())
/** As an organiser sends it: a weight of 0 passes the door so that `checkAggregation` names the part in words. */
export const AggregationInput = aggregationWith(z.number().int().nonnegative())
export type Aggregation = z.infer<typeof Aggregation>

export const Visibility = z
  .object({
    /** Who sees published results: organisers only, the unit and its evaluators (000), or everyone. */
    audience: z.enum(['organizers', 'unit-and-evaluators', 'public']),
    /** Leaders may watch provisional figures while the round is open. */
    liveDashboard: z.boolean(),
  })
  .strict()
export type Visibility = z.infer<typeof Visibility>

/**
 * What the procedure has the supervisors (督导组, organisers of the unit above the owner) approve
 * before voting (000: 人员名单…报督导组审定; reports 经督导组审核把关后，启动本组群众评价工作).
 * Declared by the template and not patchable, so the owner unit cannot waive its own review.
 */
export const Approvals = z.object({ roster: z.boolean(), reports: z.boolean() }).strict()
export type Approvals = z.infer<typeof Approvals>
const NO_APPROVALS: Approvals = { roster: false, reports: false }

/**
 * Where ballots came in: a share link or poster (`share`, the default), a meeting session, or the
 * round's paper ballots entered twice by organisers (`paper`, at most one per round). Only a share
 * channel can be named by a link, so no online ballot is ever counted as paper.
 */
export const ChannelKind = z.enum(['share', 'meeting', 'paper'])
export type ChannelKind = z.infer<typeof ChannelKind>
export const Channel = z.object({ id: Id, name: Label, kind: ChannelKind.optional() }).strict()
export const channelKind = (c: { kind?: ChannelKind }): ChannelKind => c.kind ?? 'share'

/** Households a community counts (入户数); a million covers the largest street. */
export const Households = z.number().int().min(1).max(1_000_000)
export type Channel = z.infer<typeof Channel>

export const Round = z
  .object({
    id: Id,
    title: Label,
    /** The built-in template the round was drafted from, or 'custom'. */
    procedure: Id,
    state: RoundState,
    window: z.object({ opensAt: IsoDateTime, closesAt: IsoDateTime }).strict(),
    targets: z.array(Target),
    groups: z.array(Group),
    template: BallotTemplate,
    categories: z.array(EvaluatorCategory),
    rules: z.array(Rule),
    aggregation: Aggregation,
    /** Ballots a target needs before its result counts (002: 30); 0 = no minimum. */
    minSample: z.number().int().nonnegative(),
    /** A breakdown resting on fewer ballots than this is withheld (anonymity). */
    kSuppression: z.number().int().positive().default(5),
    visibility: Visibility,
    /** Where the link was shared (a grid's group chat…), counted per ballot. */
    channels: z.array(Channel),
    /**
     * The households the organiser counts for a round open to all residents, where no roster says
     * how many should take part (see `takesHouseholds`). Absent until entered.
     */
    households: Households.optional(),
    approvals: Approvals.default(NO_APPROVALS),
    /** Where the procedure draws its evaluators at random (002); absent: rosters are entered as they are. Not patchable. */
    sampling: Sampling.optional(),
    /** Who must confirm a fired rule before it carries consequences (`verdictChain`). Not patchable. */
    confirmation: Confirmation.default(DEFAULT_CONFIRMATION),
  })
  .strict()
  .refine((r) => (['targets', 'groups', 'categories', 'rules', 'channels'] as const).every((key) => distinct(r[key].map((x) => x.id))), {
    message: '同一轮评议中的编号不能重复',
  })
export type Round = z.infer<typeof Round>
export type RoundInput = z.input<typeof Round>
