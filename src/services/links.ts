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
