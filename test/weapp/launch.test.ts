/**
 * The mini-program launches as WeChat launches it: app.js runs without `process`, `wx.cloud.init`
 * runs (with no env unless one was built in), and the home page shows the resident's rounds from
 * the cloud functions rather than its network-failure screen. On the commit before issue 15's fix
 * this failed with `ReferenceError: process is not defined` and 网络连接失败.
 */
import { startWeappWorld, type WeappWorld } from './harness'

let world: WeappWorld
beforeAll(async () => {
  world = await startWeappWorld()
})
afterAll(() => world.close())

test('a resident opens the mini-program: cloud.init runs without an env, and home lists the open rounds', async () => {
  const mp = await world.open({ persona: 'resident-zhang', path: 'pages/index/index' })
  await mp.waitForText('2026年幸福社区党组织群众满意度测评')
  expect(mp.wx.cloudInit()).toEqual({ traceUser: true })
  expect(mp.text()).toContain('阳光街道第一组“三评一联”群众评价')
  expect(mp.text()).not.toContain('网络连接失败')
  expect(mp.wx.calls.filter((c) => c.api === 'cloud.callFunction').length).toBeGreaterThan(0)
  expect(mp.errors).toEqual([])
  expect(mp.violations).toEqual([])
})
