/** @module The local runtime's secrets, made once per data folder and kept beside the data. */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

const schema = z.object({ session: z.string().min(32), functions: z.string().min(32) })
export type LocalSecrets = z.infer<typeof schema>

export function localSecrets(dataDir: string): LocalSecrets {
  if (dataDir === ':memory:') return { session: randomBytes(32).toString('hex'), functions: randomBytes(32).toString('hex') }
  const file = path.join(dataDir, 'secrets.json')
  if (fs.existsSync(file)) return schema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
  const secrets = { session: randomBytes(32).toString('hex'), functions: randomBytes(32).toString('hex') }
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}
