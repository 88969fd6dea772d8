/**
 * @module The WeChat open APIs our functions call through CloudBase (`wx.api` JSON, `wx.openApi`
 * multipart), answered locally:
 * - wxacode.getUnlimited: a real QR PNG whose content is the local H5 URL of `page?scene=…`,
 *   with WeChat's limits on scene and page enforced.
 * - security.msgSecCheck (v2): text containing a word from the local risky-word list (env
 *   LOCAL_RISKY_WORDS, comma separated, default below) is `risky`; everything else `pass`.
 * - subscribeMessage.send: checked as WeChat checks its shape (touser, template_id, each data value
 *   within 20 characters for thing/name, a page without a leading slash) and recorded, so tests
 *   can read who was told what.
 */
import QRCode from 'qrcode'
import { z } from 'zod'
import { invalidParam } from './errors'

const DEFAULT_RISKY_WORDS = ['赌博', '代开发票', '色情', '枪支', '毒品']
const riskyWords = () =>
  (process.env.LOCAL_RISKY_WORDS?.split(',').map((w) => w.trim()).filter(Boolean) ?? DEFAULT_RISKY_WORDS)

const unlimitedQr = z.object({
  scene: z.string().min(1).max(32).regex(/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/),
  page: z.string().regex(/^[^?#]+$/, 'page must not carry parameters').optional(),
  width: z.number().int().min(280).max(1280).optional(),
})

const msgSecCheck = z.object({
  version: z.literal(2),
  openid: z.string().min(1),
  scene: z.number().int().min(1).max(4),
  content: z.string().max(2500),
})

const subscribeMessage = z.object({
  touser: z.string().min(1),
  template_id: z.string().min(1),
  page: z.string().regex(/^[^/]/, 'page must not start with /').optional(),
  data: z.record(z.string().regex(/^[a-z_]+\d+$/), z.object({ value: z.string().min(1) })),
  miniprogram_state: z.enum(['developer', 'trial', 'formal']).optional(),
  lang: z.string().optional(),
})
export type SentMessage = z.infer<typeof subscribeMessage> & { at: number }

/** WeChat's limits on a data value, by the keyword's kind (thing ≤ 20 characters, name ≤ 10, …). */
const VALUE_LIMITS: Record<string, number> = { thing: 20, name: 10, phrase: 5, date: 40, time: 40 }

export type OpenApiAnswer = { json: unknown } | { png: Buffer }

const API_ALIASES: Record<string, string> = {
  '/wxa/getwxacodeunlimit': 'wxacode.getUnlimited',
  '/wxa/msg_sec_check': 'security.msgSecCheck',
  '/cgi-bin/message/subscribe/send': 'subscribeMessage.send',
}

export async function callOpenApi(apiName: string, requestData: unknown, publicUrl: string, sent: SentMessage[] = []): Promise<OpenApiAnswer> {
  const api = API_ALIASES[apiName] ?? apiName
  if (api === 'subscribeMessage.send') {
    const p = subscribeMessage.safeParse(requestData)
    if (!p.success) return { json: { errcode: 47003, errmsg: `argument invalid: ${p.error.issues[0]?.message}` } }
    const tooLong = Object.entries(p.data.data).find(([key, { value }]) => value.length > (VALUE_LIMITS[key.replace(/\d+$/, '')] ?? 20))
    if (tooLong) return { json: { errcode: 47003, errmsg: `argument invalid! data.${tooLong[0]}.value too long` } }
    sent.push({ ...p.data, at: Date.now() })
    return { json: { errcode: 0, errmsg: 'ok' } }
  }
  if (api === 'wxacode.getUnlimited') {
    const p = unlimitedQr.safeParse(requestData)
    if (!p.success) return { json: { errcode: 40169, errmsg: `invalid scene or page: ${p.error.issues[0]?.message}` } }
    const page = p.data.page ?? 'pages/index/index'
    const content = `${publicUrl}/#/${page}?scene=${encodeURIComponent(p.data.scene)}`
    // A QR code is flat colour, so pngjs's adaptive row filter gains nothing; it also runs ~300×
    // slower inside jest's VM sandbox (6 s a code), which made every poster test crawl.
    const rendererOpts = { filterType: 0 } as QRCode.QRCodeToBufferOptions['rendererOpts']
    return { png: await QRCode.toBuffer(content, { type: 'png', width: p.data.width ?? 430, margin: 2, rendererOpts }) }
  }
  if (api === 'security.msgSecCheck') {
    const p = msgSecCheck.safeParse(requestData)
    if (!p.success) return { json: { errcode: 47001, errmsg: `data format error: ${p.error.issues[0]?.message}` } }
    const hit = riskyWords().find((w) => p.data.content.includes(w))
    const result = hit ? { suggest: 'risky', label: 20001 } : { suggest: 'pass', label: 100 }
    return { json: { errcode: 0, errmsg: 'ok', result, detail: [{ strategy: 'content_model', errcode: 0, ...result, keyword: hit ?? '' }], trace_id: `local-${Date.now()}` } }
  }
  throw invalidParam(`open API ${apiName} is not supported by the local CloudBase`)
}
