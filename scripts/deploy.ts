/**
 * @module `npm run deploy [-- --dry-run] [--new-setup-code] [--skip-build] [--functions-dir=DIR]`: takes this
 * checkout to a working CloudBase environment, or prints what that would change. Credentials and
 * the env id come from the environment or `.env`, never from the command line (shell history).
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { buildFunctions, FUNCTIONS_OUT } from './build-functions'
import { applyStep, connect, readState } from './deploy/cloudbase'
import { cloudbaserc, desiredFunctions } from './deploy/desired'
import { type CurrentState, describeStep, makePlan } from './deploy/plan'
import { resolveSecrets } from './deploy/secrets'

const root = path.resolve(__dirname, '..')

const Settings = z.object({
  TCB_ENV: z.string().regex(/^[a-z0-9-]+$/, 'TCB_ENV 应是云开发环境 ID，如 qunping-1a2b3c'),
  TCB_SECRET_ID: z.string().min(1).optional(),
  TCB_SECRET_KEY: z.string().min(1).optional(),
  TCB_REGION: z.string().optional(),
  TARO_APP_CLOUD_ENV: z.string().optional(),
  QUNPING_ADMIN_OPENIDS: z.string().optional(),
  QUNPING_TEMPLATE_DEADLINE_SOON: z.string().min(1).optional(),
  QUNPING_TEMPLATE_OVERDUE: z.string().min(1).optional(),
})

const EMPTY: CurrentState = { functions: {}, collections: {}, storageRule: undefined }

async function main(args: string[]) {
  const dryRun = args.includes('--dry-run')
  const envFile = path.join(root, '.env')
  // Variables already set win over the file, as in every other dotenv reader.
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile)
  const settings = Settings.safeParse(process.env)
  if (!settings.success) throw new Error(`请在 .env 或环境变量中设置：${settings.error.issues.map((i) => `${i.path.join('.')}（${i.message}）`).join('；')}`)
  const { TCB_ENV: envId, TCB_SECRET_ID: secretId, TCB_SECRET_KEY: secretKey, TCB_REGION: region, TARO_APP_CLOUD_ENV: appEnv } = settings.data
  // The mini-program calls the functions of the env its build names: a different one is a broken release.
  if (appEnv && appEnv !== envId) throw new Error(`TARO_APP_CLOUD_ENV（${appEnv}）与 TCB_ENV（${envId}）不同：小程序会调用另一个环境的云函数`)
  if (!appEnv) console.warn('注意：.env 中没有 TARO_APP_CLOUD_ENV，小程序构建前请设为同一个环境 ID')

  const online = secretId !== undefined && secretKey !== undefined
  if (!online && !dryRun) throw new Error('请在 .env 或环境变量中设置 TCB_SECRET_ID 和 TCB_SECRET_KEY（腾讯云 API 密钥）')

  const functionsDir = path.resolve(args.find((a) => a.startsWith('--functions-dir='))?.slice('--functions-dir='.length) ?? FUNCTIONS_OUT)
  if (!args.includes('--skip-build')) await buildFunctions(functionsDir)
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true })
  fs.writeFileSync(path.join(root, 'dist', 'cloudbaserc.json'), `${JSON.stringify(cloudbaserc(envId), null, 2)}\n`)
  const manager = online ? connect({ envId, secretId, secretKey, region }) : undefined
  if (!manager) console.log('没有 API 密钥：按一个空环境列出计划。')
  const current = manager ? await readState(manager, envId) : EMPTY
  const { secrets, setupCode } = resolveSecrets(current, {
    adminOpenids: settings.data.QUNPING_ADMIN_OPENIDS,
    templates: { QUNPING_TEMPLATE_DEADLINE_SOON: settings.data.QUNPING_TEMPLATE_DEADLINE_SOON, QUNPING_TEMPLATE_OVERDUE: settings.data.QUNPING_TEMPLATE_OVERDUE },
    newSetupCode: args.includes('--new-setup-code'),
  })
  const plan = makePlan(desiredFunctions(functionsDir, secrets), current)

  for (const line of plan.unchanged) console.log(`= ${line}（无需改动）`)
  for (const warning of plan.warnings) console.warn(`! ${warning}`)
  if (plan.steps.length === 0) {
    console.log(`环境 ${envId} 已与代码一致，没有任何改动。`)
    return
  }
  if (!manager || dryRun) {
    for (const step of plan.steps) console.log(describeStep(step))
    console.log(`（演练：以上 ${plan.steps.length} 项未执行${setupCode ? '；正式部署时会生成并显示一次性初始化码' : ''}）`)
    return
  }
  let codeStored = false
  try {
    for (const step of plan.steps) {
      console.log(describeStep(step))
      await applyStep(manager, envId, step)
      if ((step.kind === 'create-function' || step.kind === 'update-config') && step.fn.spec.name === 'organize') codeStored = true
    }
    console.log(`完成：环境 ${envId} 的 ${plan.steps.length} 项改动已生效。`)
  } finally {
    // Once its hash is stored the code exists nowhere else: show it even if a later step failed.
    if (setupCode && codeStored) {
      console.log(`\n一次性初始化码：${setupCode}\n只显示这一次。第一位管理员在小程序首页“输入邀请码”处输入它即成为管理员（见 README“部署到云开发”）。`)
    } else if (setupCode) {
      console.log('初始化码尚未生效：排除问题后重新部署；若 organize 云函数已经建好，请加 --new-setup-code 再部署一次以取得初始化码。')
    }
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`部署失败：${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
