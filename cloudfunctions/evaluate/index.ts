/** @module The resident-facing function: rounds I may rate, my category, my ballots, my receipts. */
import { api } from '../../src/api'
import { domainError } from '../../src/core'
import { database } from '../common/cloudbase'
import { guessed } from '../common/codeGuesses'
import { refuse } from '../common/refuse'
import { keyedHash } from '../common/keyed'
import { rolesOf, unitNameOf } from '../common/roles'
import { loadUnits } from '../common/units'
import { createRouter } from '../common/router'
import { enrol, redeem } from './enrolment'
import { submit } from './submit'
import { listRounds, receiptsOf, residentRound, residentView } from './view'
import { rectificationAtHome, residentProgress } from './progress'

export const main = createRouter(api.evaluate, {
  async me(_input, ctx) {
    const { caller } = ctx
    const roles = await rolesOf(caller.openid)
    // Most callers are residents with no role: the org tree is read only for those who hold one.
    const units = roles.length > 0 ? await loadUnits() : []
    return {
      tag: keyedHash('display-tag', caller.openid).slice(0, 8).toUpperCase(),
      roles: roles.map((r) => ({ ...r, unitName: unitNameOf(units, r.unitId) })),
      rectification: await rectificationAtHome(ctx, roles),
    }
  },
  listRounds: async (_input, { caller, now }) => ({ rounds: await listRounds(caller.openid, now) }),
  getRound: async ({ roundId, channel }, { caller, now }) => residentView(await residentRound(roundId), caller.openid, channel, now),
  enrol: async ({ roundId, categoryId, unitId }, { caller }) => enrol(await residentRound(roundId), caller.openid, categoryId, unitId),
  submit: async ({ roundId, channel, ballots }, { caller, now, openGroupId }) => ({
    outcomes: await submit(roundId, ballots, { openid: caller.openid, channel, openGroupId, now }),
  }),
  myStatus: async ({ roundId }, { caller }) => ({ receipts: await receiptsOf((await residentRound(roundId))._id, caller.openid) }),
  progress: async ({ roundId }, { caller, now }) => residentProgress(caller.openid, roundId, now),
  redeem: ({ code }, { caller, now }) => guessed(caller.openid, now, () => redeem(code, caller.openid, now)),
  async resolveScene({ scene }) {
    const { data } = await database().collection('scenes').doc(scene).get()
    const found = data[0] as { roundId: string; channelId?: string; code?: string } | undefined
    if (!found) refuse(domainError('SCENE_UNKNOWN'))
    // A poster printed before opening leads nowhere until the round opens.
    await residentRound(found.roundId)
    return { roundId: found.roundId, channel: found.channelId ?? null, code: found.code ?? null }
  },
})
