/** What `npm start` prints: the grid links and usable codes on every start, not only the first. */
import { FUNCTIONS } from '../../local/functions'
import { seedDemo } from '../../local/demo'
import { demoGuide } from '../../local/demoGuide'
import type { Runtime } from '../../local/runtime'
import { startTestRuntime } from '../helpers/runtime'

let runtime: Runtime
beforeAll(async () => {
  runtime = await startTestRuntime()
})
afterAll(() => runtime.close())

test('a later start prints the three grid links and the codes again', async () => {
  const admin = runtime.login.openidOf('admin')
  const seeded = await seedDemo(FUNCTIONS.organize, admin)
  expect(await seedDemo(FUNCTIONS.organize, admin)).toBeNull() // a second start seeds nothing
  const lines = await demoGuide(FUNCTIONS.organize, admin, runtime.url)
  expect(lines.filter((l) => l.includes('/#/pages/round/index?roundId=demo-community&channel=grid-'))).toHaveLength(3)
  const printed = (seeded ?? []).filter((c) => lines.some((l) => l.includes(c.code)))
  expect(printed).toHaveLength(4)
  expect(lines.join('\n')).toMatch(/阳光街道党政办公室 · 单位参评人员：\w{8}（还可用 15 次）/)
})
