/**
 * @module The keyed pseudonyms of a voter. Each use has its own purpose string, so a receipt, an
 * enrolment and a rate-limit record cannot be linked to each other or to an openid without the
 * server secret; ballots carry none of them.
 */
import { keyedHash } from '../common/keyed'

/** One per voter and round: names the enrolment and marks the voter's receipts. */
export const voterKey = (roundId: string, openid: string) => keyedHash('voter', roundId, openid)

/** One per voter, round and target: the key that cannot exist twice. */
export const receiptId = (roundId: string, targetId: string, openid: string) => keyedHash('receipt', roundId, targetId, openid)

export const receiptCode = (id: string) => id.slice(0, 10).toUpperCase()

export const rateKey = (openid: string) => keyedHash('rate', openid)

/** A group chat's counter key: stable within a round, meaningless without the secret. */
export const groupKey = (roundId: string, openGroupId: string) => keyedHash('group', roundId, openGroupId).slice(0, 16)
