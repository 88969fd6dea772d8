/** @module The local runtime's secrets, made once per data folder and kept beside the data. */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

const schema = z.object({ session: z.string().min(32), functions: z.string().min(32), setupCode: z.string().min(8) })
export type LocalSecrets = z.infer<typeof schema>

export function localSecrets(dataDir: string): LocalSecrets {
  const fresh = () => ({ session: randomBytes(32).toString('hex'), functions: randomBytes(32).toString('hex'), setupCode: randomBytes(6).toString('hex').toUpperCase() })
  if (dataDir === ':memory:') return fresh()
  const file = path.join(dataDir, 'secrets.json')
  if (fs.existsSync(file)) return schema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
  const secrets = fresh()
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}
