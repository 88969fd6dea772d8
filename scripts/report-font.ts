/**
 * @module The PDF report's font, made at build time: the Simplified Chinese face of Debian's Noto
 * Sans CJK (fonts-noto-cjk) cut down to most of GB 2312 and ASCII, small enough to ship in the report
 * function's bundle. pdfkit subsets it again to the glyphs each report uses.
 */
import * as fontkit from 'fontkit'
import fs from 'node:fs'
import subsetFont from 'subset-font'

const SOURCE_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
export const REPORT_FONT_FILE = 'NotoSansSC-Report.otf'
const FACE = 'NotoSansCJKsc-Regular'

/** One face of a TrueType collection as a standalone sfnt: its tables copied out, offsets rewritten. */
function extractFace(ttc: Buffer, postscriptName: string): Buffer {
  const collection = fontkit.create(ttc) as unknown as { fonts: { postscriptName: string }[] }
  const index = collection.fonts.findIndex((f) => f.postscriptName === postscriptName)
  if (index < 0) throw new Error(`${postscriptName} is not in the collection`)
  const dir = ttc.readUInt32BE(12 + 4 * index)
  const numTables = ttc.readUInt16BE(dir + 4)
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = dir + 12 + 16 * i
    return { record: ttc.subarray(at, at + 16), offset: ttc.readUInt32BE(at + 8), length: ttc.readUInt32BE(at + 12) }
  })
  const header = Buffer.from(ttc.subarray(dir, dir + 12 + 16 * numTables))
  const bodies: Buffer[] = []
  let offset = header.length
  tables.forEach((t, i) => {
    header.writeUInt32BE(offset, 12 + 16 * i + 8)
    const padded = Buffer.alloc(Math.ceil(t.length / 4) * 4)
    ttc.copy(padded, 0, t.offset, t.offset + t.length)
    bodies.push(padded)
    offset += padded.length
  })
  return Buffer.concat([header, ...bodies])
}

/**
 * GB 2312's symbols, all 3 755 level-1 hanzi and the first 2 160 level-2 ones (rows A1–DF of its
 * 94 × 94 grid), and printable ASCII: 5 900 characters, 2.3 MB. harfbuzz (wasm) fails on the whole
 * grid, hence the cut; a rarer character prints as a blank box.
 */
function gb2312(): string {
  const decoder = new TextDecoder('gb18030')
  let text = ''
  for (let i = 0x20; i < 0x7f; i++) text += String.fromCharCode(i)
  for (let hi = 0xa1; hi <= 0xdf; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) text += decoder.decode(Uint8Array.of(hi, lo))
  return text.replace(/\uFFFD/g, '')
}

export async function buildReportFont(out: string): Promise<void> {
  const face = extractFace(fs.readFileSync(SOURCE_FONT), FACE)
  fs.writeFileSync(out, await subsetFont(face, gb2312(), { targetFormat: 'sfnt' }))
}
