/** @module How many evaluators each roster category of a round has codes for. */
import { database } from '../common/cloudbase'
import type { Invitation } from '../common/invitations'

export async function rosterInvitations(roundId: string): Promise<Extract<Invitation, { kind: 'roster' }>[]> {
  const all: Extract<Invitation, { kind: 'roster' }>[] = []
  for (let offset = 0; ; offset += 1000) {
    const { data } = await database().collection('invitations').where({ kind: 'roster', roundId }).skip(offset).limit(1000).get()
    all.push(...(data as Extract<Invitation, { kind: 'roster' }>[]))
    if (data.length < 1000) return all
  }
}

export async function rosterSizes(roundId: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {}
  for (const inv of await rosterInvitations(roundId)) sizes[inv.categoryId] = (sizes[inv.categoryId] ?? 0) + inv.maxUses
  return sizes
}
