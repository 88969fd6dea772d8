/**
 * What the organiser prints and forwards: 打印邀请码 from the round's code panel gives a PDF of slips
 * (rendered with pdftoppm and kept as screenshots), and a grid's 海报 opens as an image in H5 and
 * decodes to its round and channel.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { browserPool, button, pickPersona, productUrl, SCREENSHOTS, screenshot } from './browser'

const browsers = browserPool()
afterAll(() => browsers.close())

async function adminOn(roundId: string) {
  const page = await browsers.newPage()
  await page.goto(productUrl())
  await pickPersona(page, '系统管理员')
  await page.locator('.home__redeem').waitFor()
  await page.goto(`${productUrl()}/#/organizer/pages/round/index?roundId=${roundId}`)
  return page
}

test('打印邀请码 opens a PDF of slips, one per code of the 三评一联 round, that prints as cut-out slips', async () => {
  const page = await adminOn('demo-sanping')
  await page.locator('.codes').scrollIntoViewIfNeeded()
  await screenshot(page, 'print-01-code-panel')
  const asked = page.waitForResponse((r) => r.url().endsWith('/api/organize') && (r.request().postData() ?? '').includes('"codeSlips"'))
  const [download, answer] = await Promise.all([page.waitForEvent('download'), asked, button(page, '全部（PDF）').click()])
  const { data } = (await answer.json()) as { data: { url: string; slips: number } }
  // H5 downloads the PDF under a name that says what it is.
  expect(download.suggestedFilename()).toMatch(/\.pdf$/)
  const pdf = Buffer.from(await (await fetch(data.url)).arrayBuffer())
  const file = path.join(SCREENSHOTS, 'print-02-slips.pdf')
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  fs.writeFileSync(file, pdf)
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
  const codes = (await page.locator('.codes__code').allInnerTexts()).map((c) => c.trim())
  expect(codes.length).toBe(data.slips)
  for (const c of codes) expect(text).toContain(c)
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, path.join(SCREENSHOTS, 'print-02-slips-page')])
})

test('a grid\'s 海报 shows the poster, 打开 views it as an image, and it decodes to the round and that grid', async () => {
  const page = await adminOn('demo-community')
  const channel = page.locator('.share__channel', { hasText: '第二网格居民群' })
  await channel.scrollIntoViewIfNeeded()
  await channel.locator('.nut-button', { hasText: '海报' }).click()
  const image = channel.locator('.share__poster img')
  await image.waitFor()
  const url = await image.getAttribute('src')
  const png = PNG.sync.read(Buffer.from(await (await fetch(url ?? '')).arrayBuffer()))
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? ''
  const scene = decoded.split('scene=')[1]
  await screenshot(page, 'print-03-poster-in-panel')
  await channel.locator('.nut-button', { hasText: '打开' }).click()
  await page.locator('.taro-preview-image, [class*=preview] img').first().waitFor()
  await screenshot(page, 'print-04-poster-opened')
  const resolved = await page.evaluate((s) => fetch('/api/evaluate', { method: 'POST', body: JSON.stringify({ action: 'resolveScene', data: { scene: s } }) }).then((r) => r.json()), scene)
  expect(resolved).toEqual({ ok: true, data: { roundId: 'demo-community', channel: 'grid-2', code: null } })
})
