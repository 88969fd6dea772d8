/** A resident scans a grid's QR poster: the short scene leads to the round, attributed to that grid. */
import { browserPool, pickPersona, productUrl, screenshot } from './browser'

const browsers = browserPool()
afterAll(() => browsers.close())

async function posterScene(): Promise<string> {
  const login = await fetch(`${productUrl()}/__dev/login`, { method: 'POST', body: JSON.stringify({ persona: 'admin' }) })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
  const res = await fetch(`${productUrl()}/api/organize`, {
    method: 'POST',
    headers: { cookie },
    body: JSON.stringify({ action: 'sharePoster', data: { roundId: 'demo-community', channelId: 'grid-2' } }),
  })
  const answer = (await res.json()) as { ok: boolean; data: { scene: string } }
  expect(answer.ok).toBe(true)
  return answer.data.scene
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
