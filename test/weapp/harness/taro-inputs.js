/**
 * What `taro build --type weapp` would hand webpack as `env` (the defines of process.env.*) and
 * write as dist/weapp/project.config.json, computed by Taro's own code in the order its CLI runs it
 * (@tarojs/cli/dist/cli.js: the env files, then config/index.ts, then the env files' TARO_APP_*
 * over the config's `env`; presets/files/generateProjectConfig.js for the appid), without the
 * webpack build that follows. Run with the project as cwd and the shell's environment; prints JSON.
 */
const path = require('node:path')
const { dotenvParse, patchEnv } = require('@tarojs/helper')
const helper = require('@tarojs/helper')
const { Config } = require('@tarojs/service')
const generateProjectConfig = require('@tarojs/cli/dist/presets/files/generateProjectConfig').default

async function main() {
  const appPath = process.cwd()
  process.env.NODE_ENV ||= 'production'
  process.env.TARO_ENV = 'weapp'
  const expandEnv = dotenvParse(appPath, undefined, process.env.NODE_ENV)
  const config = new Config({ appPath, disableGlobalConfig: true })
  await config.init({ mode: process.env.NODE_ENV, command: 'build' })
  if (!config.isInitSuccess) throw new Error('config/index.ts did not load')
  const env = patchEnv(config.initialConfig, expandEnv)
  let generate
  let written
  generateProjectConfig({
    registerMethod: (_name, fn) => (generate = fn),
    runOpts: {},
    paths: { appPath, sourcePath: path.join(appPath, 'src'), outputPath: path.join(appPath, 'dist', 'weapp') },
    helper,
    initialConfig: {},
    writeFileToDist: ({ content }) => (written = JSON.parse(content)),
  })
  generate({ srcConfigName: 'project.config.json', distConfigName: 'project.config.json' })
  process.stdout.write(JSON.stringify({ env, projectConfig: written }))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
