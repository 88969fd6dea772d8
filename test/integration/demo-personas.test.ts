/**
 * The demo's named personas hold the roles the README promises: 陈组织员 organises 幸福社区, 刘书记
 * leads 阳光街道, and 周联络员's self-report waits for 陈组织员's approval before residents read it;
 * 孙组织员 (阳光街道's organiser) and 吴主任 (光明区) run the 三评一联 round's whole verdict chain.
 */
import type { RoundVerdicts } from '../../src/api/organize'
import { FUNCTIONS } from '../../local/functions'
import { DEMO_ROUND_ID, DEMO_SANPING_ID, seedDemo } from '../../local/demo'
import { castDemoBallots } from '../../local/demoBallots'
import type { Runtime } from '../../local/runtime'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

type Roles = { roles: { role: string; unitId: string | null; unitName: string }[]; ownerUnitIds: string[] }

let runtime: Runtime
const organize = <T>(s: Session, action: string, data: unknown) => s.call<Answer<T>>('organize', { action, data })

beforeAll(async () => {
  runtime = await startTestRuntime()
  const codes = await seedDemo(FUNCTIONS.organize, runtime.login.openidOf('admin'), undefined, runtime.login.openidOf)
  await castDemoBallots(FUNCTIONS.evaluate, runtime.login.openidOf, codes!)
})
afterAll(() => runtime.close())

test('陈组织员 organises 幸福社区 and 刘书记 leads 阳光街道, from the first start', async () => {
  const organiser = data(await organize<Roles>(await signIn(runtime, 'organizer'), 'myUnits', {}))
  expect(organiser.roles).toEqual([{ role: 'organizer', unitId: 'community-xingfu', unitName: '幸福社区' }])
  expect(organiser.ownerUnitIds).toEqual(['community-xingfu'])
  const leader = data(await organize<Roles>(await signIn(runtime, 'leader'), 'myUnits', {}))
  expect(leader.roles).toEqual([{ role: 'leader', unitId: 'street-yangguang', unitName: '阳光街道' }])
})

test('周联络员\'s self-report is pending until 陈组织员 approves it', async () => {
  const contact = await signIn(runtime, 'contact')
  const mine = data(await organize<{ reports: { targetId: string; text: string; approved: boolean }[] }>(contact, 'myReports', { roundId: DEMO_ROUND_ID }))
  expect(mine.reports).toEqual([expect.objectContaining({ targetId: 'b4', approved: false })])
  expect(mine.reports[0].text.length).toBeGreaterThan(10)
  const organiser = await signIn(runtime, 'organizer')
  const { revision } = data(await organize<{ reports: Record<string, { revision: number }> }>(organiser, 'getRound', { roundId: DEMO_ROUND_ID })).reports.b4
  expect(data(await organize(organiser, 'approveReport', { roundId: DEMO_ROUND_ID, targetId: 'b4', revision }))).toEqual({ approved: true })
})

test('the 三评一联 round\'s chain runs with the demo personas: 孙组织员 confirms 返工补课, 吴主任 approves, then the redo round is offered', async () => {
  const [sun, wu, liu] = await Promise.all(['street-organizer', 'district-office', 'leader'].map((p) => signIn(runtime, p)))
  expect(data(await organize<Roles>(sun, 'myUnits', {})).roles).toEqual([{ role: 'organizer', unitId: 'street-yangguang', unitName: '阳光街道' }])
  expect(data(await organize<Roles>(wu, 'myUnits', {})).roles).toEqual([{ role: 'leader', unitId: 'district-guangming', unitName: '光明区' }])
  data(await organize(sun, 'closeRound', { roundId: DEMO_SANPING_ID }))
  const verdicts = async (s: Session) => data(await organize<RoundVerdicts>(s, 'roundVerdicts', { roundId: DEMO_SANPING_ID }))
  const step = (s: Session, action: string, seen: number) => organize<RoundVerdicts>(s, 'stepVerdict', { roundId: DEMO_SANPING_ID, targetId: 'su-law', ruleId: 'below-two-thirds', action, seen })
  const proposed = (await verdicts(sun)).verdicts
  expect(proposed.map((v) => [v.targetId, v.standing.label, v.may])).toEqual([['su-law', '拟认定', ['confirm', 'set-aside']]])
  data(await step(sun, 'confirm', 0))
  // The street's leader is not the office above it; the district's is.
  const refused = await step(liu, 'approve', 1)
  expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN')
  const approved = data(await step(wu, 'approve', 1))
  expect(approved.verdicts[0]!.standing.words).toMatch(/^已认定：督导组（阳光街道组织员）确认，上级（光明区领导）批准/)
  expect((await verdicts(sun)).redo).toEqual({ targetIds: ['su-law'], roundId: null, mayStart: true })
  const { roundId } = data(await organize<{ roundId: string }>(sun, 'startRedoRound', {
    roundId: DEMO_SANPING_ID, title: '阳光街道第一组“三评一联”（返工补课）', window: { opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
  }))
  expect((await verdicts(sun)).redo.roundId).toBe(roundId)
})
