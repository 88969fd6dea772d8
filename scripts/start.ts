/**
 * @module `npm start`: build the H5 app, then serve the whole product (embedded CloudBase, function
 * gateway, H5) on one port of 127.0.0.1, with data kept in a local folder across restarts.
 *
 * Environment: PORT (default 5180; 0 picks a free one), QUNPING_DATA (default .data/),
 * QUNPING_SKIP_BUILD=1 to serve an H5 build that already exists.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { FUNCTIONS } from '../local/functions'
import { seedDemo } from '../local/demo'
import { castDemoBallots } from '../local/demoBallots'
import { demoGuide } from '../local/demoGuide'
import { ADMIN_PERSONA } from '../local/devlogin'
import { startRuntime } from '../local/runtime'

const root = path.resolve(__dirname, '..')

async function main() {
  if (process.env.QUNPING_SKIP_BUILD !== '1') {
    console.log('正在构建 H5 应用（首次约 30 秒）…')
    // A production build whatever the caller's NODE_ENV (jest sets "test", which pulls in React Refresh).
    // Taro's progress bars are noise to a user: its output is shown only when the build fails.
    const build = spawnSync(path.join(root, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    if (build.status !== 0) {
      console.error(build.stdout, build.stderr)
      throw new Error('H5 应用构建失败')
    }
  }
  const dataDir = path.resolve(root, process.env.QUNPING_DATA ?? '.data')
  const runtime = await startRuntime({
    dataDir,
    port: Number(process.env.PORT ?? 5180),
    functions: FUNCTIONS,
    h5Dir: path.join(root, 'dist', 'h5'),
    // The local runtime has no WeChat to say who the caller is: the persona picker stands in.
    devSignIn: true,
    triggers: true,
  })
  const admin = runtime.login.openidOf(ADMIN_PERSONA)
  const codes = await seedDemo(FUNCTIONS.organize, admin, undefined, runtime.login.openidOf)
  if (codes) {
    const started = Date.now()
    const voters = await castDemoBallots(FUNCTIONS.evaluate, runtime.login.openidOf, codes)
    console.log(`已创建演示数据：阳光街道的组织架构和两场正在进行的评议；${voters} 位演示居民已投票（${((Date.now() - started) / 1000).toFixed(1)} 秒），领导看板有数据可看。`)
  }
  // Every start, not only the first: whoever opens the terminal tomorrow needs the links and codes too.
  for (const line of await demoGuide(FUNCTIONS.organize, admin, runtime.url)) console.log(line)
  console.log(`初始化码（正式部署时第一位管理员用它认领系统，只能使用一次）：${runtime.setupCode}`)
  console.log(`群评已启动：${runtime.url}/`)
  console.log(`数据目录：${dataDir}`)
  const stop = () => void runtime.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
