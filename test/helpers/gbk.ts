/** @module GBK bytes of a text, as Excel in China saves a CSV, found by asking the platform's GB18030 decoder. */

let table: Map<string, number[]> | null = null

function gbkTable(): Map<string, number[]> {
  if (table) return table
  const decoder = new TextDecoder('gb18030')
  table = new Map()
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) if (lo !== 0x7f) table.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo])
  return table
}

export function gbk(text: string): Buffer {
  const bytes = [...text].flatMap((ch) => {
    const code = ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : gbkTable().get(ch)
    // A character outside GBK would vanish silently and make a test pass for the wrong reason.
    if (!code) throw new Error(`${ch} is outside GBK`)
    return code
  })
  return Buffer.from(bytes)
}
