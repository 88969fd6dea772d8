/** @module What a weapp test file needs: the embedded CloudBase seeded with the demo, the compiled templates, and `open()` to launch the bundle. */
import { type DemoCodes, seedDemo } from '../../../local/demo'
import { FUNCTIONS } from '../../../local/functions'
import { functionContext } from '../../../local/gateway'
import type { Runtime } from '../../../local/runtime'
import { startTestRuntime } from '../../helpers/runtime'
import { WEAPP_DIR } from './build'
import { launch, type LaunchOptions, type MiniProgram } from './miniprogram'
import { compileTemplates, type Templates } from './templates'

export type { MiniProgram } from './miniprogram'

export interface WeappWorld {
  runtime: Runtime
  /** The 三评一联 round's roster codes the demo made (empty without the demo). */
  demoCodes: DemoCodes[]
  /** Launches the mini-program as WeChat would for `persona`; closed after the file's tests. */
  open(options: Omit<LaunchOptions, 'root' | 'templates' | 'runtime'>): Promise<MiniProgram>
  /** Launches another build (a fixture) against the same CloudBase. */
  openAt(root: string, options: Omit<LaunchOptions, 'root' | 'templates' | 'runtime'>): Promise<MiniProgram>
  /** A cloud function call as `persona`, outside the mini-program (setting the scene for a test); a refusal throws. */
  call<T = Record<string, unknown>>(persona: string, fn: string, action: string, data: unknown): Promise<T>
  close(): Promise<void>
}

export async function startWeappWorld(root = WEAPP_DIR, { demo = true } = {}): Promise<WeappWorld> {
  const runtime = await startTestRuntime()
  const demoCodes = (demo && (await seedDemo(FUNCTIONS.organize, runtime.login.openidOf('admin'), undefined, runtime.login.openidOf))) || []
  let templates: Templates | undefined
  const opened: MiniProgram[] = []
  return {
    runtime,
    demoCodes,
    async open(options) {
      templates ??= compileTemplates(root)
      const mp = await launch({ ...options, root, templates, runtime })
      opened.push(mp)
      return mp
    },
    async openAt(other, options) {
      const mp = await launch({ ...options, root: other, templates: compileTemplates(other), runtime })
      opened.push(mp)
      return mp
    },
    async call<T>(persona: string, fn: string, action: string, data: unknown) {
      const answer = (await FUNCTIONS[fn]({ action, data }, functionContext(fn, runtime.login.openidOf(persona)))) as { ok: boolean; data: T; error?: { code: string } }
      if (!answer.ok) throw new Error(`${fn}.${action} as ${persona}: ${answer.error?.code}`)
      return answer.data
    },
    async close() {
      for (const mp of opened) await mp.close()
      await runtime.close()
    },
  }
}
