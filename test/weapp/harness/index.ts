/** @module What a weapp test file needs: the embedded CloudBase seeded with the demo, the compiled templates, and `open()` to launch the bundle. */
import { seedDemo } from '../../../local/demo'
import { FUNCTIONS } from '../../../local/functions'
import type { Runtime } from '../../../local/runtime'
import { startTestRuntime } from '../../helpers/runtime'
import { WEAPP_DIR } from './build'
import { launch, type LaunchOptions, type MiniProgram } from './miniprogram'
import { compileTemplates, type Templates } from './templates'

export { textOf, type MiniProgram } from './miniprogram'

export interface WeappWorld {
  runtime: Runtime
  /** Launches the mini-program as WeChat would for `persona`; closed after the file's tests. */
  open(options: Omit<LaunchOptions, 'root' | 'templates' | 'runtime'>): Promise<MiniProgram>
  close(): Promise<void>
}

export async function startWeappWorld(root = WEAPP_DIR, { demo = true } = {}): Promise<WeappWorld> {
  const runtime = await startTestRuntime()
  if (demo) await seedDemo(FUNCTIONS.organize, runtime.login.openidOf('admin'), undefined, runtime.login.openidOf)
  let templates: Templates | undefined
  const opened: MiniProgram[] = []
  return {
    runtime,
    async open(options) {
      templates ??= compileTemplates(root)
      const mp = await launch({ ...options, root, templates, runtime })
      opened.push(mp)
      return mp
    },
    async close() {
      for (const mp of opened) mp.close()
      await runtime.close()
    },
  }
}
