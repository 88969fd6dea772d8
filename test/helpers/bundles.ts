/**
 * @module The cloud functions bundled once per state of their sources and shared by the suites that
 * need bundles (deploy, function-bundles): each built its own (esbuild three times, the font
 * subset), seconds per suite for identical output. The folder is read-only: a suite that adds to a
 * bundle (its installed dependencies, say) copies it first.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'

const ROOT = path.resolve(__dirname, '../..')
/** What a bundle is made from: the functions and all they import, the build, the locked dependencies, and the system font the print font is cut from. */
const INPUTS = ['cloudfunctions', 'src', 'scripts/build-functions.ts', 'scripts/functions.ts', 'scripts/report-font.ts', 'package-lock.json', 'tsconfig.json']
const SYSTEM_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'

function hashInto(hash: crypto.Hash, at: string): void {
  const stat = fs.statSync(at)
  if (!stat.isDirectory()) {
    hash.update(`${path.relative(ROOT, at)}\0`).update(fs.readFileSync(at))
    return
  }
  for (const name of fs.readdirSync(at).sort()) hashInto(hash, path.join(at, name))
}

/** The bundles of the sources as they are now: built on first use, then found by their inputs' hash. */
export async function sharedBundles(): Promise<string> {
  const hash = crypto.createHash('sha256')
  for (const input of INPUTS) hashInto(hash, path.join(ROOT, input))
  const font = fs.existsSync(SYSTEM_FONT) ? fs.statSync(SYSTEM_FONT) : undefined
  hash.update(`${font?.size}:${font?.mtimeMs}`)
  const dir = path.join(os.tmpdir(), `qunping-bundles-${hash.digest('hex').slice(0, 16)}`)
  if (fs.existsSync(dir)) {
    // Marked as in use, for dropStale.
    fs.utimesSync(dir, new Date(), new Date())
    return dir
  }
  // Built aside and renamed into place, so a reader never sees half a folder; a racing build that finished first wins.
  const partial = fs.mkdtempSync(`${dir}.partial-`)
  await buildFunctions(partial)
  try {
    fs.renameSync(partial, dir)
  } catch (e) {
    if (!fs.existsSync(dir)) throw e
    fs.rmSync(partial, { recursive: true, force: true })
  }
  dropStale(dir)
  return dir
}

/** Bundles of other sources (17 MB each, in memory when the scratch folder is): gone when unused for an hour, so no run still reads them. */
function dropStale(current: string): void {
  const parent = path.dirname(current)
  for (const name of fs.readdirSync(parent)) {
    const at = path.join(parent, name)
    if (!/^qunping-bundles-[0-9a-f]{16}$/.test(name) || at === current) continue
    if (Date.now() - fs.statSync(at).mtimeMs > 3_600_000) fs.rmSync(at, { recursive: true, force: true })
  }
}
