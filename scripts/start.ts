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
import { DEMO_ROUND_ID, seedDemo } from '../local/demo'
import { castDemoBallots } from '../local/demoBallots'
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
  const codes = await seedDemo(FUNCTIONS.organize, runtime.login.openidOf(ADMIN_PERSONA))
  if (codes) {
    const started = Date.now()
    const voters = await castDemoBallots(FUNCTIONS.evaluate, runtime.login.openidOf, codes)
    console.log(`已由 ${voters} 位演示居民投票（${((Date.now() - started) / 1000).toFixed(1)} 秒），领导看板有数据可看`)
    console.log(`已创建演示评议活动（居民满意度）：${runtime.url}/#/pages/round/index?roundId=${DEMO_ROUND_ID}&channel=grid-1`)
    console.log(`已创建演示评议活动（三评一联，凭邀请码参评），部分邀请码：`)
    for (const c of codes.slice(0, 4)) console.log(`  ${c.unit} · ${c.category}：${c.code}`)
    console.log(`初始化码（正式部署时第一位管理员用它认领系统）：${runtime.setupCode}`)
  }
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
