/**
 * @module Valid inputs for every action, built from the real ids of a seeded scene (rounds in each
 * state, their targets, categories, channels, codes), so the fuzzer's mutations start deep inside
 * the handlers rather than at the schema. An action without an entry here still gets inputs made
 * of the scene's ids.
 */
import fc from 'fast-check'
import type { RoundDetail, UnitView } from '../../src/api/organize'
import { builtinTemplates, inShanghai, templateItems } from '../../src/core'

/** What one action's fuzzing starts from: fresh rounds, so one action's successes do not starve another. */
export interface Scene {
  /** Open, owned by a community the organiser manages. */
  open: RoundDetail
  /** Open, owned by the street (outside the organiser's subtree), with roster codes. */
  sanping: RoundDetail
  /** A draft copy of the open round. */
  draft: RoundDetail
  units: UnitView[]
  evaluatorCodes: string[]
  roleCodes: string[]
  posterScenes: string[]
  setupCode: string
}

type Generators = Record<string, Record<string, (s: Scene) => fc.Arbitrary<unknown>>>

const rounds = (s: Scene) => [s.open, s.sanping, s.draft]
const anyRound = (s: Scene) => fc.constantFrom(...rounds(s))
const roundId = (s: Scene) => anyRound(s).map((r) => r.id)
const roundRef = (s: Scene) => fc.record({ roundId: roundId(s) })
/** A meeting session: none made up, or a channel of the round (a session's id is its channel's). */
const sessionRef = (s: Scene) => anyRound(s).chain((round) => fc.record({ roundId: fc.constant(round.id), sessionId: fc.constantFrom('ms-00000000', ...round.channels.map((c) => c.id)) }))
const unitId = (s: Scene) => fc.constantFrom(...s.units.map((u) => u.id))
const text = (max: number) => fc.oneof(fc.constantFrom('幸福社区', '服务热情，办事认真', '赌博', '第一网格'), fc.string({ minLength: 1, maxLength: max }))
const name = text(20)
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })
const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

const window = fc.tuple(fc.integer({ min: -48, max: 2 }), fc.integer({ min: 1, max: 24 * 60 })).map(([opens, length]) => {
  const at = inShanghai(new Date()).add(opens, 'hour').startOf('second')
  return { opensAt: at.format(), closesAt: at.add(length, 'hour').format() }
})

function ballot(round: RoundDetail, targetId: string) {
  const level = fc.constantFrom(...round.template.scale.levels.map((l) => l.id))
  const items = templateItems(round.template).map((i) => i.id)
  return fc
    .record({ overall: level, items: fc.tuple(...items.map(() => level)), opinion: optional(text(200)) })
    .map(({ overall, items: levels, opinion }) => defined({ targetId, overall, items: Object.fromEntries(items.map((id, i) => [id, levels[i]])), opinion }))
}

/** Mostly the open round, where residents 1–10 are enrolled, so ballots reach the casting code. */
const submit = (s: Scene) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(s.open) }, { weight: 1, arbitrary: anyRound(s) }).chain((round) =>
    fc.record({
      roundId: fc.constant(round.id),
      channel: optional(fc.constantFrom(...round.channels.map((c) => c.id))),
      ballots: fc.shuffledSubarray(round.targets.map((t) => t.id), { minLength: 1 }).chain((ids) => fc.tuple(...ids.map((id) => ballot(round, id)))),
    }).map(defined),
  )

const categoryOf = (s: Scene) => anyRound(s).chain((round) => fc.record({ roundId: fc.constant(round.id), categoryId: fc.constantFrom(...round.categories.map((c) => c.id)), round: fc.constant(round) }))
/** Codes are issued for roster categories only (the sanping round's). */
const rosterCategoryOf = (s: Scene) =>
  fc.constantFrom(...rounds(s).filter((r) => r.categories.some((c) => c.access === 'roster'))).chain((round) =>
    fc.record({ roundId: fc.constant(round.id), categoryId: fc.constantFrom(...round.categories.filter((c) => c.access === 'roster').map((c) => c.id)), round: fc.constant(round) }),
  )
const targetOf = (s: Scene) => anyRound(s).chain((round) => fc.record({ roundId: fc.constant(round.id), targetId: fc.constantFrom(...round.targets.map((t) => t.id)) }))
const targetUnitOf = (round: RoundDetail) => fc.constantFrom(...round.targets.map((t) => t.unitId))

const targets = (s: Scene) => fc.uniqueArray(fc.constantFrom(...s.units), { minLength: 1, maxLength: 5 }).map((us) => us.map((u) => ({ id: u.id, name: u.name, kind: 'unit', unitId: u.id })))

const rosterCsv = (round: RoundDetail) =>
  fc.array(fc.tuple(name, targetUnitOf(round), fc.constantFrom(...round.categories.map((c) => c.id)), fc.constantFrom('', '13800000000', '赌博')), { minLength: 1, maxLength: 5 })
    .map((rows) => Buffer.from(['姓名,单位,类别,手机', ...rows.map((r) => r.join(','))].join('\n')).toString('base64'))

export const VALID: Generators = {
  evaluate: {
    me: () => fc.constant({}),
    listRounds: () => fc.constant({}),
    progress: (s) => fc.record({ roundId: optional(roundId(s)) }).map(defined),
    getRound: (s) => anyRound(s).chain((r) => fc.record({ roundId: fc.constant(r.id), channel: optional(fc.constantFrom(...r.channels.map((c) => c.id))) }).map(defined)),
    enrol: (s) => categoryOf(s).chain(({ roundId, categoryId, round }) => fc.record({ roundId: fc.constant(roundId), categoryId: fc.constant(categoryId), unitId: optional(targetUnitOf(round)) }).map(defined)),
    submit,
    myStatus: roundRef,
    redeem: (s) => fc.record({ code: fc.constantFrom(...s.evaluatorCodes, ...s.roleCodes) }),
    resolveScene: (s) => fc.record({ scene: fc.constantFrom(...s.posterScenes) }),
  },
  organize: {
    claimSetup: (s) => fc.record({ setupCode: fc.constantFrom(s.setupCode, 'WRONG-CODE'), displayName: name }),
    myUnits: () => fc.constant({}),
    createUnit: (s) => fc.record({ id: optional(fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/), unitId(s))), name, parentId: fc.option(unitId(s), { nil: null }), kind: fc.constantFrom('street', 'community', 'grid', 'branch', 'unit') }).map(defined),
    inviteRole: (s) => fc.record({ role: fc.constantFrom('admin', 'organizer', 'leader', 'contact'), unitId: unitId(s), maxUses: optional(fc.integer({ min: 1, max: 100 })) }).map(defined),
    redeemRole: (s) => fc.record({ code: fc.constantFrom(...s.roleCodes, ...s.evaluatorCodes), displayName: name }),
    listTemplates: () => fc.constant({}),
    listRounds: () => fc.constant({}),
    getRound: roundRef,
    createRound: (s) =>
      fc.record({
        id: optional(fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/)),
        templateId: fc.constantFrom(...builtinTemplates.map((t) => t.id)),
        // The street owns every demo unit, so targets drawn from them usually lie in the owner's subtree.
        ownerUnitId: fc.oneof(fc.constant('street-yangguang'), unitId(s)),
        title: name,
        window,
        targets: targets(s),
        channels: optional(fc.constant([{ id: 'grid-1', name: '一网格群' }])),
        intro: optional(text(100)),
      }).map(defined),
    copyRound: (s) => fc.record({ roundId: roundId(s), title: name, window }),
    updateRound: (s) =>
      fc.record({
        roundId: roundId(s),
        patch: fc.record({ title: name, intro: text(100), window, targets: targets(s), channels: fc.constant([{ id: 'grid-9', name: '九网格群' }]) }, { requiredKeys: [] }),
      }),
    openRound: roundRef,
    closeRound: roundRef,
    publishRound: roundRef,
    archiveRound: roundRef,
    addRoster: (s) =>
      rosterCategoryOf(s).chain(({ roundId, categoryId, round }) =>
        fc.record({
          roundId: fc.constant(roundId),
          categoryId: fc.constant(categoryId),
          entries: fc.array(fc.record({ name, unitId: targetUnitOf(round), phone: optional(fc.constantFrom('13800000000', '010-1234')) }).map(defined), { minLength: 1, maxLength: 5 }),
        }),
      ),
    importRoster: (s) => anyRound(s).chain((round) => fc.record({ roundId: fc.constant(round.id), fileName: fc.constantFrom('名单.csv', 'roster.xlsx', 'a.txt'), base64: rosterCsv(round) })),
    sharedCode: (s) => rosterCategoryOf(s).chain(({ roundId, categoryId, round }) => fc.record({ roundId: fc.constant(roundId), categoryId: fc.constant(categoryId), unitId: targetUnitOf(round), maxUses: fc.integer({ min: 1, max: 1000 }) })),
    listCodes: roundRef,
    codeSheet: (s) => anyRound(s).chain((round) => fc.record({ roundId: fc.constant(round.id), unitId: fc.oneof(targetUnitOf(round), unitId(s)) })),
    addChannel: (s) => fc.record({ roundId: roundId(s), name }),
    sharePoster: (s) => anyRound(s).chain((round) => fc.record({ roundId: fc.constant(round.id), channelId: fc.constantFrom(...round.channels.map((c) => c.id)) })),
    participation: roundRef,
    setHouseholds: (s) => fc.record({ roundId: roundId(s), households: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }) }),
    writeReport: (s) => targetOf(s).chain((ref) => fc.record({ text: text(300) }).map((t) => ({ ...ref, ...t }))),
    approveReport: (s) => targetOf(s).chain((ref) => fc.record({ revision: fc.integer({ min: 0, max: 3 }) }).map((r) => ({ ...ref, ...r }))),
    myReports: roundRef,
    blankForms: (s) => anyRound(s).chain((round) => fc.record({ roundId: fc.constant(round.id), groupId: optional(fc.constantFrom('g', ...round.groups.map((g) => g.id))) }).map(defined)),
    rosterReview: roundRef,
    reviewRoster: (s) => fc.record({ roundId: roundId(s), revision: fc.integer({ min: 0, max: 3 }), approve: fc.boolean(), reason: optional(text(50)) }).map(defined),
    commitSample: (s) => rosterCategoryOf(s).chain(({ roundId, categoryId, round }) => fc.record({ roundId: fc.constant(roundId), categoryId: fc.constant(categoryId), unitId: targetUnitOf(round) })),
    drawSample: (s) =>
      rosterCategoryOf(s).chain(({ roundId, categoryId, round }) =>
        fc.record({ roundId: fc.constant(roundId), categoryId: fc.constant(categoryId), unitId: targetUnitOf(round), size: fc.integer({ min: 1, max: 200 }), fileName: fc.constantFrom('名单.csv', 'a.txt'), base64: rosterCsv(round) }),
      ),
    listSamples: roundRef,
    auditLog: (s) => fc.record({ unitId: optional(unitId(s)), roundId: optional(roundId(s)) }).map(defined),
    codeCounts: roundRef,
    openSession: (s) =>
      anyRound(s).chain((round) =>
        fc.tuple(window, fc.option(fc.constantFrom('g', ...round.groups.map((g) => g.id)), { nil: null }), name).map(([w, groupId, n]) => ({ roundId: round.id, name: n, groupId, ...w })),
      ),
    roundVerdicts: roundRef,
    stepVerdict: (s) =>
      targetOf(s).chain((ref) =>
        fc.record({ ruleId: fc.constantFrom('below-two-thirds', 'below-sixty-percent', 'x'), action: fc.constantFrom('confirm', 'set-aside', 'approve', 'return'), seen: fc.integer({ min: 0, max: 2 }), reason: optional(text(50)) })
          .map((r) => defined({ ...ref, ...r })),
      ),
    startRedoRound: (s) => fc.record({ roundId: roundId(s), title: name, window }),
    listSessions: roundRef,
    sessionBoard: sessionRef,
    endSession: sessionRef,
    ledgerCandidates: targetOf,
    registerItem: (s) =>
      targetOf(s).chain((ref) =>
        fc.record({
          source: fc.oneof(fc.record({ kind: fc.constant('verdict'), ruleId: fc.constantFrom('below-sixty-percent', 'below-two-thirds', 'x') }), fc.record({ kind: fc.constant('opinions'), opinionIds: fc.array(fc.stringMatching(/^[0-9a-f]{16}$/), { minLength: 1, maxLength: 3 }) })),
          problem: text(100), responsibility: text(100), ownerHolderId: fc.stringMatching(/^[0-9a-f]{64}$/),
          deadline: optional(window.map((w) => w.closesAt)), urgent: fc.boolean(),
        }).map((r) => defined({ ...ref, ...r })),
      ),
    ledgerItem: (s) => fc.record({ itemId: fc.constantFrom('toString', 'root', 'a1b2c3', ...s.open.targets.map((t) => t.id)) }),
    workItem: (s) =>
      fc.record({
        itemId: fc.constantFrom('toString', 'a1b2c3', ...s.open.targets.map((t) => t.id)), step: fc.constantFrom('start', 'progress', 'request-closure', 'resume'), note: optional(text(50)),
        photos: fc.array(fc.constantFrom('cloud://qunping-local.local/ledger-incoming/0/0', 'cloud://qunping-local.local/rectification/x/../y', 'toString', '__proto__'), { maxLength: 2 }),
      }).map(defined),
    superviseItem: (s) => fc.record({ itemId: fc.constantFrom('toString', 'a1b2c3', ...s.open.targets.map((t) => t.id)), verify: fc.boolean(), note: optional(text(50)) }).map(defined),
    ledger: (s) => fc.record({ roundId: optional(roundId(s)), unitId: optional(unitId(s)), state: optional(fc.constantFrom('整改中', '已销号', '逾期')), overdue: optional(fc.boolean()), ownerUnitId: optional(unitId(s)) }).map(defined),
    ledgerSheet: (s) => fc.record({ roundId: optional(roundId(s)), unitId: optional(unitId(s)) }).map(defined),
    reminderTemplates: () => fc.constant({}),
    subscribe: () => fc.record({ accepted: fc.array(fc.constantFrom('local-deadline-soon', 'local-overdue', 'toString', 'x'), { maxLength: 3 }) }),
  },
  // Strict one-key inputs: the fallback's random subset of ids rarely matches them exactly.
  report: {
    dashboard: (s) => fc.record({ unitId: optional(unitId(s)) }).map(defined),
    roundResults: roundRef,
    targetDetail: (s) => targetOf(s).chain((ref) => fc.record({ page: optional(fc.integer({ min: 1, max: 3 })) }).map((p) => defined({ ...ref, ...p }))),
    trend: (s) => fc.record({ unitId: unitId(s) }),
    exportRound: roundRef,
    reportPdf: (s) => targetOf(s).chain((ref) => optional(fc.constant(ref.targetId)).map((targetId) => defined({ roundId: ref.roundId, targetId }))),
    publishedResults: roundRef,
  },
}

/** For an action nobody has described yet: a few of the scene's ids under the names actions use. */
const fallback = (s: Scene) =>
  fc.record({ roundId: roundId(s), targetId: fc.constantFrom(...s.open.targets.map((t) => t.id)), unitId: unitId(s), categoryId: fc.constantFrom(...s.open.categories.map((c) => c.id)) }, { requiredKeys: [] })

export function validInput(fn: string, action: string, scene: Scene): fc.Arbitrary<unknown> {
  return (VALID[fn]?.[action] ?? fallback)(scene)
}
