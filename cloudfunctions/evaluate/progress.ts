/**
 * @module 整改进展 for residents: the items of the targets a resident rated (they hold a receipt),
 * or of every target of a round whose results are public once published. Problem, measures,
 * deadline and state; the closing note and photos once verified; owners by unit and role only.
 */
import type { Me } from '../../src/api/evaluate'
import type { LedgerItem } from '../../src/api/ledger'
import type { Round } from '../../src/core'
import { database } from '../common/cloudbase'
import { RoundDoc } from '../common/rounds'
import { loadUnits } from '../common/units'
import { authority } from '../common/roles'
import { allItems, myItems } from '../organize/ledger/read'
import { supervisorTodo } from '../organize/todo'
import type { HandlerContext } from '../common/router'
import type { RoleName } from '../../src/api/organize'
import { itemView } from '../organize/ledger/views'
import { receiptId } from './keys'

const publicRound = (round: Round) => round.visibility.audience === 'public' && (round.state === 'published' || round.state === 'archived')

async function holdsReceipt(roundId: string, targetId: string, openid: string): Promise<boolean> {
  const { data } = await database().collection('receipts').doc(receiptId(roundId, targetId, openid)).get()
  return data.length > 0
}

/** `roundId`: that round's items; without it, every item of a target the resident rated (the home's list). */
export async function residentProgress(openid: string, roundId: string | undefined, now: Date): Promise<{ items: LedgerItem[] }> {
  const docs = await allItems(roundId ? { roundId } : {})
  const rounds = new Map<string, Round>()
  for (const id of new Set(docs.map((d) => d.roundId))) {
    const { data } = await database().collection('rounds').doc(id).get()
    if (data[0]) rounds.set(id, RoundDoc.parse(data[0]).round)
  }
  const seen = new Map<string, boolean>()
  const shown = []
  for (const d of docs) {
    const key = `${d.roundId}/${d.targetId}`
    const round = rounds.get(d.roundId)
    if (!round || round.state === 'draft') continue
    if (!seen.has(key)) seen.set(key, (roundId !== undefined && publicRound(round)) || (await holdsReceipt(d.roundId, d.targetId, openid)))
    if (seen.get(key)) shown.push(d)
  }
  if (shown.length === 0) return { items: [] }
  const ctx = { units: await loadUnits(), rounds, now }
  const items = await Promise.all(shown.map((d) => itemView(d, ctx, { work: false, supervise: false, photoFolder: null }, 'public')))
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
  const [{ items }, todo, waiting] = await Promise.all([
    residentProgress(openid, undefined, now),
    auth && has('contact') ? myItems(auth, openid, now).then((mine) => mine.todo) : Promise.resolve(0),
    auth && has('organizer', 'admin', 'leader') ? supervisorTodo(auth, ctx) : Promise.resolve({ review: 0, verdicts: [] }),
  ])
  if (items.length === 0 && todo === 0 && waiting.review === 0 && waiting.verdicts.length === 0) return null
  return { items: items.length, closed: items.filter((i) => i.publicState === '已销号').length, todo, ...waiting }
}
