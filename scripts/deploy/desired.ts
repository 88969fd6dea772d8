/**
 * @module What a CloudBase environment should hold, from the declarations in code: each function
 * with its bundle's digest, settings and environment variables; each collection with its indexes
 * and rule. The CloudBase CLI's own configuration format is derived from the same declarations.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { COLLECTION_DECLARATIONS, type CollectionAccess } from '../../cloudfunctions/common/collections'
import { cloudbaseStorageRule } from '../../cloudfunctions/common/storageRule'
import { FUNCTION_SPECS, type FunctionSpec, RUNTIME, TIME_ZONE } from '../functions'

/** CloudBase's rule for each access we declare: ADMINONLY is "only the server SDK", i.e. our functions. */
export const ACL_OF: Record<CollectionAccess, 'ADMINONLY'> = { 'functions-only': 'ADMINONLY' }
/**
 * Files reach clients only as the functions' signed temporary links; clients write only photos into
 * their own incoming slots (`common/storageRule.ts`), as CloudBase's custom rule (JSON, keys in this order).
 */
export const STORAGE_RULE_STATE = { acl: 'CUSTOM', rule: JSON.stringify(cloudbaseStorageRule()) } as const
/** The description carries the bundle's digest: a second deploy sees the code is already there. */
const DESCRIPTION_PREFIX = 'QunPing bundle sha256:'

export interface Secrets {
  /** QUNPING_SECRET, shared by every function of the environment. */
  secret: string
  setupCodeHash: string
  adminOpenids: string
  /** The mini-program's subscribe-message template ids (整改 reminders), as named in `.env`; kept once set. */
  templates: Partial<Record<(typeof TEMPLATE_VARIABLES)[number], string>>
}

/** Read by organize (which templates to ask for) and the scheduler (which it sends). */
export const TEMPLATE_VARIABLES = ['QUNPING_TEMPLATE_DEADLINE_SOON', 'QUNPING_TEMPLATE_OVERDUE'] as const

export interface DesiredFunction {
  spec: FunctionSpec
  dir: string
  description: string
  env: Record<string, string>
}

/** SHA-256 over the bundle's files (relative path and bytes, in path order). */
function bundleDigest(dir: string): string {
  const hash = createHash('sha256')
  const files = (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort()
  for (const file of files) hash.update(`${file}\0`).update(fs.readFileSync(path.join(dir, file))).update('\0')
  return hash.digest('hex')
}

export function desiredFunctions(functionsDir: string, secrets: Secrets): DesiredFunction[] {
  return FUNCTION_SPECS.map((spec) => {
    const dir = path.join(functionsDir, spec.name)
    const env: Record<string, string> = { TZ: TIME_ZONE, QUNPING_SECRET: secrets.secret }
    if (secrets.adminOpenids) env.QUNPING_ADMIN_OPENIDS = secrets.adminOpenids
    // Only organize redeems codes (claimSetup, codeKind).
    if (spec.name === 'organize') env.QUNPING_SETUP_CODE_HASH = secrets.setupCodeHash
    if (spec.name === 'organize' || spec.name === 'scheduler') Object.assign(env, secrets.templates)
    return { spec, dir, description: DESCRIPTION_PREFIX + bundleDigest(dir), env }
  })
}

/**
 * The same declarations in the CloudBase CLI's configuration format (cloudbaserc.json, checked
 * against the schema the CLI ships: schema/cloudbaserc.schema.json). Secrets are not in it: they
 * live only in the environment.
 */
export function cloudbaserc(envId: string) {
  return {
    $schema: 'https://framework-1258016615.tcloudbaseapp.com/schema/latest.json',
    version: '2.0',
    envId,
    functionRoot: './functions',
    functions: FUNCTION_SPECS.map((spec) => ({
      name: spec.name,
      handler: 'index.main',
      runtime: RUNTIME,
      timeout: spec.timeout,
      memorySize: spec.memorySize,
      installDependency: true,
      envVariables: { TZ: TIME_ZONE },
      triggers: spec.triggers,
    })),
    framework: {
      name: 'qunping',
      plugins: {
        database: {
          use: '@cloudbase/framework-plugin-database',
          inputs: {
            collections: COLLECTION_DECLARATIONS.map((c) => ({
              collectionName: c.name,
              aclTag: ACL_OF[c.access],
              createIndexes: c.indexes.map((i) => ({ name: i.name, unique: false, keys: i.keys.map(([name, direction]) => ({ name, direction: String(direction) })) })),
            })),
          },
        },
      },
    },
  }
}
