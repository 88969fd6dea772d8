/** @module Paths of the organizer subpackage's pages and the H5 share link of a round. */
import { roundPath } from '../../services/links'

const ROOT = '/organizer/pages'

export const organizerPaths = {
  workbench: `${ROOT}/workbench/index`,
  create: `${ROOT}/create/index`,
  invite: `${ROOT}/invite/index`,
  redeem: `${ROOT}/redeem/index`,
  round: (roundId: string) => `${ROOT}/round/index?roundId=${encodeURIComponent(roundId)}`,
  audit: (roundId?: string) => `${ROOT}/audit/index${roundId ? `?roundId=${encodeURIComponent(roundId)}` : ''}`,
}

/** The link a grid pastes into its chat: the resident's round page with the channel, on this H5 origin. */
export function h5ShareUrl(roundId: string, channel: string): string {
  const origin = typeof location === 'undefined' ? '' : location.origin
  return `${origin}/#/${roundPath(roundId, channel)}`
}
