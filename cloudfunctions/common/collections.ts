/**
 * @module Every collection the functions use, declared once: its name, the indexes its queries
 * need and who may touch it. The functions create missing ones on an instance's first start; the
 * deploy (scripts/deploy/) creates them, their indexes and their security rules from this list.
 */

/** One index: fields in order with their direction; `_id` needs none (it is always indexed). */
export interface IndexDeclaration {
  name: string
  keys: readonly (readonly [field: string, direction: 1 | -1])[]
}

/**
 * Who may touch a collection. Only the cloud functions (CloudBase's ADMINONLY): no mini-program
 * client reads or writes the database directly, so a client can neither see a ballot nor forge
 * one. The type admits nothing else on purpose.
 */
export type CollectionAccess = 'functions-only'

export interface CollectionDeclaration {
  name: string
  indexes: readonly IndexDeclaration[]
  access: CollectionAccess
}

const index = (...keys: (readonly [string, 1 | -1])[]): IndexDeclaration => ({ name: keys.map(([field, dir]) => `${field.replaceAll('.', '_')}_${dir}`).join('_'), keys })
const declare = (name: string, ...indexes: IndexDeclaration[]) => ({ name, indexes, access: 'functions-only' }) as const satisfies CollectionDeclaration

/** Indexes follow the `where` of every query that is not by `_id` (see the functions' sources). */
export const COLLECTION_DECLARATIONS = [
  declare('units'),
  declare('unitNames'),
  declare('roles', index(['openid', 1])),
  declare('invitations', index(['roundId', 1], ['kind', 1])),
  declare('setup'),
  declare('rounds', index(['round.state', 1])),
  declare('scenes'),
  declare('enrolments'),
  declare('receipts', index(['roundId', 1], ['voter', 1])),
  declare('ballots', index(['roundId', 1], ['targetId', 1])),
  declare('counters', index(['roundId', 1])),
  declare('limits'),
  declare('signals', index(['roundId', 1], ['kind', 1])),
  declare('opinionChecks'),
  declare('audit', index(['at', -1])),
  declare('results', index(['roundId', 1], ['basis', 1])),
  declare('rosterReviews'),
  declare('samples', index(['roundId', 1])),
  declare('verdictSteps', index(['roundId', 1])),
  declare('paperBallots', index(['roundId', 1])),
  declare('sessions', index(['roundId', 1])),
  declare('rectifications', index(['roundId', 1]), index(['ownerHolderId', 1])),
  declare('subscriptions'),
] as const

export type CollectionName = (typeof COLLECTION_DECLARATIONS)[number]['name']
export const COLLECTIONS: readonly CollectionName[] = COLLECTION_DECLARATIONS.map((c) => c.name)
