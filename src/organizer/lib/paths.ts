/** @module Paths of the organizer subpackage's pages and the H5 share link of a round. */
import { roundPath } from '../../services/links'

const ROOT = '/organizer/pages'

export const organizerPaths = {
  workbench: `${ROOT}/workbench/index`,
  create: `${ROOT}/create/index`,
  invite: `${ROOT}/invite/index`,
  redeem: `${ROOT}/redeem/index`,
  round: (roundId: string) => `${ROOT}/round/index?roundId=${encodeURIComponent(roundId)}`,
  units: `${ROOT}/units/index`,
  /** The unit contact's self-report page; a link the organiser copies per target. */
  report: (roundId?: string, targetId?: string) =>
    `${ROOT}/report/index${roundId ? `?roundId=${encodeURIComponent(roundId)}${targetId ? `&targetId=${encodeURIComponent(targetId)}` : ''}` : ''}`,
  people: `${ROOT}/people/index`,
  paper: (roundId: string) => `${ROOT}/paper/index?roundId=${encodeURIComponent(roundId)}`,
  codes: (roundId: string) => `${ROOT}/codes/index?roundId=${encodeURIComponent(roundId)}`,
  audit: (roundId?: string) => `${ROOT}/audit/index${roundId ? `?roundId=${encodeURIComponent(roundId)}` : ''}`,
}

/** The link a grid pastes into its chat: the resident's round page with the channel, on this H5 origin. */
export function h5ShareUrl(roundId: string, channel: string): string {
  const origin = typeof location === 'undefined' ? '' : location.origin
  return `${origin}/#/${roundPath(roundId, channel)}`
}

/** A page of this app as a link to paste: the H5 address on this origin, the page path in the mini-program. */
export function pageLink(path: string): string {
  if (process.env.TARO_ENV !== 'h5') return path
  const origin = typeof location === 'undefined' ? '' : location.origin
  return `${origin}/#${path}`
}

/** 会场大屏 of a meeting session: an H5 page only (see app.config.ts). */
export const meetingScreenPath = (roundId: string, sessionId: string) =>
  `/meeting/pages/screen/index?roundId=${encodeURIComponent(roundId)}&sessionId=${encodeURIComponent(sessionId)}`
