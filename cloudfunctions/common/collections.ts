/** @module Every collection the functions use, created on first start of an instance. */
export const COLLECTIONS = ['roles', 'rounds', 'enrolments', 'receipts', 'ballots', 'counters', 'limits', 'signals', 'audit'] as const
export type CollectionName = (typeof COLLECTIONS)[number]
