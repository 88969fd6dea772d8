/** @module One `taro build --type weapp` per test run: reused while it is newer than everything it is built from. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '../../..')
export const WEAPP_DIR = path.join(ROOT, 'dist', 'weapp')

/** What a weapp build reads: sources, Taro config, Babel, dependencies and env files. */
const INPUTS = ['src', 'config', 'babel.config.js', 'tsconfig.json', 'package.json', 'package-lock.json', 'project.config.json', '.env', '.env.local', '.env.production', '.env.production.local']

function newest(at: string): number {
  if (!fs.existsSync(at)) return 0
  const stat = fs.statSync(at)
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs.readdirSync(at).reduce((max, name) => Math.max(max, newest(path.join(at, name))), stat.mtimeMs)
}

export function isFresh(projectDir = ROOT, out = path.join(projectDir, 'dist', 'weapp')): boolean {
  const built = path.join(out, 'app.js')
  if (!fs.existsSync(built)) return false
  return fs.statSync(built).mtimeMs > Math.max(...INPUTS.map((i) => newest(path.join(projectDir, i))))
}

/**
 * Builds as a developer would, with the shell's environment minus the variables whose effect
 * tests check on purpose (`env` sets them explicitly).
 */
export function buildWeapp(projectDir = ROOT, env: Record<string, string> = {}): void {
  const { TARO_APP_CLOUD_ENV: _cloud, TARO_APP_ID: _appid, ...shell } = process.env
  execFileSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], {
    cwd: projectDir,
    env: { ...shell, NODE_ENV: 'production', ...env } as NodeJS.ProcessEnv,
    stdio: 'pipe',
  })
}

/**
 * Builds a copy of the project (sources and config; node_modules linked) with an env file and
 * shell variables of the test's choosing, leaving the worktree's own .env and dist alone.
 * Returns the copy's dist/weapp.
 */
export function buildCopy(dir: string, { shell = {}, dotenv }: { shell?: Record<string, string>; dotenv?: string }): string {
  for (const entry of ['src', 'config', 'types', 'babel.config.js', 'tsconfig.json', 'package.json', 'project.config.json']) {
    fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true })
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  if (dotenv !== undefined) fs.writeFileSync(path.join(dir, '.env'), dotenv)
  buildWeapp(dir, shell)
  return path.join(dir, 'dist', 'weapp')
}

export function ensureWeappBuild(): void {
  if (!isFresh()) buildWeapp()
}
