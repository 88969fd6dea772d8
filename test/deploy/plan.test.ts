/** The deploy's plan and secrets, without any environment: what a half-set-up or tampered environment gets. */
import { COLLECTION_DECLARATIONS } from '../../cloudfunctions/common/collections'
import { setupCodeHash } from '../../cloudfunctions/common/setupCode'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type DesiredFunction, desiredFunctions, STORAGE_RULE_STATE } from '../../scripts/deploy/desired'
import { type CurrentFunction, type CurrentState, makePlan } from '../../scripts/deploy/plan'
import { newSetupCode, resolveSecrets } from '../../scripts/deploy/secrets'
import { FUNCTION_SPECS, RUNTIME } from '../../scripts/functions'

const SECRET = 'a'.repeat(64)
const desired: DesiredFunction[] = FUNCTION_SPECS.map((spec) => ({ spec, dir: `/bundles/${spec.name}`, description: `digest-${spec.name}`, env: { TZ: 'Asia/Shanghai', QUNPING_SECRET: SECRET } }))
const deployed = (fn: DesiredFunction): CurrentFunction => ({ runtime: RUNTIME, timeout: fn.spec.timeout, memorySize: fn.spec.memorySize, description: fn.description, env: { ...fn.env }, triggers: fn.spec.triggers.map(({ name, config }) => ({ name, config })) })
const upToDate = (): CurrentState => ({
  functions: Object.fromEntries(desired.map((fn) => [fn.spec.name, deployed(fn)])),
  collections: Object.fromEntries(COLLECTION_DECLARATIONS.map((c) => [c.name, { indexes: [{ name: '_id_', keys: [['_id', 1]] }, ...c.indexes], acl: 'ADMINONLY' }])),
  storageRule: { ...STORAGE_RULE_STATE },
})

test('an environment as declared plans nothing; indexes and functions it has beyond the declarations are left alone', () => {
  const state = upToDate()
  state.collections.ballots!.indexes.push({ name: 'added_by_hand', keys: [['hour', 1]] })
  state.functions.extra = { ...state.functions.evaluate! }
  expect(makePlan(desired, state)).toEqual({ steps: [], unchanged: [...COLLECTION_DECLARATIONS.map((c) => `collection ${c.name}`), 'storage rule', ...desired.map((f) => `function ${f.spec.name}`)], warnings: [] })
})

test('an index of the declared name with other keys is rebuilt; a loosened rule is tightened; a variable added by hand is removed', () => {
  const state = upToDate()
  state.collections.receipts!.indexes = [{ name: 'roundId_1_voter_1', keys: [['voter', 1]] }]
  state.collections.audit!.acl = 'READONLY'
  state.storageRule = { acl: 'CUSTOM', rule: JSON.stringify({ read: true, write: true }) }
  state.functions.evaluate!.env.DEBUG = '1'
  expect(makePlan(desired, state).steps.map((s) => [s.kind, 'collection' in s ? s.collection : 'fn' in s ? (typeof s.fn === 'string' ? s.fn : s.fn.spec.name) : '', 'changed' in s ? s.changed : 'replacing' in s ? s.replacing : ''])).toEqual([
    ['create-index', 'receipts', true],
    ['set-collection-rule', 'audit', ''],
    ['set-storage-rule', '', ''],
    ['update-config', 'evaluate', ['env DEBUG']],
  ])
})

test('new code is uploaded and then described; a runtime CloudBase cannot change is reported, not planned', () => {
  const state = upToDate()
  state.functions.report!.description = 'digest-old'
  state.functions.scheduler!.runtime = 'Nodejs16.13'
  const plan = makePlan(desired, state)
  expect(plan.steps.map((s) => s.kind)).toEqual(['update-code', 'update-config'])
  expect(plan.warnings).toEqual([expect.stringContaining('function scheduler runs Nodejs16.13')])
})

test('QUNPING_SECRET is made once and then kept; functions that disagree stop the deploy', () => {
  const fresh = resolveSecrets({ functions: {}, collections: {}, storageRule: undefined }, { newSetupCode: false })
  expect(fresh.secrets.secret).toMatch(/^[0-9a-f]{64}$/)
  expect(fresh.secrets.setupCodeHash).toBe(setupCodeHash(fresh.setupCode ?? ''))
  const state = upToDate()
  state.functions.organize!.env.QUNPING_SETUP_CODE_HASH = fresh.secrets.setupCodeHash
  expect(resolveSecrets(state, { newSetupCode: false })).toEqual({ secrets: { secret: SECRET, adminOpenids: '', templates: {}, setupCodeHash: fresh.secrets.setupCodeHash } })
  state.functions.report!.env.QUNPING_SECRET = 'b'.repeat(64)
  expect(() => resolveSecrets(state, { newSetupCode: false })).toThrow('各云函数的 QUNPING_SECRET 不一致')
})

test('the reminder templates named in .env reach organize and the scheduler, and are kept by a later deploy that names none', () => {
  const state = upToDate()
  const named = resolveSecrets(state, { newSetupCode: false, templates: { QUNPING_TEMPLATE_OVERDUE: 'tmpl-overdue' } }).secrets
  expect(named.templates).toEqual({ QUNPING_TEMPLATE_OVERDUE: 'tmpl-overdue' })
  const bundles = fs.mkdtempSync(path.join(os.tmpdir(), 'bundles-'))
  for (const spec of FUNCTION_SPECS) fs.mkdirSync(path.join(bundles, spec.name))
  const envOf = (name: string) => desiredFunctions(bundles, named).find((f) => f.spec.name === name)!.env
  expect([envOf('organize').QUNPING_TEMPLATE_OVERDUE, envOf('scheduler').QUNPING_TEMPLATE_OVERDUE, envOf('evaluate').QUNPING_TEMPLATE_OVERDUE]).toEqual(['tmpl-overdue', 'tmpl-overdue', undefined])
  state.functions.scheduler!.env.QUNPING_TEMPLATE_OVERDUE = 'tmpl-overdue'
  expect(resolveSecrets(state, { newSetupCode: false }).secrets.templates).toEqual({ QUNPING_TEMPLATE_OVERDUE: 'tmpl-overdue' })
})

test('a new setup code replaces the stored hash only when asked, and is typed as the code box reads it', () => {
  const state = upToDate()
  state.functions.organize!.env.QUNPING_SETUP_CODE_HASH = setupCodeHash('OLD0-OLD0-OLD0-OLD0')
  const renewed = resolveSecrets(state, { newSetupCode: true })
  expect(renewed.setupCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
  expect(renewed.secrets.setupCodeHash).not.toBe(setupCodeHash('OLD0-OLD0-OLD0-OLD0'))
  // Spaces, lower case or no dashes: the same code.
  const code = newSetupCode()
  expect(setupCodeHash(` ${code.toLowerCase().replaceAll('-', ' ')} `)).toBe(setupCodeHash(code))
  expect(new Set(Array.from({ length: 200 }, newSetupCode)).size).toBe(200)
})
