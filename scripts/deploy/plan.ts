/**
 * @module The plan: what differs between the environment as it is and as the declarations want
 * it, as a list of steps. Pure, so `--dry-run` prints exactly what a run would do.
 */
import { COLLECTION_DECLARATIONS, type IndexDeclaration } from '../../cloudfunctions/common/collections'
import { RUNTIME } from '../functions'
import { ACL_OF, type DesiredFunction, STORAGE_RULE_STATE } from './desired'

export interface CurrentFunction {
  runtime: string
  timeout: number
  memorySize: number
  description: string
  env: Record<string, string>
  triggers: { name: string; config: string }[]
}

export interface CurrentCollection {
  indexes: IndexDeclaration[]
  acl: string | undefined
}

export interface CurrentState {
  functions: Record<string, CurrentFunction | undefined>
  collections: Record<string, CurrentCollection | undefined>
  /** The storage rule: its tag and, for CUSTOM, the rule's JSON as CloudBase keeps it. */
  storageRule: { acl: string; rule?: string } | undefined
}

export type Step =
  | { kind: 'create-collection'; collection: string }
  | { kind: 'create-index'; collection: string; index: IndexDeclaration; replacing: boolean }
  | { kind: 'set-collection-rule'; collection: string; acl: string; was: string | undefined }
  | { kind: 'set-storage-rule'; acl: string; rule: string; was: string | undefined }
  | { kind: 'create-function'; fn: DesiredFunction }
  | { kind: 'update-code'; fn: DesiredFunction }
  | { kind: 'update-config'; fn: DesiredFunction; changed: string[] }
  | { kind: 'create-trigger'; fn: string; trigger: { name: string; config: string }; replacing: boolean }

export interface Plan {
  steps: Step[]
  /** What is already as declared, for the printout. */
  unchanged: string[]
  /** What the deploy cannot change (CloudBase sets some things only at creation). */
  warnings: string[]
}

const sameKeys = (a: IndexDeclaration['keys'], b: IndexDeclaration['keys']) => a.length === b.length && a.every(([f, d], i) => b[i][0] === f && b[i][1] === d)

function planCollections(current: CurrentState, plan: Plan) {
  for (const declared of COLLECTION_DECLARATIONS) {
    const existing = current.collections[declared.name]
    const before = plan.steps.length
    if (!existing) plan.steps.push({ kind: 'create-collection', collection: declared.name })
    for (const index of declared.indexes) {
      const found = existing?.indexes.find((i) => i.name === index.name)
      if (!found || !sameKeys(found.keys, index.keys)) plan.steps.push({ kind: 'create-index', collection: declared.name, index, replacing: found !== undefined })
    }
    const acl = ACL_OF[declared.access]
    if (existing?.acl !== acl) plan.steps.push({ kind: 'set-collection-rule', collection: declared.name, acl, was: existing?.acl })
    if (plan.steps.length === before) plan.unchanged.push(`collection ${declared.name}`)
  }
  const storage = current.storageRule
  if (storage?.acl !== STORAGE_RULE_STATE.acl || storage.rule !== STORAGE_RULE_STATE.rule) plan.steps.push({ kind: 'set-storage-rule', ...STORAGE_RULE_STATE, was: storage?.acl })
  else plan.unchanged.push('storage rule')
}

function configChanges(fn: DesiredFunction, existing: CurrentFunction): string[] {
  const changed: string[] = []
  if (existing.timeout !== fn.spec.timeout) changed.push('timeout')
  if (existing.memorySize !== fn.spec.memorySize) changed.push('memorySize')
  if (existing.description !== fn.description) changed.push('description')
  const names = new Set([...Object.keys(fn.env), ...Object.keys(existing.env)])
  for (const name of [...names].sort()) if (fn.env[name] !== existing.env[name]) changed.push(`env ${name}`)
  return changed
}

function planFunctions(functions: DesiredFunction[], current: CurrentState, plan: Plan) {
  for (const fn of functions) {
    const existing = current.functions[fn.spec.name]
    if (!existing) {
      // CreateFunction carries the code, the settings, the variables and the triggers.
      plan.steps.push({ kind: 'create-function', fn })
      continue
    }
    const before = plan.steps.length
    if (existing.runtime !== RUNTIME) plan.warnings.push(`function ${fn.spec.name} runs ${existing.runtime}, not ${RUNTIME}: CloudBase sets the runtime only at creation (delete the function in the console to change it)`)
    if (existing.description !== fn.description) plan.steps.push({ kind: 'update-code', fn })
    const changed = configChanges(fn, existing)
    if (changed.length > 0) plan.steps.push({ kind: 'update-config', fn, changed })
    for (const trigger of fn.spec.triggers) {
      const found = existing.triggers.find((t) => t.name === trigger.name)
      if (found?.config !== trigger.config) plan.steps.push({ kind: 'create-trigger', fn: fn.spec.name, trigger: { name: trigger.name, config: trigger.config }, replacing: found !== undefined })
    }
    if (plan.steps.length === before) plan.unchanged.push(`function ${fn.spec.name}`)
  }
}

/** Collections and rules first: a function that starts must find its collections. */
export function makePlan(functions: DesiredFunction[], current: CurrentState): Plan {
  const plan: Plan = { steps: [], unchanged: [], warnings: [] }
  planCollections(current, plan)
  planFunctions(functions, current, plan)
  return plan
}

/** One line per step, in Chinese for the person running the deploy; variable values never appear. */
export function describeStep(step: Step): string {
  const keys = (i: IndexDeclaration) => i.keys.map(([f, d]) => `${f} ${d === 1 ? '升序' : '降序'}`).join('，')
  switch (step.kind) {
    case 'create-collection':
      return `+ 创建集合 ${step.collection}`
    case 'create-index':
      return `${step.replacing ? '~ 重建' : '+ 创建'}索引 ${step.collection}.${step.index.name}（${keys(step.index)}）`
    case 'set-collection-rule':
      return `~ 集合 ${step.collection} 的安全规则 ${step.was ?? '（新集合）'} → ${step.acl}（仅云函数可读写）`
    case 'set-storage-rule':
      return `~ 云存储安全规则 ${step.was ?? '（未知）'} → ${step.acl}（客户端不能读取，文件只经临时链接下载；只能把整改照片上传到本人的待提交位置）`
    case 'create-function':
      return `+ 创建云函数 ${step.fn.spec.name}（${RUNTIME}，超时 ${step.fn.spec.timeout} 秒，内存 ${step.fn.spec.memorySize} MB，环境变量 ${Object.keys(step.fn.env).join('、')}${step.fn.spec.triggers.map((t) => `，定时触发器 ${t.name} "${t.config}"`).join('')}）`
    case 'update-code':
      return `~ 更新云函数 ${step.fn.spec.name} 的代码`
    case 'update-config':
      return `~ 更新云函数 ${step.fn.spec.name} 的配置：${step.changed.join('、')}`
    case 'create-trigger':
      return `${step.replacing ? '~ 重建' : '+ 创建'}定时触发器 ${step.fn}.${step.trigger.name} "${step.trigger.config}"`
  }
}
