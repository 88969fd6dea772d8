/** @module Errors the embedded CloudBase answers with, using the codes (and messages) the real service and SDK use. */

export class CloudBaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const duplicateWrite = (coll: string, id: string) =>
  new CloudBaseError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: ${id} }`)

/** Production's exact message: code that reports or matches on it sees the same text locally. */
export const transactionConflict = () =>
  new CloudBaseError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
  )

/** Committed, aborted, expired or never started: production answers all four alike. */
export const transactionNotExist = () =>
  new CloudBaseError(
    'DATABASE_TRANSACTION_FAIL',
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  )

export const collectionNotExist = (coll: string) =>
  new CloudBaseError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${coll}`)

export const collectionExists = (coll: string) =>
  new CloudBaseError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${coll}`)

export const invalidParam = (message: string) => new CloudBaseError('INVALID_PARAM', message)

/** What MongoDB itself refuses (a `$` field name, a changed `_id`) reaches the SDK under this code. */
export const requestFailed = (message: string) => new CloudBaseError('DATABASE_REQUEST_FAILED', message)

/**
 * A database feature production offers and the embedded server does not: one stable code whose
 * message names the feature, so a test or a local run fails loudly instead of answering wrongly.
 */
export const featureNotSupported = (feature: string) =>
  new CloudBaseError('FEATURE_NOT_SUPPORTED', `本地模拟的云开发数据库不支持 ${feature}，请在正式云开发环境中使用。The embedded CloudBase does not offer ${feature}.`)
