/**
 * @module The local runtime's secrets, made once per data folder and kept beside the data: the
 * dev session key, the functions' QUNPING_SECRET, the setup code, and the key pair CloudBase
 * would hand the functions (TENCENTCLOUD_SECRETID / _SECRETKEY / _SESSIONTOKEN). A folder from an
 * older version gains what it lacks.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { freshCredentials } from './cloudbase/signature'

const schema = z.object({
  session: z.string().min(32),
  functions: z.string().min(32),
  setupCode: z.string().min(8),
  cloudbase: z.object({ secretId: z.string().min(16), secretKey: z.string().min(32), sessionToken: z.string().min(32) }),
})
export type LocalSecrets = z.infer<typeof schema>

export function localSecrets(dataDir: string): LocalSecrets {
  const fresh = (): LocalSecrets => ({
    session: randomBytes(32).toString('hex'),
    functions: randomBytes(32).toString('hex'),
    setupCode: randomBytes(6).toString('hex').toUpperCase(),
    cloudbase: freshCredentials(),
  })
  if (dataDir === ':memory:') return fresh()
  const file = path.join(dataDir, 'secrets.json')
  const kept = fs.existsSync(file) ? schema.partial().parse(JSON.parse(fs.readFileSync(file, 'utf8'))) : {}
  const secrets = { ...fresh(), ...kept }
  if (Object.keys(kept).length === Object.keys(secrets).length) return secrets
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}
