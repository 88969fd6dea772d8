/** @module Limits of the contract that pages need as values; free of zod, so the resident's main package stays small. */

/** Ballots one submit may carry; a longer list (a branch of 80 党员) is sent in parts. */
export const MAX_BALLOTS_PER_SUBMIT = 50
