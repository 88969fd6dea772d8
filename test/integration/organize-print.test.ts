/** 打印邀请码 slips and the QR poster: what a 督导组 hands out and what a grid forwards, read back as a person would. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Runtime } from '../../local/runtime'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

// Run from the sources, each PDF embeds from the 19.5 MB system font collection: seconds per print on a shared machine.
jest.setTimeout(180_000)

let runtime: Runtime
let admin: Session
let roundId: string
let dir: string
const TITLE = '幸福街道2026年度三评一联'
const organize = <T = Record<string, unknown>>(s: Session, action: string, data: unknown) => s.call<Answer<T>>('organize', { action, data })
const download = async (url: string, name: string) => {
  const file = path.join(dir, name)
  fs.writeFileSync(file, Buffer.from(await (await fetch(url)).arrayBuffer()))
  return file
}
const qrText = (png: Buffer) => {
  const image = PNG.sync.read(png)
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data
}
/** The scenes of a PDF's mini-program codes, in print order (the masks beside them decode to nothing). */
const codesIn = (pdf: string, prefix: string) => {
  execFileSync('pdfimages', ['-png', pdf, path.join(dir, prefix)])
  const files = fs.readdirSync(dir).filter((f) => f.startsWith(`${prefix}-`)).sort()
  return files.map((f) => qrText(fs.readFileSync(path.join(dir, f)))).filter(Boolean).map(sceneOf)
}
const sceneOf = (text: string | undefined) => new URL(text ?? 'http://x/').hash.split('scene=')[1]

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-print-'))
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  await organize(admin, 'createUnit', { id: 'st', name: '幸福街道', parentId: null, kind: 'street' })
  for (const [id, name] of [['ua', '甲单位'], ['ub', '乙单位']]) await organize(admin, 'createUnit', { id, name, parentId: 'st', kind: 'unit' })
  roundId = data(await organize<{ roundId: string }>(admin, 'createRound', {
    templateId: 'sanping-yilian', ownerUnitId: 'st', title: TITLE, window: { opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() },
    targets: [{ id: 'ua', name: '甲单位', kind: 'unit', unitId: 'ua' }, { id: 'ub', name: '乙单位', kind: 'unit', unitId: 'ub' }],
    groups: [{ id: 'g', name: '第一组', leadUnitId: 'ua', unitIds: ['ua', 'ub'] }],
    reports: { ua: '甲单位情况报告', ub: '乙单位情况报告' },
  })).roundId
})
afterAll(async () => {
  await runtime.close()
  if (!process.env.KEEP_PRINTS) fs.rmSync(dir, { recursive: true, force: true })
  else console.log(`prints kept in ${dir}`)
})

describe('打印邀请码', () => {
  let codes: { code: string; name: string | null; unitId: string; categoryId: string }[]

  beforeAll(async () => {
    const people = Array.from({ length: 9 }, (_, i) => `${['张', '李', '王'][i % 3]}参评${i + 1},${i < 6 ? '甲单位' : '乙单位'},单位参评人员`)
    const csv = `姓名,单位,类别\n${people.join('\n')}\n`
    data(await organize(admin, 'importRoster', { roundId, fileName: '名单.csv', base64: Buffer.from(csv).toString('base64') }))
    const { categoryId } = data(await organize<{ codes: typeof codes }>(admin, 'listCodes', { roundId })).codes[0]
    data(await organize(admin, 'sharedCode', { roundId, categoryId, unitId: 'ub', maxUses: 20 }))
    data(await organize(admin, 'sharedCode', { roundId, categoryId: 'all-round', unitId: 'ua', maxUses: 5 }))
    codes = data(await organize<{ codes: typeof codes }>(admin, 'listCodes', { roundId })).codes
  })

  test('one slip per code on A4 pages of eight, each with the round\'s title, the code and how to use it', async () => {
    const { url, slips } = data(await organize<{ url: string; slips: number }>(admin, 'codeSlips', { roundId }))
    expect(slips).toBe(11)
    const pdf = await download(url, 'slips.pdf')
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+2\n[\s\S]*Page size:\s+595\.2\d x 841\.8\d pts \(A4\)/)
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    for (const c of codes) expect(text).toContain(c.code)
    expect(text.split(TITLE).length - 1).toBe(11)
    expect(text.split('输入邀请码').length - 1).toBe(11)
    expect(text).toMatch(/^张参评1$/m)
    expect(text).toMatch(/^共用码 · 可用 20 次$/m)
    expect(text).toMatch(/^乙单位$/m)
    // Each slip's mini-program code is an image of its own (beside its transparency mask).
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2)
    expect(images.filter((line) => /^\s*\d+\s+\d+\s+image\s/.test(line))).toHaveLength(11)
  })

  test('a slip\'s mini-program code leads to its round with its code, the same scene when printed again; one unit\'s slips are only its own', async () => {
    const first = await download(data(await organize<{ url: string }>(admin, 'codeSlips', { roundId, unitId: 'ua' })).url, 'ua.pdf')
    const text = execFileSync('pdftotext', [first, '-'], { encoding: 'utf8' })
    const ua = codes.filter((c) => c.unitId === 'ua')
    for (const c of codes) expect(text.includes(c.code)).toBe(c.unitId === 'ua')
    const scenes = codesIn(first, 'qr')
    expect(new Set(scenes).size).toBe(ua.length)
    expect(data(await organize(admin, 'openRound', { roundId }))).toEqual({ state: 'open', blockers: [] })
    const resident = await signIn(runtime, 'resident-zhang')
    const resolved = await Promise.all(scenes.map(async (scene) => data(await resident.call<Answer<{ roundId: string; code: string | null }>>('evaluate', { action: 'resolveScene', data: { scene } }))))
    expect(resolved).toEqual(ua.map((c) => ({ roundId, channel: null, code: c.code })))

    const again = await download(data(await organize<{ url: string }>(admin, 'codeSlips', { roundId, unitId: 'ua' })).url, 'ua-again.pdf')
    expect(codesIn(again, 'again')).toEqual(scenes)
    // One scene per code however often the slips are printed (all codes were printed once above).
    expect(runtime.cloudbase.store.collection('scenes').size).toBe(codes.length)
  })

  test('a person\'s code is printed whether or not it was used, a voided one or a used-up shared code is not; a stranger, a hostile round id or unit id get a refusal or nothing', async () => {
    const resident = await signIn(runtime, 'resident-li')
    const [spent, voided] = codes.filter((c) => c.unitId === 'ua' && c.name !== null)
    data(await resident.call<Answer>('evaluate', { action: 'redeem', data: { code: spent.code } }))
    data(await organize(admin, 'voidCode', { roundId, code: voided.code }))
    const once = data(await organize<{ code: string }>(admin, 'sharedCode', { roundId, categoryId: 'all-round', unitId: 'ua', maxUses: 1 }))
    data(await (await signIn(runtime, 'resident-wang')).call<Answer>('evaluate', { action: 'redeem', data: { code: once.code } }))
    const { url, slips } = data(await organize<{ url: string; slips: number }>(admin, 'codeSlips', { roundId, unitId: 'ua' }))
    expect(slips).toBe(codes.filter((c) => c.unitId === 'ua').length - 1)
    const text = execFileSync('pdftotext', [await download(url, 'spent.pdf'), '-'], { encoding: 'utf8' })
    expect(text).toContain(spent.code)
    expect(text).not.toContain(voided.code)
    expect(text).not.toContain(once.code)
    expect(await organize(resident as Session, 'codeSlips', { roundId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await organize(admin, 'codeSlips', { roundId: 'no-such-round' })).toMatchObject({ ok: false, error: { code: 'ROUND_NOT_FOUND' } })
    expect(data(await organize<{ slips: number }>(admin, 'codeSlips', { roundId, unitId: 'no-such-unit' })).slips).toBe(0)
    for (const hostile of ['toString', '__proto__', '$gt']) {
      expect(await organize(admin, 'codeSlips', { roundId: hostile })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
      expect(await organize(admin, 'codeSlips', { roundId, unitId: hostile })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    }
  })
})

describe('the QR poster', () => {
  test('a PNG with the title, channel and a code that decodes to its round and channel; asked again, the same scene and file', async () => {
    const { channel } = data(await organize<{ channel: { id: string } }>(admin, 'addChannel', { roundId, name: '第三网格居民群' }))
    const poster = data(await organize<{ url: string; scene: string }>(admin, 'sharePoster', { roundId, channelId: channel.id }))
    const png = Buffer.from(await (await fetch(poster.url)).arrayBuffer())
    fs.writeFileSync(path.join(dir, 'poster.png'), png)
    const image = PNG.sync.read(png)
    expect(image.height).toBeGreaterThan(image.width)
    expect(sceneOf(qrText(png))).toBe(poster.scene)
    const resident = await signIn(runtime, 'resident-wang')
    expect(data(await resident.call<Answer>('evaluate', { action: 'resolveScene', data: { scene: poster.scene } }))).toEqual({ roundId, channel: channel.id, code: null })

    const again = data(await organize<{ url: string; scene: string }>(admin, 'sharePoster', { roundId, channelId: channel.id }))
    expect(again.scene).toBe(poster.scene)
    expect(new URL(again.url).pathname).toBe(new URL(poster.url).pathname)
    expect(Buffer.from(await (await fetch(again.url)).arrayBuffer()).equals(png)).toBe(true)
  })

  test('a renamed round gets a redrawn poster on the same scene', async () => {
    const { channel } = data(await organize<{ channel: { id: string } }>(admin, 'addChannel', { roundId, name: '第四网格居民群' }))
    const first = data(await organize<{ url: string; scene: string }>(admin, 'sharePoster', { roundId, channelId: channel.id }))
    const before = Buffer.from(await (await fetch(first.url)).arrayBuffer())
    data(await organize(admin, 'updateRound', { roundId, patch: { title: `${TITLE}（延长）` } }))
    const renamed = data(await organize<{ url: string; scene: string }>(admin, 'sharePoster', { roundId, channelId: channel.id }))
    expect(renamed.scene).toBe(first.scene)
    expect(Buffer.from(await (await fetch(renamed.url)).arrayBuffer()).equals(before)).toBe(false)
    expect([...runtime.cloudbase.store.collection('scenes').values()].filter((e) => (e.doc as { channelId?: string }).channelId === channel.id)).toHaveLength(1)
  })

  test('a channel not of the round, or a hostile one, is refused and draws nothing', async () => {
    const before = runtime.cloudbase.store.collection('scenes').size
    expect(await organize(admin, 'sharePoster', { roundId, channelId: 'ch-none' })).toMatchObject({ ok: false, error: { code: 'CHANNEL_UNKNOWN' } })
    for (const channelId of ['__proto__', 'toString', '$gt']) {
      expect(await organize(admin, 'sharePoster', { roundId, channelId })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    }
    expect(runtime.cloudbase.store.collection('scenes').size).toBe(before)
  })
})
