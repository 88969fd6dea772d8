/**
 * The resident's path in the weapp bundle, end to end on the real functions: a share card (with its
 * channel) or a poster's QR scene opens the round; she rates every target, submits, sees her
 * receipts, comes back to 已评, and redeems an invitation code from a roster slip.
 */
import { DEMO_BRANCHES, expectClean, rateEveryBranch } from './flows'
import { startWeappWorld, type WeappWorld } from './harness'

let world: WeappWorld
beforeAll(async () => {
  world = await startWeappWorld()
})
afterAll(() => world.close())

test('张阿姨 opens the share card of grid 1, rates all four branches, gets a receipt for each, and sees 已评 when she comes back', async () => {
  const mp = await world.open({ persona: 'resident-zhang', path: 'pages/round/index?roundId=demo-community&channel=grid-1', scene: 1007 })
  const receipt = await rateEveryBranch(mp)
  expect(mp.pages()).toEqual([
    { route: 'pages/round/index', options: { roundId: 'demo-community', channel: 'grid-1' } },
    // As WeChat hands them over: still percent-encoded, as the round page wrote them.
    { route: 'pages/ballot/index', options: { roundId: 'demo-community', channel: 'grid-1', targets: 'b1%2Cb2%2Cb3%2Cb4' } },
  ])
  for (const name of DEMO_BRANCHES) expect(receipt).toContain(name)
  expect(receipt.match(/已提交回执编号 [0-9A-Z-]+/g)).toHaveLength(4)
  expectClean(mp)

  // She opens the card again later: every branch says 已评 and nothing offers a second ballot.
  const again = await world.open({ persona: 'resident-zhang', path: 'pages/round/index?roundId=demo-community&channel=grid-1', scene: 1007 })
  const shown = await again.waitForText('已评')
  expect(shown.match(/已评/g)).toHaveLength(4)
  expect(shown).not.toContain('开始评议')
  expectClean(again)
})

test('李大爷 scans grid 2\'s poster: the QR scene (≤ 32 characters) opens that round, attributed to grid 2', async () => {
  const { scene } = await world.call<{ scene: string }>('organizer', 'organize', 'sharePoster', { roundId: 'demo-community', channelId: 'grid-2' })
  expect(scene.length).toBeLessThanOrEqual(32)
  const mp = await world.open({ persona: 'resident-li', path: `pages/index/index?scene=${scene}`, scene: 1047 })
  await mp.waitForText('您以“社区居民”身份参评')
  expect(mp.pages()).toEqual([{ route: 'pages/round/index', options: { roundId: 'demo-community', channel: 'grid-2' } }])
  expect(mp.wx.calls.some((c) => c.api === 'redirectTo')).toBe(true)
  expectClean(mp)
})

test('王小明 redeems a roster code from a slip and lands on the 三评一联 round he may now rate', async () => {
  const { code } = world.demoCodes[0]
  const mp = await world.open({ persona: 'resident-wang', path: 'pages/index/index' })
  await mp.waitForText('输入邀请码')
  mp.tap('输入邀请码')
  await mp.waitForText('参加评议的邀请码、工作人员邀请码和初始化码都在这里输入')
  expect(mp.pages().map((p) => p.route)).toEqual(['pages/index/index', 'organizer/pages/redeem/index'])
  mp.input('请输入收到的邀请码', code)
  await mp.waitFor(() => mp.find((n) => n.attr.placeholder === '请输入收到的邀请码' && n.attr.value !== '').length === 1, 'the code in the field')
  mp.tap(/^确定$/)
  await mp.waitForText('阳光街道第一组“三评一联”群众评价')
  expect(mp.pages().map((p) => p.route)).toEqual(['pages/index/index', 'pages/round/index'])
  expect(mp.page.options).toEqual({ roundId: 'demo-sanping' })
  expectClean(mp)
})
