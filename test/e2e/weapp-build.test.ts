/** The mini-program builds, and WeChat DevTools finds every page it declares. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')
const out = path.join(root, 'dist', 'weapp')

test('taro build --type weapp produces app.json and the files of every page, under the 2 MB package limit', () => {
  execFileSync(path.join(root, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'ignore' })
  const app = JSON.parse(fs.readFileSync(path.join(out, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: { root: string; pages: string[] }[] }
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}${s.root.endsWith('/') ? '' : '/'}${p}`))]
  expect(pages.length).toBeGreaterThan(0)
  for (const page of pages) {
    for (const ext of ['.js', '.json', '.wxml']) expect(fs.existsSync(path.join(out, `${page}${ext}`))).toBe(true)
  }
  const project = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8'))
  expect(project).toMatchObject({ miniprogramRoot: 'dist/weapp/', cloudfunctionRoot: 'dist/functions/', appid: 'touristappid' })
  const sizeOf = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? sizeOf(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size), 0)
  expect(sizeOf(out)).toBeLessThan(2 * 1024 * 1024)
})
