/** @module Paths of the resident's pages, as share cards and navigation carry them. */

function query(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
}

/** The round page; `channel` attributes the visit to the grid or organizer who shared it. */
export function roundPath(roundId: string, channel?: string): string {
  return `pages/round/index?${query({ roundId, channel })}`
}

/** The ballot for the chosen targets, comma-separated (ids never hold a comma). */
export function ballotPath(roundId: string, targetIds: string[], channel?: string): string {
  return `pages/ballot/index?${query({ roundId, channel, targets: targetIds.join(',') })}`
}

/** The leaders' dashboard: the caller's area, or the unit drilled into; a round; a target. */
export const dashboardPaths = {
  area: (unitId?: string) => `/dashboard/pages/area/index${unitId ? `?${query({ unitId })}` : ''}`,
  round: (roundId: string) => `/dashboard/pages/round/index?${query({ roundId })}`,
  target: (roundId: string, targetId: string) => `/dashboard/pages/target/index?${query({ roundId, targetId })}`,
  verdicts: (roundId: string) => `/dashboard/pages/verdicts/index?${query({ roundId })}`,
}

/** A published round's 评议结果 for residents. */
export function outcomePath(roundId: string): string {
  return `/outcome/pages/round/index?${query({ roundId })}`
}

/** 我评议过的单位整改进展 (outcome subpackage), opened from home. */
export const progressPath = '/outcome/pages/progress/index'
