/** @module The results function: dashboards, round and target results, trends, exports, and the residents' published results. */
import { api } from '../../src/api'
import { roundFigures } from '../common/results'
import { authority } from '../common/roles'
import { createRouter, type HandlerContext } from '../common/router'
import { loadRound } from '../common/rounds'
import { distinctVoters } from '../common/voters'
import { ANY_ROLE, followsProgress, seesTarget, visibleTargets } from './access'
import { dashboard } from './dashboard'
import { publishedResults, targetDetail, trend } from './detail'
import { exportRound, reportPdf } from './exports'
import { beforeAndAfter } from './redo'
import { roundProgress, roundResults } from './views'

const auth = (ctx: HandlerContext) => authority(ctx.caller.openid)

export const main = createRouter(api.report, {
  dashboard: async ({ unitId }, ctx) => dashboard(await auth(ctx), unitId, ctx.now),
  async roundResults({ roundId }, ctx) {
    const a = await auth(ctx)
    const doc = await loadRound(roundId, { auth: a, allowed: ANY_ROLE })
    const followed = doc.round.targets.filter((t) => followsProgress(a, doc.round, t))
    if (followed.length > 0 && !doc.round.targets.some((t) => seesTarget(a, doc.round, t))) return roundProgress(doc, await roundFigures(doc, ctx.now), followed)
    const shown = visibleTargets(a, doc)
    const figures = await roundFigures(doc, ctx.now)
    // Folded with the figures; counted here only for results stored before they were.
    const voters = shown.length === doc.round.targets.length ? (figures.voters ?? (await distinctVoters(roundId))) : null
    return { ...roundResults(doc, figures, shown, voters), redo: await beforeAndAfter(a, doc, figures, shown, ctx.now) }
  },
  targetDetail: async ({ roundId, targetId, page }, ctx) => targetDetail(await auth(ctx), roundId, targetId, page, ctx.now),
  trend: async ({ unitId }, ctx) => trend(await auth(ctx), unitId, ctx.now),
  exportRound: async ({ roundId }, ctx) => exportRound(await auth(ctx), roundId, ctx),
  reportPdf: async ({ roundId, targetId }, ctx) => reportPdf(await auth(ctx), roundId, targetId, ctx),
  publishedResults: async ({ roundId }, ctx) => publishedResults(await auth(ctx), roundId, ctx),
})
