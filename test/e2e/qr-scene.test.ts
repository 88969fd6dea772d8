/** A resident scans a grid's QR poster: the short scene leads to the round, attributed to that grid. */
import { browserPool, callAs, pickPersona, productUrl, screenshot } from './browser'

const browsers = browserPool()
afterAll(() => browsers.close())

async function posterScene(): Promise<string> {
  return (await callAs<{ scene: string }>('admin', 'organize', 'sharePoster', { roundId: 'demo-community', channelId: 'grid-2' })).scene
}

test('opening the mini-program with a poster\'s scene lands on its round, shared through its grid', async () => {
  const scene = await posterScene()
  const page = await browsers.newPage()
  await page.goto(productUrl())
  await pickPersona(page, '王小明')
  await page.locator('.home__redeem').waitFor()
  await page.goto(`${productUrl()}/#/pages/index/index?scene=${scene}`)
  await page.getByText('由 第二网格居民群 转发').waitFor()
  expect(page.url()).toContain('pages/round/index?roundId=demo-community&channel=grid-2')
  await screenshot(page, 'qr-scene-01-round-from-poster')
})
