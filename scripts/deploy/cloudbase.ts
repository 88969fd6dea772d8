/**
 * @module The CloudBase environment as the deploy sees it, through Tencent's own management SDK
 * (@cloudbase/manager-node: signed Tencent Cloud API calls to the tcb, scf and flexdb services,
 * the function packer and the COS upload). Reads the current state, applies the plan's steps.
 */
import CloudBase from '@cloudbase/manager-node'
import path from 'node:path'
import { COLLECTIONS, type IndexDeclaration } from '../../cloudfunctions/common/collections'
import { FUNCTION_SPECS, RUNTIME } from '../functions'
import type { DesiredFunction } from './desired'
import type { CurrentCollection, CurrentFunction, CurrentState, Step } from './plan'

export interface Credentials {
  envId: string
  secretId: string
  secretKey: string
  region?: string
}

export type Manager = InstanceType<typeof CloudBase>

export const connect = ({ envId, secretId, secretKey, region }: Credentials): Manager => new CloudBase({ envId, secretId, secretKey, region })

const codeOf = (e: unknown) => (e as { code?: string }).code ?? ''

/** A timer trigger's description is its cron, or (as GetFunction lists it) `{"cron": …}`. */
function cronOf(desc: string): string {
  try {
    const parsed = JSON.parse(desc) as { cron?: string }
    return parsed.cron ?? desc
  } catch {
    return desc
  }
}

async function readFunction(manager: Manager, name: string): Promise<CurrentFunction | undefined> {
  try {
    const f = (await manager.functions.getFunctionDetail(name)) as unknown as {
      Runtime: string
      Timeout: number
      MemorySize: number
      Description?: string
      Environment?: { Variables?: { Key: string; Value: string }[] }
      Triggers?: { Type: string; TriggerName: string; TriggerDesc: string }[]
    }
    return {
      runtime: f.Runtime,
      timeout: f.Timeout,
      memorySize: f.MemorySize,
      description: f.Description ?? '',
      env: Object.fromEntries((f.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
      triggers: (f.Triggers ?? []).filter((t) => t.Type === 'timer').map((t) => ({ name: t.TriggerName, config: cronOf(t.TriggerDesc) })),
    }
  } catch (e) {
    if (codeOf(e).startsWith('ResourceNotFound')) return undefined
    throw e
  }
}

async function collectionAcl(manager: Manager, envId: string, name: string): Promise<string> {
  const { AclTag } = (await manager.commonService('tcb').call({ Action: 'DescribeDatabaseACL', Param: { EnvId: envId, CollectionName: name } })) as { AclTag: string }
  return AclTag
}

async function readCollection(manager: Manager, envId: string, name: string): Promise<CurrentCollection | undefined> {
  // The SDK's own test: a collection exists when DescribeTable answers for it.
  const exists = await manager.database.checkCollectionExists(name)
  if (!exists.Exists) return undefined
  const { Indexes = [] } = await manager.database.describeCollection(name)
  const indexes: IndexDeclaration[] = Indexes.map((i) => ({ name: i.Name, keys: i.Keys.map((k) => [k.Name ?? '', Number(k.Direction) === -1 ? -1 : 1] as const) }))
  return { indexes, acl: await collectionAcl(manager, envId, name) }
}

export async function readState(manager: Manager, envId: string): Promise<CurrentState> {
  const functions: CurrentState['functions'] = {}
  for (const spec of FUNCTION_SPECS) functions[spec.name] = await readFunction(manager, spec.name)
  const collections: CurrentState['collections'] = {}
  for (const name of COLLECTIONS) collections[name] = await readCollection(manager, envId, name)
  const { acl, rule } = (await manager.storage.getStorageAcl({ withRule: true })) as { acl: string; rule?: unknown }
  return { functions, collections, storageRule: { acl, ...(rule === undefined ? {} : { rule: JSON.stringify(rule) }) } }
}

const functionConfig = (fn: DesiredFunction) => ({
  name: fn.spec.name,
  handler: 'index.main',
  runtime: RUNTIME,
  timeout: fn.spec.timeout,
  memorySize: fn.spec.memorySize,
  description: fn.description,
  // CloudBase installs package.json's dependencies (organize's native canvas) on upload.
  installDependency: true,
  envVariables: fn.env,
})

export async function applyStep(manager: Manager, envId: string, step: Step): Promise<void> {
  switch (step.kind) {
    case 'create-collection':
      await manager.database.createCollection(step.collection)
      return
    case 'create-index': {
      const create = { IndexName: step.index.name, MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: step.index.keys.map(([Name, d]) => ({ Name, Direction: String(d) })) } }
      if (step.replacing) await manager.database.updateCollection(step.collection, { DropIndexes: [{ IndexName: step.index.name }] })
      await manager.database.updateCollection(step.collection, { CreateIndexes: [create] })
      return
    }
    case 'set-collection-rule':
      await manager.commonService('tcb').call({ Action: 'ModifyDatabaseACL', Param: { EnvId: envId, CollectionName: step.collection, AclTag: step.acl } })
      return
    case 'set-storage-rule':
      await manager.storage.setStorageAcl(step.acl as 'CUSTOM', JSON.parse(step.rule) as { read: boolean; write: string })
      return
    case 'create-function':
      // Packs the folder, uploads it, waits until the function is active, adds its triggers.
      await manager.functions.createFunction({ func: { ...functionConfig(step.fn), triggers: step.fn.spec.triggers }, functionRootPath: path.dirname(step.fn.dir), force: false })
      return
    case 'update-code':
      await manager.functions.updateFunctionCode({ func: functionConfig(step.fn), functionRootPath: path.dirname(step.fn.dir) })
      return
    case 'update-config':
      // CloudBase refuses a configuration change while new code is still being installed.
      await manager.functions.waitFunctionActive(step.fn.spec.name)
      await manager.functions.updateFunctionConfig(functionConfig(step.fn))
      return
    case 'create-trigger':
      if (step.replacing) await manager.functions.deleteFunctionTrigger(step.fn, step.trigger.name)
      await manager.functions.createFunctionTriggers(step.fn, [{ ...step.trigger, type: 'timer' }])
      return
  }
}
