/** @module Errors the embedded CloudBase answers with, using the codes the real service and SDK use. */

export class CloudBaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const duplicateWrite = (coll: string, id: string) =>
  new CloudBaseError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${id}" }`)

export const transactionConflict = (what: string) =>
  new CloudBaseError('DATABASE_TRANSACTION_CONFLICT', `Transaction conflict: ${what} was written by another transaction`)

export const collectionNotExist = (coll: string) =>
  new CloudBaseError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${coll}`)

export const collectionExists = (coll: string) =>
  new CloudBaseError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${coll}`)

export const invalidParam = (message: string) => new CloudBaseError('INVALID_PARAM', message)
