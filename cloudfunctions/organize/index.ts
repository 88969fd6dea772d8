/** @module The organiser-facing function: rounds from templates, readiness, opening. */
import { randomBytes } from 'node:crypto'
import { api } from '../../src/api'
import { acceptsAction, domainError, draftRoundFromTemplate, issuesBeforeOpen } from '../../src/core'
import { database } from '../common/cloudbase'
import { orRefuse, refuse } from '../common/refuse'
import { requireRole } from '../common/roles'
import { createRouter } from '../common/router'
import { loadRound, type RoundDoc } from '../common/rounds'
import { isDuplicate } from '../common/transaction'

const ORGANISERS = ['admin', 'organizer'] as const

async function audit(openid: string, action: string, subject: string, change: object, now: Date) {
  await database().collection('audit').add({ actor: openid, action, subject, change, at: now })
}

export const main = createRouter(api.organize, {
  async createRound(input, { caller, now }) {
    await requireRole(caller.openid, [...ORGANISERS])
    const round = orRefuse(
      draftRoundFromTemplate(input.templateId, {
        id: input.id ?? `r${randomBytes(5).toString('hex')}`,
        title: input.title,
        window: input.window,
        targets: input.targets,
        groups: input.groups,
        channels: input.channels,
      }),
    )
    const doc: RoundDoc = { _id: round.id, round, intro: input.intro, reports: input.reports, shards: input.shards, unitNames: input.unitNames }
    try {
      await database().collection('rounds').add(doc)
    } catch (e) {
      if (isDuplicate(e)) refuse(domainError('ROUND_ID_TAKEN'))
      throw e
    }
    await audit(caller.openid, 'createRound', round.id, { templateId: input.templateId, title: input.title }, now)
    return { roundId: round.id }
  },

  async openRound({ roundId }, { caller, now }) {
    await requireRole(caller.openid, [...ORGANISERS])
    const { round } = await loadRound(roundId)
    if (!acceptsAction(round.state, 'open')) refuse(domainError('ACTION_NOT_ALLOWED'))
    const blockers = issuesBeforeOpen(round, { now })
    if (blockers.length > 0) return { state: round.state, blockers }
    // Conditional on the state we checked, so two organisers opening at once open it once.
    const { updated } = (await database().collection('rounds').where({ _id: roundId, 'round.state': 'draft' }).update({ 'round.state': 'open' })) as { updated: number }
    if (!updated) refuse(domainError('ACTION_NOT_ALLOWED'))
    await audit(caller.openid, 'openRound', roundId, { before: { state: 'draft' }, after: { state: 'open' } }, now)
    return { state: 'open' as const, blockers: [] }
  },
})
