/** The mini-program builds, and WeChat DevTools finds every page it declares. */
import fs from 'node:fs'
import path from 'node:path'
import { ensureWeappBuild } from '../weapp/harness/build'

const root = path.resolve(__dirname, '../..')
const out = path.join(root, 'dist', 'weapp')

test('taro build --type weapp produces app.json and the files of every page, each package under 2 MB and all under 30 MB', () => {
  // The weapp project's globalSetup usually built it already this run.
  ensureWeappBuild()
  const app = JSON.parse(fs.readFileSync(path.join(out, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: { root: string; pages: string[] }[] }
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}${s.root.endsWith('/') ? '' : '/'}${p}`))]
  expect(pages.length).toBeGreaterThan(0)
  for (const page of pages) {
    for (const ext of ['.js', '.json', '.wxml']) expect(fs.existsSync(path.join(out, `${page}${ext}`))).toBe(true)
  }
  const project = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8'))
  expect(project).toMatchObject({ miniprogramRoot: 'dist/weapp/', cloudfunctionRoot: 'dist/functions/', appid: 'touristappid' })
  // WeChat's limits: 2 MB per package (the main one and each subpackage), 30 MB for all of them.
  const roots = (app.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const sizeOf = (dir: string, skip: string[] = []): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
      const at = path.join(dir, e.name)
      if (skip.some((r) => at === path.join(out, r))) return sum
      return sum + (e.isDirectory() ? sizeOf(at) : fs.statSync(at).size)
    }, 0)
  const packages = { main: sizeOf(out, roots), ...Object.fromEntries(roots.map((r) => [r, sizeOf(path.join(out, r))])) }
  expect(roots.length).toBeGreaterThan(0)
  for (const [name, size] of Object.entries(packages)) expect({ name, under2MB: size < 2 * 1024 * 1024 }).toEqual({ name, under2MB: true })
  expect(sizeOf(out)).toBeLessThan(30 * 1024 * 1024)
})
