/** @module The households an organiser counts for a round open to all: stored with the round, so every organiser and leader reads one rate. */
import type { Participation } from '../../src/api/organize'
import { acceptsAction, domainError, takesHouseholds } from '../../src/core'
import { audit } from '../common/audit'
import { refuse } from '../common/refuse'
import { type Authority, authorize } from '../common/roles'
import type { HandlerContext } from '../common/router'
import { changeRound } from '../common/rounds'
import { MANAGE } from './access'
import { participation } from './sharing'

export async function setHouseholds(auth: Authority, roundId: string, households: number | null, { caller, now }: HandlerContext): Promise<Participation> {
  const { before } = await changeRound(roundId, (doc) => {
    authorize(auth, MANAGE, doc.ownerUnitId)
    if (!acceptsAction(doc.round.state, 'set-households')) refuse(domainError('HOUSEHOLDS_LOCKED'))
    if (!takesHouseholds(doc.round)) refuse(domainError('HOUSEHOLDS_NOT_TAKEN'))
    const { households: _, ...round } = doc.round
    return { ...doc, round: households === null ? round : { ...round, households } }
  }, { auth, allowed: MANAGE })
  await audit(caller.openid, { action: 'setHouseholds', subject: roundId, unitId: before.ownerUnitId, before: { households: before.round.households ?? null }, after: { households } }, now)
  return participation(auth, roundId)
}
