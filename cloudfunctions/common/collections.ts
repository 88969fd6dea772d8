/** @module Every collection the functions use, created on first start of an instance. */
export const COLLECTIONS = ['units', 'roles', 'invitations', 'setup', 'rounds', 'scenes', 'enrolments', 'receipts', 'ballots', 'counters', 'limits', 'signals', 'opinionChecks', 'audit', 'results', 'rosterReviews', 'samples'] as const
export type CollectionName = (typeof COLLECTIONS)[number]
