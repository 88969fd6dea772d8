/**
 * `npm run deploy` against a recorder of CloudBase's management API: the exact calls of a first
 * deploy to an empty environment, nothing on a second, a console edit undone, and the secrets never
 * printed nor changed.
 */
import Ajv from 'ajv'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { setupCodeHash } from '../../cloudfunctions/common/setupCode'
import { cloudbaserc } from '../../scripts/deploy/desired'
import { sharedBundles } from '../helpers/bundles'
import { type RecordedCall, type Recorder, startRecorder } from '../helpers/management-recorder'

const ROOT = path.resolve(__dirname, '../..')
const ENV_ID = 'qunping-test-1a2b'
const SECRET_ID = 'AKIDrecorded0000000000000000000000'
const SECRET_KEY = 'recorded-secret-key-never-sent-0000'

/** Clients read nothing; they write only a photo into one of their own three incoming slots. */
const STORAGE_RULE_JSON = JSON.stringify({ read: false, write: String.raw`auth != null && resource.openid == auth.openid && /^ledger-incoming\/[0-9a-f]{32}\/[0-2]$/.test(resource.path) == true` })

let recorder: Recorder
/** Bundles of its own sources, outside dist/functions, so another test building there at the same time cannot change them. */
let bundles: string

beforeAll(async () => {
  bundles = await sharedBundles()
  recorder = await startRecorder(ENV_ID)
}, 120_000)
afterAll(() => recorder.close())

function deploy(args: string[], env: Record<string, string> = {}) {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/deploy.ts', '--skip-build', `--functions-dir=${bundles}`, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...recorder.childEnv,
      // Everything the deploy reads, so a developer's own .env cannot change the plan.
      TCB_ENV: ENV_ID,
      TCB_SECRET_ID: SECRET_ID,
      TCB_SECRET_KEY: SECRET_KEY,
      TCB_REGION: 'ap-shanghai',
      TARO_APP_CLOUD_ENV: ENV_ID,
      QUNPING_ADMIN_OPENIDS: '',
      ...env,
    } as unknown as NodeJS.ProcessEnv,
  })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  return new Promise<{ code: number | null; out: string }>((resolve) => child.on('close', (code: number | null) => resolve({ code, out })))
}

const READS = /^(Describe|Get|List)/
/** What changed the environment, values of variables replaced by their names. */
function writes(calls: RecordedCall[]) {
  return calls
    .filter((c) => !READS.test(c.action))
    .map(({ service, action, params: p }) => {
      switch (action) {
        case 'CreateTable':
          return `${service}.${action} ${String(p.TableName)}`
        case 'UpdateTable':
          return `${service}.${action} ${String(p.TableName)} ${JSON.stringify({ CreateIndexes: p.CreateIndexes, DropIndexes: p.DropIndexes })}`
        case 'ModifyDatabaseACL':
          return `${service}.${action} ${String(p.CollectionName)} ${String(p.AclTag)}`
        case 'ModifyStorageSafeRule':
          return `${service}.${action} ${String(p.AclTag)} ${String(p.Rule)}`
        case 'CreateFunction':
        case 'UpdateFunctionConfiguration': {
          const vars = (p.Environment as { Variables: { Key: string }[] } | undefined)?.Variables.map((v) => v.Key)
          return `${service}.${action} ${String(p.FunctionName)} ${JSON.stringify({ Runtime: p.Runtime, Timeout: p.Timeout, MemorySize: p.MemorySize, InstallDependency: p.InstallDependency, Environment: vars })}`
        }
        case 'BatchCreateTrigger':
          return `${service}.${action} ${String(p.FunctionName)} ${String(p.Triggers)}`
        case 'Upload':
          return `${service}.${action} ${String(p.key)}`
        default:
          return `${service}.${action} ${String(p.FunctionName ?? '')}`
      }
    })
}

/** Every collection with its index keys: the exact list the deploy must create. */
const COLLECTIONS = [
  ['units', []],
  ['unitNames', []],
  ['roles', [['openid', '1']]],
  ['invitations', [['roundId', '1'], ['kind', '1']]],
  ['setup', []],
  ['rounds', [['round.state', '1']]],
  ['scenes', []],
  ['enrolments', []],
  ['receipts', [['roundId', '1'], ['voter', '1']]],
  ['ballots', [['roundId', '1'], ['targetId', '1']]],
  ['counters', [['roundId', '1']]],
  ['limits', []],
  ['signals', [['roundId', '1'], ['kind', '1']]],
  ['opinionChecks', []],
  ['audit', [['at', '-1']]],
  ['results', [['roundId', '1'], ['basis', '1']]],
  ['rosterReviews', []],
  ['samples', [['roundId', '1']]],
  ['verdictSteps', [['roundId', '1']]],
  ['paperBallots', [['roundId', '1']]],
  ['sessions', [['roundId', '1']]],
  ['rectifications', [['roundId', '1']], [['ownerHolderId', '1']]],
  ['subscriptions', []],
]
const COLLECTION_WRITES = COLLECTIONS.flatMap(([name, ...indexes]) => {
  // Each declared index is one UpdateTable; a collection without one has the single empty entry.
  const index = (indexes as string[][][]).filter((keys) => keys.length).map((keys) =>
    `tcb.UpdateTable ${name as string} ${JSON.stringify({
      CreateIndexes: [{ IndexName: keys.map(([f, d]) => `${f.replace('.', '_')}_${d}`).join('_'), MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: keys.map(([Name, Direction]) => ({ Name, Direction })) } }],
    })}`,
  )
  return [`tcb.CreateTable ${name as string}`, ...index, `tcb.ModifyDatabaseACL ${name as string} ADMINONLY`]
})

const functionWrite = (name: string, runtime: { Timeout: number; MemorySize: number }, vars: string[]) => [
  `cos.Upload 2026-12-04/1250000000/${ENV_ID}/${name}.zip`,
  `scf.CreateFunction ${name} ${JSON.stringify({ Runtime: 'Nodejs18.15', ...runtime, InstallDependency: 'TRUE', Environment: vars })}`,
]

test('a first deploy creates every collection, index, rule, function and the timer; a second changes nothing', async () => {
  const first = await deploy([])
  expect([first.code, first.out]).toEqual([0, expect.any(String)])
  expect(recorder.calls.filter((c) => c.service === 'recorder')).toEqual([])
  expect(writes(recorder.calls)).toEqual([
    ...COLLECTION_WRITES,
    `tcb.ModifyStorageSafeRule CUSTOM ${STORAGE_RULE_JSON}`,
    ...functionWrite('organize', { Timeout: 20, MemorySize: 256 }, ['TZ', 'QUNPING_SECRET', 'QUNPING_SETUP_CODE_HASH']),
    ...functionWrite('evaluate', { Timeout: 20, MemorySize: 256 }, ['TZ', 'QUNPING_SECRET']),
    ...functionWrite('report', { Timeout: 60, MemorySize: 512 }, ['TZ', 'QUNPING_SECRET']),
    ...functionWrite('scheduler', { Timeout: 60, MemorySize: 256 }, ['TZ', 'QUNPING_SECRET']),
    `scf.BatchCreateTrigger scheduler ${JSON.stringify([{ TriggerName: 'close-ended-rounds', Type: 'timer', TriggerDesc: '0 * * * * * *' }])}`,
  ])
  // Every call is signed with the key pair from the environment; the secret key itself never travels.
  expect(new Set(recorder.calls.filter((c) => c.service !== 'cos').map((c) => c.credential.split('/')[0]))).toEqual(new Set([SECRET_ID]))
  expect(JSON.stringify(recorder.calls)).not.toContain(SECRET_KEY)

  // One QUNPING_SECRET for the whole environment, never printed.
  const env = (name: string) => Object.fromEntries(recorder.state.functions.get(name)!.Environment.Variables.map((v) => [v.Key, v.Value]))
  const secret = env('organize').QUNPING_SECRET
  expect(secret).toMatch(/^[0-9a-f]{64}$/)
  for (const name of ['evaluate', 'report', 'scheduler']) expect(env(name)).toEqual({ TZ: 'Asia/Shanghai', QUNPING_SECRET: secret })
  expect(first.out).not.toContain(secret)
  // The setup code is printed once and stored only as its hash.
  const codes = first.out.match(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/g) ?? []
  expect(codes).toHaveLength(1)
  expect(env('organize').QUNPING_SETUP_CODE_HASH).toBe(setupCodeHash(codes[0] ?? ''))
  expect(JSON.stringify([...recorder.state.functions.values()])).not.toContain(codes[0] ?? '')

  recorder.calls.length = 0
  const second = await deploy([])
  expect([second.code, second.out]).toEqual([0, expect.any(String)])
  expect(writes(recorder.calls)).toEqual([])
  expect(second.out).toContain(`环境 ${ENV_ID} 已与代码一致，没有任何改动。`)
  expect(second.out).not.toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)
  expect(env('organize').QUNPING_SECRET).toBe(secret)

  // Someone opens a collection and the storage to clients, drops an index, shortens a timeout and edits the timer in the console.
  recorder.state.collections.get('ballots')!.acl = 'READONLY'
  recorder.state.storageRule = JSON.stringify({ read: true, write: 'auth != null' })
  recorder.state.collections.get('receipts')!.indexes.pop()
  recorder.state.functions.get('report')!.Timeout = 3
  recorder.state.functions.get('scheduler')!.Triggers[0].TriggerDesc = JSON.stringify({ cron: '0 0 * * * * *' })
  recorder.calls.length = 0
  const dry = await deploy(['--dry-run'])
  expect([dry.code, dry.out]).toEqual([0, expect.any(String)])
  expect(writes(recorder.calls)).toEqual([])
  expect(dry.out).toContain('~ 集合 ballots 的安全规则 READONLY → ADMINONLY')
  expect(dry.out).toContain('+ 创建索引 receipts.roundId_1_voter_1（roundId 升序，voter 升序）')
  expect(dry.out).toContain('~ 更新云函数 report 的配置：timeout')
  expect(dry.out).toContain('~ 重建定时触发器 scheduler.close-ended-rounds "0 * * * * * *"')
  expect(dry.out).toContain('~ 云存储安全规则 CUSTOM → CUSTOM')
  expect(dry.out).toContain('（演练：以上 5 项未执行）')

  const repair = await deploy([])
  expect([repair.code, repair.out]).toEqual([0, expect.any(String)])
  expect(writes(recorder.calls)).toEqual([
    'tcb.UpdateTable receipts {"CreateIndexes":[{"IndexName":"roundId_1_voter_1","MgoKeySchema":{"MgoIsUnique":false,"MgoIndexKeys":[{"Name":"roundId","Direction":"1"},{"Name":"voter","Direction":"1"}]}}]}',
    'tcb.ModifyDatabaseACL ballots ADMINONLY',
    `tcb.ModifyStorageSafeRule CUSTOM ${STORAGE_RULE_JSON}`,
    `scf.UpdateFunctionConfiguration report ${JSON.stringify({ Timeout: 60, MemorySize: 512, InstallDependency: 'TRUE', Environment: ['TZ', 'QUNPING_SECRET'] })}`,
    'scf.DeleteTrigger scheduler',
    `scf.BatchCreateTrigger scheduler ${JSON.stringify([{ TriggerName: 'close-ended-rounds', Type: 'timer', TriggerDesc: '0 * * * * * *' }])}`,
  ])
  // The secret and the setup code's hash survive the repair untouched.
  expect(env('report').QUNPING_SECRET).toBe(secret)
  expect(env('organize').QUNPING_SETUP_CODE_HASH).toBe(setupCodeHash(codes[0] ?? ''))
}, 300_000)

test('a build for another environment than the deploy is refused before any call', async () => {
  recorder.calls.length = 0
  const wrong = await deploy([], { TARO_APP_CLOUD_ENV: 'someone-elses-env' })
  expect([wrong.code, wrong.out]).toEqual([1, expect.any(String)])
  expect(wrong.out).toContain('TARO_APP_CLOUD_ENV（someone-elses-env）与 TCB_ENV（qunping-test-1a2b）不同')
  expect(recorder.calls).toEqual([])
}, 60_000)

test('the CloudBase CLI configuration the deploy writes validates against the schema the CLI ships', () => {
  const written = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'cloudbaserc.json'), 'utf8')) as ReturnType<typeof cloudbaserc>
  expect(written).toEqual(cloudbaserc(ENV_ID))
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'cloudbaserc.schema.json'), 'utf8')) as { $id: string }
  const ajv = new Ajv({ strict: false, allErrors: true })
  const whole = ajv.compile(schema)
  expect([whole(written), whole.errors]).toEqual([true, null])
  // The schema admits any plugin generically: check the database plugin against its own definition too.
  const database = ajv.getSchema(`${schema.$id}#/definitions/IFrameworkPluginDatabaseInputsConfig`)!
  expect([database(written.framework.plugins.database), database.errors]).toEqual([true, null])
  expect(written.framework.plugins.database.inputs.collections.map((c) => c.aclTag)).toEqual(Array(COLLECTIONS.length).fill('ADMINONLY'))
  // And it would catch a rule CloudBase does not know.
  expect(database({ ...written.framework.plugins.database, inputs: { collections: [{ collectionName: 'ballots', aclTag: 'EVERYONE' }] } })).toBe(false)
})
