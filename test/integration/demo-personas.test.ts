/**
 * The demo's named personas hold the roles the README promises: 陈组织员 organises 幸福社区, 刘书记
 * leads 阳光街道, and 周联络员's self-report waits for 陈组织员's approval before residents read it.
 */
import { FUNCTIONS } from '../../local/functions'
import { DEMO_ROUND_ID, seedDemo } from '../../local/demo'
import type { Runtime } from '../../local/runtime'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

type Roles = { roles: { role: string; unitId: string | null; unitName: string }[]; ownerUnitIds: string[] }

let runtime: Runtime
const organize = <T>(s: Session, action: string, data: unknown) => s.call<Answer<T>>('organize', { action, data })

beforeAll(async () => {
  runtime = await startTestRuntime()
  await seedDemo(FUNCTIONS.organize, runtime.login.openidOf('admin'), undefined, runtime.login.openidOf)
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
