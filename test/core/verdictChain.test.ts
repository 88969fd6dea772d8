/**
 * The confirmation chain (issue 19): who may take each step, every transition and refusal, the state
 * replayed from the steps, the words every view shows, and what the ledger reads of a verdict.
 */
import {
  actingGrant, type Confirmation, confirmedConsequences, confirmingUnits, draftRoundFromTemplate, type Effect, type OrgUnit, takeVerdictStep, templateById,
  type VerdictAction, type VerdictStep, verdictStanding, verdictState,
} from '../../src/core'

const units: OrgUnit[] = [
  { id: 'dq', name: '城关区', parentId: null, kind: 'district' },
  { id: 'jd', name: '城关街道', parentId: 'dq', kind: 'street' },
  { id: 'u1', name: '党政办', parentId: 'jd', kind: 'unit' },
]
const TWO: Confirmation = ['supervisor', 'office']
const ONE: Confirmation = ['supervisor']
const REDO: Effect[] = [{ kind: 'redo' }]

let minute = 0
function step(action: VerdictAction, actorId = 'street-org', reason: string | null = null): VerdictStep {
  const office = action === 'approve' || action === 'return'
  minute++
  return {
    action, as: office ? 'office' : 'supervisor', actorId, role: office ? 'leader' : 'organizer', unitId: office ? 'dq' : 'jd',
    unitName: office ? '城关区' : '城关街道', at: `2026-12-05T10:${String(minute).padStart(2, '0')}:00+08:00`, reason,
  }
}
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code)

describe('who confirms', () => {
  test('the supervising group sits in the unit above the target, the office one level further up; at the top, the whole tree', () => {
    expect(confirmingUnits(units, 'u1')).toEqual({ supervisor: 'jd', office: 'dq' })
    expect(confirmingUnits(units, 'jd')).toEqual({ supervisor: 'dq', office: null })
    expect(confirmingUnits(units, 'dq')).toEqual({ supervisor: null, office: null })
  })

  test('an organiser of the target\'s own unit never confirms it; one above does, by the nearest grant', () => {
    expect(actingGrant(units, [{ role: 'organizer', unitId: 'u1' }], 'u1', 'supervisor')).toBeNull()
    expect(actingGrant(units, [{ role: 'leader', unitId: 'jd' }], 'u1', 'supervisor')).toBeNull()
    expect(actingGrant(units, [{ role: 'admin', unitId: null }, { role: 'organizer', unitId: 'jd' }], 'u1', 'supervisor')).toEqual({ role: 'organizer', unitId: 'jd' })
    expect(actingGrant(units, [{ role: 'organizer', unitId: 'dq' }], 'u1', 'supervisor')).toEqual({ role: 'organizer', unitId: 'dq' })
    // The office: a leader or organiser of the district, not of the street.
    expect(actingGrant(units, [{ role: 'organizer', unitId: 'jd' }], 'u1', 'office')).toBeNull()
    expect(actingGrant(units, [{ role: 'leader', unitId: 'dq' }], 'u1', 'office')).toEqual({ role: 'leader', unitId: 'dq' })
    expect(actingGrant(units, [{ role: 'contact', unitId: 'dq' }], 'u1', 'office')).toBeNull()
    // Hostile ids name no unit: they cover nothing.
    for (const id of ['__proto__', 'toString', 'root', '$gt']) expect(actingGrant(units, [{ role: 'organizer', unitId: id }], 'u1', 'supervisor')).toBeNull()
  })

  test('one who holds any role in the target\'s own unit confirms it in no capacity, even holding the grants above', () => {
    for (const own of [{ role: 'organizer' as const, unitId: 'u1' }, { role: 'contact' as const, unitId: 'u1' }]) {
      expect(actingGrant(units, [own, { role: 'organizer', unitId: 'jd' }], 'u1', 'supervisor')).toBeNull()
      expect(actingGrant(units, [own, { role: 'leader', unitId: 'dq' }], 'u1', 'office')).toBeNull()
      expect(actingGrant(units, [own, { role: 'admin', unitId: null }], 'u1', 'supervisor')).toBeNull()
    }
    // A role above the target's unit is no conflict: the street's contact who organises there confirms.
    expect(actingGrant(units, [{ role: 'contact', unitId: 'jd' }, { role: 'organizer', unitId: 'jd' }], 'u1', 'supervisor')).toEqual({ role: 'organizer', unitId: 'jd' })
  })
})

describe('the two-step chain of 000', () => {
  test('proposed → confirmed by the supervisors → approved by the office: 已认定, binding', () => {
    const confirmed = takeVerdictStep(TWO, [], step('confirm'))
    expect(confirmed.ok && verdictState(TWO, confirmed.value)).toEqual({ ok: true, value: 'awaiting-approval' })
    const approved = takeVerdictStep(TWO, confirmed.ok ? confirmed.value : [], step('approve', 'district-leader'))
    expect(approved.ok).toBe(true)
    const standing = verdictStanding(TWO, approved.ok ? approved.value : [], REDO, '2026-12-05T12:00:00+08:00')
    expect(standing).toMatchObject({ state: 'confirmed', label: '已认定', binding: true, next: null, words: '已认定：督导组（城关街道组织员）确认，上级（城关区领导）批准' })
  })

  test('a return sends it back to the supervisors with the reason; they may confirm again', () => {
    const history = [step('confirm'), step('return', 'district-leader', '请补充谈话情况')]
    expect(verdictState(TWO, history)).toEqual({ ok: true, value: 'proposed' })
    expect(verdictStanding(TWO, history, REDO, '2026-12-05T12:00:00+08:00')).toMatchObject({ label: '拟认定', next: 'supervisor', reason: '请补充谈话情况' })
    expect(code(takeVerdictStep(TWO, history, step('confirm')))).toBe('ok')
  })

  test.each([
    ['approve before any confirmation', [], step('approve', 'district-leader'), 'VERDICT_STEP_NOT_ALLOWED'],
    ['confirm twice', [step('confirm')], step('confirm'), 'VERDICT_STEP_NOT_ALLOWED'],
    ['the supervisors approving', [step('confirm')], { ...step('approve', 'other'), as: 'supervisor' as const }, 'VERDICT_ACTOR_NOT_ALLOWED'],
    ['the office confirming', [], { ...step('confirm', 'district-leader'), as: 'office' as const }, 'VERDICT_ACTOR_NOT_ALLOWED'],
    ['a set-aside without a reason', [], step('set-aside', 'street-org', '  '), 'VERDICT_REASON_REQUIRED'],
    ['a return without a reason', [step('confirm')], step('return', 'district-leader'), 'VERDICT_REASON_REQUIRED'],
    ['the confirmer approving their own confirmation', [step('confirm', 'admin')], step('approve', 'admin'), 'VERDICT_SAME_PERSON'],
    ['approving a set-aside verdict', [step('set-aside', 'street-org', '不具代表性')], step('approve', 'district-leader'), 'VERDICT_STEP_NOT_ALLOWED'],
    ['returning an approved verdict', [step('confirm'), step('approve', 'district-leader')], step('return', 'district-leader', '再议'), 'VERDICT_STEP_NOT_ALLOWED'],
    ['a step dated before the last one', [step('confirm')], { ...step('approve', 'district-leader'), at: '2026-12-05T09:00:00+08:00' }, 'VERDICT_STEP_OUT_OF_ORDER'],
  ] as const)('refused: %s', (_name, history, next, expected) => {
    expect(code(takeVerdictStep(TWO, history as unknown as VerdictStep[], next as VerdictStep))).toBe(expected)
  })

  test('an edited history (an approval spliced in before its confirmation) replays to an error, and shows as proposed, binding nothing', () => {
    const forged = [step('approve', 'district-leader'), step('confirm')]
    expect(code(verdictState(TWO, forged))).toBe('VERDICT_STEP_NOT_ALLOWED')
    expect(verdictStanding(TWO, forged, REDO, '2026-12-05T12:00:00+08:00')).toMatchObject({ state: 'proposed', binding: false, steps: [] })
  })

  test('set aside: 不予认定 with the reason, no consequence', () => {
    const standing = verdictStanding(TWO, [step('set-aside', 'street-org', '参评人员不足')], REDO, '2026-12-05T12:00:00+08:00')
    expect(standing).toMatchObject({ state: 'set-aside', label: '不予认定', binding: false, words: '不予认定：督导组（城关街道组织员），理由：参评人员不足' })
  })
})

describe('other chains', () => {
  test('one step (the default): the supervisors\' confirmation settles it', () => {
    expect(verdictStanding(ONE, [step('confirm')], [{ kind: 'rectify' }], '2026-12-05T12:00:00+08:00')).toMatchObject({ state: 'confirmed', words: '已认定：督导组（城关街道组织员）确认' })
    expect(code(takeVerdictStep(ONE, [step('confirm')], step('approve', 'district-leader')))).toBe('VERDICT_STEP_NOT_ALLOWED')
  })

  test('no step: the rule decides alone, and nothing can be confirmed', () => {
    expect(verdictStanding([], [], REDO, '2026-12-05T12:00:00+08:00')).toMatchObject({ state: 'confirmed', binding: true, next: null, words: '已认定（按规则认定）' })
    expect(code(takeVerdictStep([], [], step('confirm')))).toBe('VERDICT_NOTHING_TO_CONFIRM')
  })

  test('the templates declare them: 000 two steps, the others the supervisors alone', () => {
    const round = (id: string) => {
      const drafted = draftRoundFromTemplate(id, { id: 'r1', title: '评议', window: { opensAt: '2026-12-01T08:00:00+08:00', closesAt: '2026-12-05T18:00:00+08:00' } })
      if (!drafted.ok) throw new Error(drafted.error.message)
      return drafted.value
    }
    expect(round('sanping-yilian').confirmation).toEqual(['supervisor', 'office'])
    for (const id of ['liangping-yishu', 'chuangxian-branch', 'community-satisfaction']) expect(round(id).confirmation).toEqual(['supervisor'])
    expect(templateById('sanping-yilian')!.rules[0]!.consequence).toMatch(/经督导组综合分析，报区教育实践活动办公室同意/)
  })

  test('004\'s extend-round: once confirmed, the window runs the given months past the close for that target', () => {
    const extend: Effect[] = [{ kind: 'extend-round', months: 2 }]
    expect(verdictStanding(ONE, [], extend, '2026-09-10T18:00:00+08:00').extendedUntil).toBeNull()
    const standing = verdictStanding(ONE, [step('confirm')], extend, '2026-09-10T18:00:00+08:00')
    expect(standing.extendedUntil).toBe('2026-11-10T18:00:00+08:00')
    expect(standing.words).toBe('已认定：督导组（城关街道组织员）确认；评议活动延期2个月，至2026年11月10日')
  })
})

test('the ledger reads only confirmed verdicts, and only their 整改 / 返工 / 诫勉 effects, with the explanation', () => {
  const base = { ruleName: '满意率低于60%', explanation: '满意率5/10(50%)低于3/5(60%)，触发规则「满意率低于60%」：限期整改。' }
  const effects: Effect[] = [{ kind: 'rectify' }, { kind: 'criticism' }, { kind: 'warning-talk' }, { kind: 'no-awards' }]
  const at = '2026-12-05T12:00:00+08:00'
  const verdicts = [
    { ...base, ruleId: 'confirmed', effects, standing: verdictStanding(ONE, [step('confirm')], effects, at) },
    { ...base, ruleId: 'proposed', effects, standing: verdictStanding(ONE, [], effects, at) },
    { ...base, ruleId: 'set-aside', effects, standing: verdictStanding(ONE, [step('set-aside', 'x', '理由')], effects, at) },
    { ...base, ruleId: 'rating-only', effects: [{ kind: 'annual-rating', rating: '基本称职' }] as Effect[], standing: verdictStanding(ONE, [step('confirm')], [], at) },
    { ...base, ruleId: 'no-standing', effects },
  ]
  expect(confirmedConsequences(verdicts)).toEqual([{ ruleId: 'confirmed', ruleName: base.ruleName, effects: [{ kind: 'rectify' }, { kind: 'warning-talk' }], explanation: base.explanation }])
})
