/** @module Turning domain refusals into answers the caller sees. */
import type { DomainError, Result } from '../../src/core'
import { Refusal } from './router'

export function refuse(error: DomainError): never {
  throw new Refusal(error)
}

/** The value of a domain result, or the refusal it carries. */
export function orRefuse<T>(result: Result<T>): T {
  if (!result.ok) refuse(result.error)
  return result.value
}
