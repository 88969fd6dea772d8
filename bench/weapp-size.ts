/** @module Weapp package-size bench: builds a bare Taro + React hello-world and QunPing for weapp in production mode, then prints both main-package sizes, their ratio (target ≤ 1.30) and every subpackage against WeChat's 2 MB limit. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const TARGET_RATIO = 1.3
const PACKAGE_LIMIT = 2 * 1024 * 1024

interface Sizes {
  main: number
  subpackages: Record<string, number>
}

/** The hello-world the ratio is measured against: Taro's default React template minus lint/Sass extras. */
function writeBaseline(dir: string): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    browserslist: string[]
    dependencies: Record<string, string>
  }
  // Same Taro/React version ranges and browserslist (which drives Babel's output), so only our code differs.
  const dependencies = Object.fromEntries(
    Object.entries(pkg.dependencies).filter(([name]) => /^(@tarojs\/|react$|react-dom$|@babel\/runtime$)/.test(name)),
  )
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'hello', version: '1.0.0', private: true, browserslist: pkg.browserslist, dependencies }, null, 2),
    'babel.config.js': `module.exports = { presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]] }\n`,
    'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2020', module: 'commonjs', moduleResolution: 'node', jsx: 'react-jsx', strict: true, skipLibCheck: true }, include: ['src', 'config'] }),
    'project.config.json': JSON.stringify({ miniprogramRoot: 'dist/', projectname: 'hello', appid: 'touristappid', compileType: 'miniprogram' }),
    // Our config's compiler settings without NutUI. Persistent cache stays off: through the symlinked
    // node_modules it would share (and thrash) QunPing's production-weapp webpack cache.
    'config/index.ts': `import { defineConfig } from '@tarojs/cli'
export default defineConfig<'webpack5'>({
  projectName: 'hello',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: 'dist',
  framework: 'react',
  compiler: 'webpack5',
  cache: { enable: false },
  mini: { postcss: { pxtransform: { enable: true, config: {} } } },
})
`,
    'src/app.ts': `import type { PropsWithChildren } from 'react'
export default function App({ children }: PropsWithChildren) {
  return children
}
`,
    'src/app.config.ts': `export default defineAppConfig({ pages: ['pages/index/index'] })\n`,
    'src/pages/index/index.tsx': `import { View, Text } from '@tarojs/components'
export default function Index() {
  return (
    <View>
      <Text>Hello world!</Text>
    </View>
  )
}
`,
    'src/index.html': `<!DOCTYPE html><html><head><meta charset="utf-8"><script><%= htmlWebpackPlugin.options.script %></script></head><body><div id="app"></div></body></html>\n`,
  }
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), text)
  }
  // The very same installed packages: identical versions, nothing downloaded.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
}

/** Production weapp build in `cwd`; returns false (after showing the log tail) when it failed. */
function build(label: string, cwd: string, outDir: string): boolean {
  const started = Date.now()
  const run = spawnSync(path.join(cwd, 'node_modules', '.bin', 'taro'), ['build', '--type', 'weapp'], {
    cwd,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  const appJson = path.join(outDir, 'app.json')
  // Taro can log a compile error yet exit 0, and dist/ may hold an older build: insist on a fresh app.json.
  const fresh = fs.existsSync(appJson) && fs.statSync(appJson).mtimeMs >= started - 1000
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (run.status === 0 && fresh) {
    console.log(`built ${label} in ${seconds}s`)
    return true
  }
  const log = `${run.stdout ?? ''}\n${run.stderr ?? ''}${run.error ? `\n${run.error.message}` : ''}`
  console.log(`BUILD FAILED: ${label} (exit ${run.status}, fresh app.json: ${fresh}, ${seconds}s)\n${log.trim().split('\n').slice(-40).join('\n')}`)
  return false
}

/** Bytes per package, counting only what is uploaded (no source maps, no extracted licence comments). */
function measure(outDir: string): Sizes {
  const app = JSON.parse(fs.readFileSync(path.join(outDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => p.root.replace(/^\/+|\/+$/g, ''))
  const sizes: Sizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])) }
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (!/\.(map|LICENSE\.txt)$/.test(entry.name)) {
        const rel = path.relative(outDir, full).split(path.sep).join('/')
        const root = roots.find((r) => rel.startsWith(`${r}/`))
        const bytes = fs.statSync(full).size
        if (root === undefined) sizes.main += bytes
        else sizes.subpackages[root] += bytes
      }
    }
  }
  walk(outDir)
  return sizes
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`

function main(): void {
  const started = Date.now()
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qunping-hello-'))
  let baseline: Sizes | undefined
  let ours: Sizes | undefined
  try {
    writeBaseline(tmp)
    if (build('baseline hello-world', tmp, path.join(tmp, 'dist'))) baseline = measure(path.join(tmp, 'dist'))
    const outDir = path.join(ROOT, 'dist', 'weapp')
    if (build('QunPing', ROOT, outDir)) ours = measure(outDir)
  } finally {
    // Drop the link first so removing the temp dir can never reach the real node_modules.
    fs.rmSync(path.join(tmp, 'node_modules'), { force: true })
    fs.rmSync(tmp, { recursive: true, force: true })
  }

  const rows: [string, string][] = []
  const over: string[] = []
  if (baseline) rows.push(['baseline main (hello-world)', kb(baseline.main)])
  if (ours) {
    rows.push(['QunPing main', kb(ours.main)])
    for (const [root, bytes] of Object.entries(ours.subpackages)) rows.push([`QunPing subpackage ${root}/`, kb(bytes)])
    const [largestName, largest] = [['main', ours.main] as const, ...Object.entries(ours.subpackages)].reduce((a, b) => (b[1] > a[1] ? b : a))
    rows.push(['largest package', `${largestName}: ${kb(largest)} of ${kb(PACKAGE_LIMIT)} (${((largest / PACKAGE_LIMIT) * 100).toFixed(0)}%)`])
    if (largest >= PACKAGE_LIMIT) over.push(`${largestName} reaches 2 MB`)
  }
  if (baseline && ours) {
    const ratio = ours.main / baseline.main
    rows.push(['ratio ours / baseline', `${ratio.toFixed(3)} (target ≤ ${TARGET_RATIO.toFixed(2)})`])
    if (ratio > TARGET_RATIO) over.push(`ratio ${ratio.toFixed(3)} > ${TARGET_RATIO.toFixed(2)}`)
  }
  const width = Math.max(...rows.map(([name]) => name.length))
  console.log(`\n${rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n')}`)
  if (over.length) console.log(`OVER TARGET: ${over.join('; ')}`)
  if (!baseline || !ours) console.log('INCOMPLETE: a build failed, see above')
  console.log(`bench took ${((Date.now() - started) / 1000).toFixed(1)}s`)
  // A benchmark reports; it never fails the caller.
  process.exitCode = 0
}

main()
