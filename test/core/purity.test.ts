/** The core is bundled into the mini-program and the cloud functions: only zod and dayjs. */
import { readdirSync, readFileSync, statSync } from 'fs'
import { join } from 'path'

const CORE = join(__dirname, '../../src/core')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:from\s+|import\s*\(|require\s*\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1] as string)
}

describe('src/core purity', () => {
  const files = sources(CORE)

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(20)
  })

  it.each(files.map((f) => [f.slice(CORE.length + 1), f]))('%s imports only zod, dayjs and core files', (_, file) => {
    const foreign = imports(file).filter((spec) => !spec.startsWith('.') && spec !== 'zod' && spec !== 'dayjs' && !spec.startsWith('dayjs/plugin/'))
    expect(foreign).toEqual([])
  })

  it('mentions no Taro, React, CloudBase or wx API', () => {
    const offenders = files.filter((f) => /@tarojs|\breact\b|@cloudbase|wx-server-sdk|\bwx\./i.test(readFileSync(f, 'utf8')))
    expect(offenders).toEqual([])
  })

  it('opens every file with a @module comment', () => {
    expect(files.filter((f) => !readFileSync(f, 'utf8').startsWith('/**'))).toEqual([])
    expect(files.filter((f) => !readFileSync(f, 'utf8').slice(0, 300).includes('@module'))).toEqual([])
  })
})
