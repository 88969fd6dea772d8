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


/** The shell's environment minus the variables whose effect tests check on purpose (`env` sets them explicitly). */
const shellWithout = (env: Record<string, string>) => {
  const { TARO_APP_CLOUD_ENV: _cloud, TARO_APP_ID: _appid, ...shell } = process.env
  return { ...shell, NODE_ENV: 'production', ...env } as NodeJS.ProcessEnv
}

/** Builds as a developer would. */
export function buildWeapp(projectDir = ROOT, env: Record<string, string> = {}): void {
  // Taro's progress bar and webpack's cache notes can pass execFileSync's 1 MB default.
  execFileSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], { cwd: projectDir, env: shellWithout(env), stdio: 'pipe', maxBuffer: 256 * 1024 ** 2 })
}

/** A copy of the project (sources and config; node_modules linked) with an env file of the test's choosing, leaving the worktree's own .env and dist alone. */
function copyProject(dir: string, dotenv?: string): string {
  for (const entry of ['src', 'config', 'types', 'babel.config.js', 'tsconfig.json', 'package.json', 'project.config.json']) {
    fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true })
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  if (dotenv !== undefined) fs.writeFileSync(path.join(dir, '.env'), dotenv)
  return dir
}

export interface CopyOptions {
  shell?: Record<string, string>
  dotenv?: string
}

/** Builds a copy of the project (see copyProject) with shell variables of the test's choosing; returns the copy's dist/weapp. */
export function buildCopy(dir: string, { shell = {}, dotenv }: CopyOptions): string {
  buildWeapp(copyProject(dir, dotenv), shell)
  return path.join(dir, 'dist', 'weapp')
}

/**
 * What a build of such a copy would hand webpack as `env` (the defines of `process.env.*`, as JSON
 * text) and write as project.config.json, from Taro's own code without the webpack build
 * (harness/taro-inputs.js): seconds instead of a build.
 */
export function buildInputs(dir: string, { shell = {}, dotenv }: CopyOptions): { env: Record<string, string>; projectConfig: { appid: string } } {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'taro-inputs.js')], { cwd: copyProject(dir, dotenv), env: shellWithout(shell), encoding: 'utf8' })
  return JSON.parse(out) as ReturnType<typeof buildInputs>
}

export function ensureWeappBuild(): void {
  if (!isFresh()) buildWeapp()
}
