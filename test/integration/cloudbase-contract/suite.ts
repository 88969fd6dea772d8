/**
 * @module Setup shared by the contract files: one backend per file (a real CloudBase environment when
 * TCB_ENV/TCB_SECRET_ID/TCB_SECRET_KEY are set, the embedded server otherwise), fresh collections
 * named `contract_<random>_<label>`, emptied when the file ends.
 */
import { randomBytes } from 'node:crypto'
import { BACKEND_NAME, openBackend } from '../../helpers/backend'

type Backend = Awaited<ReturnType<typeof openBackend>>
export type Db = ReturnType<Backend['app']['database']>

/** The error code a call ends with, or 'OK'. */
export const codeOf = async (p: Promise<unknown>) => p.then(() => 'OK', (e: { code?: string }) => e.code ?? String(e))

export function contractSuite() {
  let backend: Backend
  let db: Db
  const run = randomBytes(4).toString('hex')
  const created: string[] = []

  beforeAll(async () => {
    console.log(`contract suite runs against: ${BACKEND_NAME}`)
    backend = await openBackend()
    db = backend.app.database()
  })

  afterAll(async () => {
    for (const name of created) await db.collection(name).where({ _id: db.command.exists(true) }).remove().catch(() => undefined)
    await backend.close()
  })

  return {
    db: () => db,
    /** A new, empty collection (its `.name` is what `$lookup`'s `from` takes). */
    async collection(label: string) {
      const name = `contract_${run}_${label}`
      await db.createCollection(name)
      created.push(name)
      return db.collection(name)
    },
  }
}

export { BACKEND_NAME }
