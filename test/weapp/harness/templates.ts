/**
 * @module The view layer: every WXML/WXS file of the build compiled by WeChat's own `wcc` (from the
 * npm package miniprogram-compiler) into one `$gwx`, which renders a page's data into a tree, as
 * the mini-program's webview does. Taro's recursive `comp` custom component is rendered in place.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import vm from 'node:vm'

export interface ViewNode {
  tag: string
  attr: Record<string, unknown>
  children: (ViewNode | string)[]
}

/**
 * The package ships wcc without its execute bit and would chmod it in place; node_modules here is
 * hard-linked between worktrees, so run a private executable copy instead.
 */
function wccExecutable(): string {
  const shipped = path.join(path.dirname(require.resolve('miniprogram-compiler/package.json')), 'bin/linux/wcc')
  const copy = path.join(os.tmpdir(), `qunping-wcc-${fs.statSync(shipped).size}`)
  if (!fs.existsSync(copy)) {
    const partial = `${copy}.${process.pid}`
    fs.copyFileSync(shipped, partial)
    fs.chmodSync(partial, 0o755)
    fs.renameSync(partial, copy)
  }
  return copy
}

function filesUnder(root: string, ext: string, dir = ''): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = dir ? `${dir}/${e.name}` : e.name
    return e.isDirectory() ? filesUnder(root, ext, rel) : e.name.endsWith(ext) ? [rel] : []
  })
}

/** Compiles the build's templates once; `render(page, data)` then draws a page as WeChat would. */
export function compileTemplates(root: string) {
  const wxml = filesUnder(root, '.wxml')
  const wxs = filesUnder(root, '.wxs')
  // `0`: no page declares custom components for wcc to check (Taro's `comp` is resolved at render time).
  const out = spawnSync(wccExecutable(), ['-d', '-cc', '0', ...wxml, ...wxs, '-gn', '$gwx'], { cwd: root, maxBuffer: 256 << 20 })
  if (out.status !== 0) throw new Error(`wcc failed: ${out.stderr.toString()}`)
  // The webview's global scope, where wcc's output expects `window`.
  // What wcc's runtime reports while drawing (a template it cannot find) is a broken page, not noise.
  const warnings: string[] = []
  const view = vm.createContext({ console: { ...console, warn: (...args: unknown[]) => warnings.push(args.join(' ')) } })
  view.window = view
  const gwx = vm.runInContext(`${out.stdout.toString()};$gwx`, view, { filename: 'wcc-output.js' }) as (file: string) => (data: unknown, env: object, global: object) => ViewNode

  const toView = vm.runInContext('JSON.parse', view) as (json: string) => unknown

  function draw(file: string, data: unknown): ViewNode {
    const generate = gwx(file)
    if (typeof generate !== 'function') throw new Error(`no template ${file}`)
    return expand(generate(data, {}, {}))
  }

  function expand(node: ViewNode): ViewNode {
    const children = node.children.map((c) => (typeof c === 'string' ? c : c.tag === 'comp' ? { ...c, children: draw('comp.wxml', { i: c.attr.i, l: c.attr.l }).children } : expand(c)))
    return { tag: node.tag, attr: node.attr ?? {}, children }
  }

  return {
    render(page: string, data: unknown): { tree: ViewNode; warnings: string[] } {
      warnings.length = 0
      // Page data crosses WeChat's bridge to the webview as JSON (WXS also rejects objects of another realm).
      const tree = draw(`${page}.wxml`, toView(JSON.stringify(data)))
      return { tree, warnings: [...warnings] }
    },
  }
}

export type Templates = ReturnType<typeof compileTemplates>
