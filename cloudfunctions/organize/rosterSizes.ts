/** @module A round's roster codes: all of them, the live ones as lists and prints show them, and how many evaluators each category has. */
import { ownEntry } from '../../src/core'
import { database } from '../common/cloudbase'
import type { RosterInvitation } from '../common/invitations'
import type { RoundDoc } from '../common/rounds'

export async function rosterInvitations(roundId: string): Promise<RosterInvitation[]> {
  const all: RosterInvitation[] = []
  for (let offset = 0; ; offset += 1000) {
    const { data } = await database().collection('invitations').where({ kind: 'roster', roundId }).skip(offset).limit(1000).get()
    all.push(...(data as RosterInvitation[]))
    if (data.length < 1000) return all
  }
}

/**
 * The codes not voided, in the order an office hands them out: by unit, then category, a unit's
 * people by name and its shared codes after them. Never ordered or filtered by use: a list that
 * shrank or reordered as people voted would say who did.
 */
export async function liveCodes(doc: RoundDoc): Promise<RosterInvitation[]> {
  const unit = (c: RosterInvitation) => ownEntry(doc.unitNames, c.unitId) ?? c.unitId
  const category = (c: RosterInvitation) => doc.round.categories.findIndex((k) => k.id === c.categoryId)
  return (await rosterInvitations(doc._id))
    .filter((c) => c.voided === undefined)
    .sort((a, b) => unit(a).localeCompare(unit(b), 'zh') || category(a) - category(b) || Number(a.name === null) - Number(b.name === null) || (a.name ?? '').localeCompare(b.name ?? '', 'zh'))
}

/**
 * Evaluators per category: a person per code not voided (a reissue replaces a code, it adds no one),
 * a shared code's uses less those a void took. A person's code counts the same used or not.
 */
export async function rosterSizes(roundId: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {}
  for (const c of await rosterInvitations(roundId)) {
    const places = c.name === null ? c.maxUses - (c.voided ?? 0) : Number(c.voided === undefined)
    sizes[c.categoryId] = (sizes[c.categoryId] ?? 0) + places
  }
  return sizes
}
