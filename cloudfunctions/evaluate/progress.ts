/**
 * @module 整改进展 for residents: the items of the targets a resident rated (they hold a receipt),
 * or of every target of a round whose results are public once published. Problem, measures,
 * deadline and state; the closing note and photos once verified; owners by unit and role only.
 */
import type { Me } from '../../src/api/evaluate'
import type { LedgerItem } from '../../src/api/ledger'
import { publicState, type Round } from '../../src/core'
import { database } from '../common/cloudbase'
import { RoundDoc } from '../common/rounds'
import { loadUnits } from '../common/units'
import { authority } from '../common/roles'
import { type ItemDoc, itemOf } from '../organize/ledger/items'
import { allItems, myItems } from '../organize/ledger/read'
import { supervisorTodo } from '../organize/todo'
import type { HandlerContext } from '../common/router'
import type { RoleName } from '../../src/api/organize'
import { itemView } from '../organize/ledger/views'
import { existingReceipt } from './cast'

const publicRound = (round: Round) => round.visibility.audience === 'public' && (round.state === 'published' || round.state === 'archived')

/** The stored items a resident may follow, with their rounds: `roundId`'s, or every item of a target they rated. */
async function followedItems(openid: string, roundId: string | undefined) {
  const docs = await allItems(roundId ? { roundId } : {})
  const rounds = new Map<string, Round>()
  await Promise.all([...new Set(docs.map((d) => d.roundId))].map(async (id) => {
    const { data } = await database().collection('rounds').doc(id).get()
    if (data[0]) rounds.set(id, RoundDoc.parse(data[0]).round)
  }))
  const open = (d: ItemDoc) => rounds.has(d.roundId) && rounds.get(d.roundId)!.state !== 'draft'
  const keys = [...new Set(docs.filter(open).map((d) => `${d.roundId}/${d.targetId}`))]
  const rated = new Set<string>()
  await Promise.all(keys.map(async (key) => {
    const [id, targetId] = key.split('/') as [string, string]
    if ((roundId !== undefined && publicRound(rounds.get(id)!)) || (await existingReceipt(id, targetId, openid)) !== null) rated.add(key)
  }))
  return { docs: docs.filter((d) => open(d) && rated.has(`${d.roundId}/${d.targetId}`)), rounds }
}

/** `roundId`: that round's items; without it, every item of a target the resident rated (the home's list). */
export async function residentProgress(openid: string, roundId: string | undefined, now: Date): Promise<{ items: LedgerItem[] }> {
  const { docs, rounds } = await followedItems(openid, roundId)
  if (docs.length === 0) return { items: [] }
  const ctx = { units: await loadUnits(), rounds, now }
  const items = await Promise.all(docs.map((d) => itemView(d, ctx, { work: false, supervise: false, photoFolder: null }, 'public')))
  return { items: items.sort((a, b) => b.registeredAt.localeCompare(a.registeredAt)) }
}

/**
 * What home shows of the ledger: the rated targets' items, a contact's items left unreminded, and what
 * waits for a supervisor (their 销号 reviews and verdict steps) — together the to-do badge.
 */
export async function rectificationAtHome(ctx: HandlerContext, roles: readonly { role: RoleName }[]): Promise<Me['rectification']> {
  const { caller: { openid }, now } = ctx
  const has = (...names: RoleName[]) => roles.some((r) => names.includes(r.role))
  const auth = has('contact', 'organizer', 'admin', 'leader') ? await authority(openid) : null
  // Home counts the items; their views (names, photo links) are built only on the 整改进展 page.
  const [{ docs }, todo, waiting] = await Promise.all([
    followedItems(openid, undefined),
    auth && has('contact') ? myItems(auth, openid, now).then((mine) => mine.todo) : Promise.resolve(0),
    auth && has('organizer', 'admin', 'leader') ? supervisorTodo(auth, ctx) : Promise.resolve({ review: 0, verdicts: [] }),
  ])
  if (docs.length === 0 && todo === 0 && waiting.review === 0 && waiting.verdicts.length === 0) return null
  return { items: docs.length, closed: docs.filter((d) => publicState(itemOf(d), now) === '已销号').length, todo, ...waiting }
}
