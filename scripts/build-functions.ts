/**
 * @module Bundles each cloud function with the shared server code and the domain core into one
 * self-contained folder under dist/functions/<name>/, ready for `tcb fn deploy` or WeChat DevTools.
 */
import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import { FUNCTION_SPECS } from './functions'
import { buildReportFont, REPORT_FONT_FILE } from './report-font'

const root = path.resolve(__dirname, '..')
export const FUNCTIONS_OUT = path.join(root, 'dist', 'functions')
const ROOT_PACKAGE = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }

/** Into `outRoot` (dist/functions unless a test wants its own folder). */
export async function buildFunctions(outRoot = FUNCTIONS_OUT): Promise<void> {
  // Made once, then copied to each function that prints.
  let font: string | undefined
  for (const spec of FUNCTION_SPECS) {
    const outdir = path.join(outRoot, spec.name)
    fs.rmSync(outdir, { recursive: true, force: true })
    await build({
      entryPoints: [path.join(root, 'cloudfunctions', spec.name, 'index.ts')],
      outfile: path.join(outdir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      keepNames: true,
      sourcemap: false,
      logLevel: 'warning',
      legalComments: 'none',
      external: spec.native,
    })
    const dependencies = Object.fromEntries(spec.native.map((name) => [name, ROOT_PACKAGE.dependencies[name]]))
    fs.writeFileSync(path.join(outdir, 'package.json'), JSON.stringify({ name: spec.name, version: '1.0.0', main: 'index.js', private: true, dependencies }, null, 2))
    const triggers = spec.triggers.length > 0 ? { triggers: spec.triggers } : {}
    fs.writeFileSync(path.join(outdir, 'config.json'), JSON.stringify({ permissions: { openapi: spec.openapi }, ...triggers }, null, 2))
    // The CloudBase runtime has no system fonts: what prints ships its own.
    if (spec.prints) {
      fs.mkdirSync(path.join(outdir, 'fonts'))
      const out = path.join(outdir, 'fonts', REPORT_FONT_FILE)
      if (font) fs.copyFileSync(font, out)
      else await buildReportFont((font = out))
    }
  }
}

if (require.main === module) {
  buildFunctions().then(
    () => console.log(`cloud functions bundled into ${path.relative(root, FUNCTIONS_OUT)}/`),
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}
