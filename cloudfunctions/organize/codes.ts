/**
 * @module What a typed code is, without spending it: the one 输入邀请码 box asks this first, then
 * redeems through the code's own action (a roster code needs nothing more; a role or the setup
 * code needs the holder's name). A role code that would be refused is answered as invalid here, so
 * the page never sends it to an action that might spend it.
 */
import { domainError } from '../../src/core'
import { database } from '../common/cloudbase'
import { Invitation, normaliseCode } from '../common/invitations'
import { refuse } from '../common/refuse'
import { isSetupCode } from '../common/setupCode'

export type CodeKind = 'roster' | 'role' | 'setup'

export async function codeKind(code: string): Promise<{ kind: CodeKind }> {
  if (isSetupCode(code)) return { kind: 'setup' }
  const { data } = await database().collection('invitations').doc(normaliseCode(code)).get()
  const invitation = Invitation.safeParse(data[0])
  if (!invitation.success) return refuse(domainError('CODE_INVALID'))
  // A live roster code is named as such used or not: the organiser holds every slip, and a free
  // "used?" here would tell them who voted. Redeeming a used one is refused without spending.
  // A voided one is refused: voiding was the organiser's own act and says nothing of use.
  const dead = invitation.data.kind === 'roster' ? invitation.data.voided !== undefined : invitation.data.usesLeft < 1
  if (dead) return refuse(domainError('CODE_INVALID'))
  return { kind: invitation.data.kind }
}
