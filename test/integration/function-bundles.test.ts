/** The deployable bundles are self-contained and behave as the sources do. */
import fs from 'node:fs'
import path from 'node:path'
import { buildFunctions, FUNCTIONS_OUT } from '../../scripts/build-functions'
import { FUNCTION_SPECS } from '../../scripts/functions'
import { startRuntime } from '../../local/runtime'
import { signIn } from '../helpers/runtime'

test('each function bundles into a folder with index.js exporting main, package.json and its open-API permissions', async () => {
  await buildFunctions()
  const functions = Object.fromEntries(
    FUNCTION_SPECS.map((spec) => {
      const dir = path.join(FUNCTIONS_OUT, spec.name)
      const triggers = spec.triggers.length > 0 ? { triggers: spec.triggers } : {}
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual({ permissions: { openapi: spec.openapi }, ...triggers })
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).main).toBe('index.js')
      // The bundle must not reach back into the repository for anything.
      expect(fs.readFileSync(path.join(dir, 'index.js'), 'utf8')).not.toMatch(/require\("(\.\.\/|@cloudbase|zod|dayjs)/)
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return [spec.name, require(path.join(dir, 'index.js')).main]
    }),
  )
  const runtime = await startRuntime({ dataDir: ':memory:', port: 0, functions, devSignIn: true })
  try {
    const zhang = await signIn(runtime, 'resident-zhang')
    expect(await zhang.call('evaluate', { action: 'me' })).toMatchObject({ ok: true, data: { tag: expect.stringMatching(/^[0-9A-F]{8}$/) } })
    const admin = await signIn(runtime, 'admin')
    expect(await admin.call('report', { action: 'dashboard', data: {} })).toMatchObject({ ok: true, data: { notices: ['您管辖范围内暂无可查看的评议'] } })
    // PDFs and posters cannot count on system fonts in CloudBase: the font travels in the bundle.
    for (const printing of ['report', 'organize']) {
      expect(fs.readdirSync(path.join(FUNCTIONS_OUT, printing, 'fonts'))).toEqual(['NotoSansSC-Report.otf'])
      expect(fs.statSync(path.join(FUNCTIONS_OUT, printing, 'fonts', 'NotoSansSC-Report.otf')).size).toBeLessThan(3_000_000)
    }
    // The poster's canvas is native: CloudBase installs it from the bundle's package.json.
    expect(JSON.parse(fs.readFileSync(path.join(FUNCTIONS_OUT, 'organize', 'package.json'), 'utf8')).dependencies).toEqual({ '@napi-rs/canvas': expect.any(String) })
  } finally {
    await runtime.close()
  }
})
