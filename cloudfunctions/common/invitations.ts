/**
 * @module Invitation codes: a role in a unit, or a place on a round's roster (category + unit).
 * The code is the document's `_id`, so it is unique; uses are spent inside the same transaction
 * that grants what the code stands for.
 */
import { randomInt } from 'node:crypto'
import { z } from 'zod'
import type { InvitationCode } from '../../src/api/organize'
import { database } from './cloudbase'
import { type Transaction, isDuplicate } from './transaction'

/** No 0/O, 1/I/L: codes are read aloud and typed by elderly residents. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const CODE_LENGTH = 8

export const Invitation = z.discriminatedUnion('kind', [
  z.object({ _id: z.string(), kind: z.literal('role'), role: z.enum(['admin', 'organizer', 'leader', 'contact']), unitId: z.string(), usesLeft: z.number().int(), createdBy: z.string() }),
  z.object({
    _id: z.string(),
    kind: z.literal('roster'),
    roundId: z.string(),
    categoryId: z.string(),
    unitId: z.string(),
    name: z.string().nullable(),
    phoneHash: z.string().nullable(),
    maxUses: z.number().int(),
    usesLeft: z.number().int(),
    createdBy: z.string(),
    /** Present once voided: the uses the code lost (0 for a person's code that was already used). */
    voided: z.number().int().optional(),
  }),
])
export type Invitation = z.infer<typeof Invitation>
export type RosterInvitation = Extract<Invitation, { kind: 'roster' }>
type NewInvitation = Invitation extends infer I ? (I extends Invitation ? Omit<I, '_id'> : never) : never

const newCode = () => Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')

export const normaliseCode = (code: string) => code.trim().toUpperCase().replace(/[\s-]/g, '')

export async function issueCode(invitation: NewInvitation): Promise<InvitationCode> {
  for (;;) {
    const code = newCode()
    try {
      await database().collection('invitations').add({ _id: code, ...invitation })
      return { code, name: invitation.kind === 'roster' ? invitation.name : null, unitId: invitation.unitId, usesLeft: invitation.usesLeft }
    } catch (e) {
      if (!isDuplicate(e)) throw e
    }
  }
}

/**
 * Reads a code of the `kind` the caller redeems inside a transaction and spends one use; undefined,
 * spending nothing, when unknown, used up, or of the other kind (a roster code offered as a role
 * invitation, or the reverse). Whatever the caller refuses after this must abort the transaction.
 */
export async function spendCode<K extends Invitation['kind']>(tx: Transaction, code: string, kind: K): Promise<Extract<Invitation, { kind: K }> | undefined> {
  const ref = tx.collection('invitations').doc(normaliseCode(code))
  const { data } = (await ref.get()) as { data: unknown }
  const parsed = Invitation.safeParse(data)
  if (!parsed.success || parsed.data.kind !== kind || parsed.data.usesLeft < 1) return undefined
  await ref.update({ usesLeft: parsed.data.usesLeft - 1 })
  return parsed.data as Extract<Invitation, { kind: K }>
}
