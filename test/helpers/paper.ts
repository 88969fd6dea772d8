/** Paper ballots as an organiser holds them: the printed PDF read back into each ballot's stamp and the units its sheets name. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface Printed { serial: string; check: string; code: string | null; units: string[] }

export async function readPaperPdf(url: string): Promise<Printed[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paper-'))
  try {
    const file = path.join(dir, 'paper.pdf')
    fs.writeFileSync(file, Buffer.from(await (await fetch(url)).arrayBuffer()))
    const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f').map((p) => p.replace(/\s+/g, '')).filter(Boolean)
    const bySerial = new Map<string, Printed>()
    for (const page of pages) {
      const [, serial, check, code] = page.match(/编号(\d{8})校验码(\d{6})(?:邀请码([A-Z0-9]{8}))?/) ?? []
      const unit = page.match(/单位名称：([^评]+?)评价内容/)?.[1]
      if (!serial || !check || !unit) throw new Error(`a page without its stamp or unit: ${page.slice(0, 80)}`)
      const found = bySerial.get(serial) ?? bySerial.set(serial, { serial, check, code: code ?? null, units: [] }).get(serial)!
      found.units.push(unit)
    }
    return [...bySerial.values()]
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
