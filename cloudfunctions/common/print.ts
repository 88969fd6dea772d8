/**
 * @module What printed output needs in a cloud function: the Chinese font (the CloudBase runtime has
 * no system fonts), text it can draw, and an A4 pdfkit document collected into one Buffer.
 */
import emojis from 'emojibase-data/zh/compact.json'
import emojiPattern from 'emojibase-regex'
import type * as Fontkit from 'fontkit'
import fs from 'node:fs'
import path from 'node:path'
import { cloudbase } from './cloudbase'

/**
 * A bundle ships the font beside index.js (scripts/report-font.ts); run from the sources, Debian's
 * Noto Sans CJK collection serves, by face name.
 */
const BUNDLED = { src: path.join(__dirname, 'fonts', 'NotoSansSC-Report.otf'), family: undefined }
const SYSTEM = { src: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' }
export const printFont = () => (fs.existsSync(BUNDLED.src) ? BUNDLED : SYSTEM)

/** Zero-width joiners and variation selectors: they draw nothing themselves. */
const JOINERS = /[\u200d\ufe0e\ufe0f]/g
let face: ReturnType<typeof Fontkit.openSync> | undefined
let names: Map<string, string> | undefined

/** An emoji's Unicode CLDR name in Chinese (a skin tone reads as the emoji itself). */
function emojiName(emoji: string): string | undefined {
  names ??= new Map(emojis.flatMap((e) => [e, ...(e.skins ?? [])].map((v): [string, string] => [v.unicode.replace(JOINERS, ''), e.label])))
  return names.get(emoji.replace(JOINERS, ''))
}

/**
 * Text as the print font can draw it: an emoji the font has no glyph for becomes its name in
 * brackets (👍 → [拇指向上]), never a blank box; symbols the font draws (©, ★) stay as they are.
 */
export function printable(text: string): string {
  const font = printFont()
  // fontkit is loaded with the first text printed, not with every function that can print (a tenth of a second).
  face ??= (require('fontkit') as typeof Fontkit).openSync(font.src, font.family)
  const drawn = (s: string) => [...s].every((c) => face!.hasGlyphForCodePoint(c.codePointAt(0)!))
  return text.replace(new RegExp(emojiPattern.source, 'g'), (emoji) => {
    const bare = emoji.replace(JOINERS, '')
    if (drawn(bare)) return bare
    // The bundled font is cut to GB 2312: a name with a rarer character would print a box in turn.
    const name = emojiName(emoji)
    return `[${name && drawn(name) ? name : '表情'}]`
  })
}

/**
 * An A4 document in the print font; `done` resolves to its bytes once `pdf.end()` is called. pdfkit
 * is loaded on the first document, not with the function: most invocations print nothing.
 */
export async function a4Pdf(options: { title: string; margin: number }): Promise<{ pdf: PDFKit.PDFDocument; done: Promise<Buffer> }> {
  const { default: PDFDocument } = await import('pdfkit')
  // No default font: pdfkit would read Helvetica's metrics from a path a bundle does not have.
  const pdf = new PDFDocument({ size: 'A4', margin: options.margin, font: null as unknown as string, info: { Title: options.title } })
  const font = printFont()
  if (font.family) pdf.font(font.src, font.family)
  else pdf.font(font.src)
  const chunks: Buffer[] = []
  pdf.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })
  return { pdf, done }
}

/** A stored file's temporary URL, as every download is answered. */
export async function tempUrl(fileID: string): Promise<string> {
  const { fileList } = await cloudbase().getTempFileURL({ fileList: [fileID] })
  return (fileList[0] as { tempFileURL: string }).tempFileURL
}

/** Stores a generated file and answers with its temporary URL. */
export async function storedUrl(cloudPath: string, fileContent: Buffer): Promise<{ url: string; fileID: string }> {
  const { fileID } = await cloudbase().uploadFile({ cloudPath, fileContent })
  return { url: await tempUrl(fileID), fileID }
}
