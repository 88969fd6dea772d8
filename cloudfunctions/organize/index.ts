/** @module The organiser-facing function: the org tree and its people, rounds, rosters, sharing, reports, audit. */
import { api } from '../../src/api'
import { builtinTemplates } from '../../src/core'
import { guessed } from '../common/codeGuesses'
import { authority, unitNameOf } from '../common/roles'
import { createRouter, type HandlerContext } from '../common/router'
import { claimSetup, createUnit, grantableRoles, inviteRole, ownerUnitIds, redeemRole, visibleUnits } from './people'
import { codeKind } from './codes'
import { readPersons } from './persons'
import { approveReport, myReports, writeReport } from './reports'
import { auditLog, auditSheet } from './auditLog'
import { codeCounts, reissueCode, voidCode } from './codeUse'
import { listRoleHolders, revokeRole } from './holders'
import { addRoster, codeSheet, importRoster, listCodes, sharedCode } from './roster'
import { reviewRoster, rosterReviewOf } from './rosterReview'
import { commitSample, drawSample, listSamples } from './sampling'
import { copyRound, createRound, detail, listRounds, managedRound, transition, updateRound } from './rounds'
import { addChannel, participation, sharePoster } from './sharing'
import { setHouseholds } from './households'
import { codeSlips } from './slips'
import { blankForms } from './blankForm'
import { endSession, listSessions, openSession, sessionBoard } from './meeting'
import { READ } from './access'
import { roundVerdicts, startRedoRound, stepVerdict } from './verdicts'
import { printPaper } from './paper'
import { enterPaper, paperQueue, readPaper } from './paperEntry'
import { ledger, ledgerItem, myItems } from './ledger/read'
import { ledgerCandidates, registerItem } from './ledger/register'
import { reminderTemplates, subscribe } from './ledger/reminders'
import { ledgerSheet } from './ledger/sheet'
import { superviseItem, workItem } from './ledger/work'

const auth = (ctx: HandlerContext) => authority(ctx.caller.openid)

export const main = createRouter(api.organize, {
  claimSetup: ({ setupCode, displayName }, ctx) => guessed(ctx.caller.openid, ctx.now, () => claimSetup(setupCode, displayName, ctx)),
  async myUnits(_input, ctx) {
    const a = await auth(ctx)
    return { units: visibleUnits(a), roles: a.roles.map((r) => ({ ...r, unitName: unitNameOf(a.units, r.unitId) })), ownerUnitIds: ownerUnitIds(a), grantable: grantableRoles(a) }
  },
  createUnit: async (input, ctx) => createUnit(await auth(ctx), input, ctx),
  inviteRole: async ({ role, unitId, maxUses }, ctx) => inviteRole(await auth(ctx), role, unitId, maxUses, ctx),
  codeKind: ({ code }, { caller, now }) => guessed(caller.openid, now, () => codeKind(code)),
  redeemRole: ({ code, displayName }, ctx) => guessed(ctx.caller.openid, ctx.now, () => redeemRole(code, displayName, ctx)),

  listTemplates: async () => ({ templates: [...builtinTemplates] }),
  listRounds: async (_input, ctx) => ({ rounds: await listRounds(await auth(ctx), ctx.now) }),
  getRound: async ({ roundId }, ctx) => {
    const caller = await auth(ctx)
    return detail(await managedRound(caller, roundId, READ), ctx.now, caller)
  },
  createRound: async (input, ctx) => createRound(await auth(ctx), input, ctx),
  copyRound: async ({ roundId, title, window }, ctx) => copyRound(await auth(ctx), roundId, title, window, ctx),
  updateRound: async ({ roundId, patch }, ctx) => updateRound(await auth(ctx), roundId, patch, ctx),
  openRound: async ({ roundId }, ctx) => transition(await auth(ctx), roundId, 'open', ctx),
  closeRound: async ({ roundId }, ctx) => transition(await auth(ctx), roundId, 'close', ctx),
  publishRound: async ({ roundId }, ctx) => transition(await auth(ctx), roundId, 'publish', ctx),
  archiveRound: async ({ roundId }, ctx) => transition(await auth(ctx), roundId, 'archive', ctx),

  addRoster: async ({ roundId, categoryId, entries }, ctx) => addRoster(await auth(ctx), roundId, entries.map((e) => ({ ...e, categoryId })), ctx),
  importRoster: async ({ roundId, fileName, base64 }, ctx) => importRoster(await auth(ctx), roundId, fileName, base64, ctx),
  readPersons: async ({ ownerUnitId, fileName, base64 }, ctx) => readPersons(await auth(ctx), ownerUnitId, fileName, base64),
  sharedCode: async (input, ctx) => sharedCode(await auth(ctx), input, ctx),
  listCodes: async ({ roundId }, ctx) => listCodes(await auth(ctx), roundId),
  codeSheet: async ({ roundId, unitId }, ctx) => codeSheet(await auth(ctx), roundId, unitId),
  codeSlips: async ({ roundId, unitId }, ctx) => codeSlips(await auth(ctx), roundId, unitId),
  printPaper: async (input, ctx) => printPaper(await auth(ctx), input, ctx),
  readPaper: async (input, ctx) => readPaper(await auth(ctx), input),
  enterPaper: async (input, ctx) => enterPaper(await auth(ctx), input, ctx),
  settlePaper: async (input, ctx) => enterPaper(await auth(ctx), input, ctx, true),
  paperQueue: async ({ roundId }, ctx) => paperQueue(await auth(ctx), roundId, ctx.caller.openid),
  blankForms: async ({ roundId, groupId }, ctx) => blankForms(await auth(ctx), roundId, groupId),
  rosterReview: async ({ roundId }, ctx) => rosterReviewOf(await auth(ctx), roundId, ctx.caller.openid),
  reviewRoster: async (input, ctx) => reviewRoster(await auth(ctx), input, ctx),
  commitSample: async (input, ctx) => commitSample(await auth(ctx), input, ctx),
  drawSample: async (input, ctx) => drawSample(await auth(ctx), input, ctx),
  listSamples: async ({ roundId }, ctx) => listSamples(await auth(ctx), roundId),

  addChannel: async ({ roundId, name }, ctx) => addChannel(await auth(ctx), roundId, name, ctx),
  sharePoster: async ({ roundId, channelId }, ctx) => sharePoster(await auth(ctx), roundId, channelId),
  participation: async ({ roundId }, ctx) => participation(await auth(ctx), roundId),
  openSession: async ({ roundId, ...input }, ctx) => openSession(await auth(ctx), roundId, input, ctx),
  endSession: async ({ roundId, sessionId }, ctx) => endSession(await auth(ctx), roundId, sessionId, ctx),
  listSessions: async ({ roundId }, ctx) => listSessions(await auth(ctx), roundId, ctx.now),
  sessionBoard: async ({ roundId, sessionId }, ctx) => sessionBoard(await auth(ctx), roundId, sessionId, ctx.now),
  setHouseholds: async ({ roundId, households }, ctx) => setHouseholds(await auth(ctx), roundId, households, ctx),

  writeReport: async ({ roundId, targetId, text }, ctx) => writeReport(await auth(ctx), roundId, targetId, text, ctx),
  approveReport: async ({ roundId, targetId, revision }, ctx) => approveReport(await auth(ctx), roundId, targetId, revision, ctx),
  myReports: async ({ roundId }, ctx) => myReports(await auth(ctx), roundId),
  roundVerdicts: async ({ roundId }, ctx) => roundVerdicts(await auth(ctx), roundId, ctx),
  stepVerdict: async (input, ctx) => stepVerdict(await auth(ctx), input, ctx),
  startRedoRound: async (input, ctx) => startRedoRound(await auth(ctx), input, ctx),
  auditLog: async (filter, ctx) => auditLog(await auth(ctx), filter),
  auditSheet: async (filter, ctx) => auditSheet(await auth(ctx), filter),

  listRoleHolders: async (_input, ctx) => listRoleHolders(await auth(ctx)),
  revokeRole: async ({ holderId }, ctx) => revokeRole(await auth(ctx), holderId, ctx),
  voidCode: async ({ roundId, code }, ctx) => voidCode(await auth(ctx), roundId, code, ctx),
  reissueCode: async ({ roundId, code }, ctx) => reissueCode(await auth(ctx), roundId, code, ctx),
  codeCounts: async ({ roundId }, ctx) => codeCounts(await auth(ctx), roundId),

  ledgerCandidates: async ({ roundId, targetId }, ctx) => ledgerCandidates(await auth(ctx), roundId, targetId, ctx),
  registerItem: async (input, ctx) => registerItem(await auth(ctx), input, ctx),
  myItems: async (_input, ctx) => myItems(await auth(ctx), ctx.caller.openid, ctx.now),
  reminderTemplates: async () => ({ templateIds: Object.values(reminderTemplates()) }),
  subscribe: async ({ accepted }, ctx) => subscribe(ctx.caller.openid, accepted),
  ledgerItem: async ({ itemId }, ctx) => ledgerItem(await auth(ctx), itemId, ctx.caller.openid, ctx.now),
  workItem: async (input, ctx) => workItem(await auth(ctx), input, ctx),
  superviseItem: async (input, ctx) => superviseItem(await auth(ctx), input, ctx),
  ledger: async (filter, ctx) => ledger(await auth(ctx), filter, ctx.caller.openid, ctx.now),
  ledgerSheet: async (filter, ctx) => ledgerSheet(await auth(ctx), filter, ctx.caller.openid, ctx.now),
})
