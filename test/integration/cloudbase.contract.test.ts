/**
 * What our code relies on from CloudBase's database, checked through the real @cloudbase/node-sdk.
 * Runs against a real environment when TCB_ENV/TCB_SECRET_ID/TCB_SECRET_KEY are set.
 */
import { randomBytes } from 'node:crypto'
import { BACKEND_NAME, openBackend } from '../helpers/backend'

type Backend = Awaited<ReturnType<typeof openBackend>>
let backend: Backend
let db: ReturnType<Backend['app']['database']>
const coll = `contract_${randomBytes(4).toString('hex')}`

const codeOf = async (p: Promise<unknown>) => p.then(() => 'OK', (e: { code?: string }) => e.code ?? String(e))

beforeAll(async () => {
  console.log(`contract suite runs against: ${BACKEND_NAME}`)
  backend = await openBackend()
  db = backend.app.database()
  await db.createCollection(coll)
})

afterAll(async () => {
  await db.collection(coll).where({ _id: db.command.exists(true) }).remove().catch(() => undefined)
  await backend.close()
})

describe(`CloudBase contract — ${BACKEND_NAME}`, () => {
  test('a document is stored under its _id and read back with its types', async () => {
    const when = new Date('2026-11-22T08:00:00+08:00')
    await db.collection(coll).add({ _id: 'doc-1', n: 1, when, tags: ['a'], nested: { k: 'v' } })
    const { data } = await db.collection(coll).doc('doc-1').get()
    expect(data).toEqual([{ _id: 'doc-1', n: 1, when, tags: ['a'], nested: { k: 'v' } }])
    expect(data[0].when).toBeInstanceOf(Date)
  })

  test('a second insert of the same _id is refused with DATABASE_DUPLICATE_WRITE and changes nothing', async () => {
    await db.collection(coll).add({ _id: 'dup', v: 'first' })
    expect(await codeOf(db.collection(coll).add({ _id: 'dup', v: 'second' }))).toBe('DATABASE_DUPLICATE_WRITE')
    expect((await db.collection(coll).doc('dup').get()).data[0].v).toBe('first')
  })

  test('50 concurrent inserts of one _id: exactly one succeeds, 49 get DATABASE_DUPLICATE_WRITE', async () => {
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => codeOf(db.collection(coll).add({ _id: 'race', writer: i }))))
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1)
    expect(outcomes.filter((o) => o === 'DATABASE_DUPLICATE_WRITE')).toHaveLength(49)
    expect((await db.collection(coll).where({ _id: 'race' }).count()).total).toBe(1)
  })

  test('update operators $inc $set $push $unset apply to one document', async () => {
    const _ = db.command
    await db.collection(coll).add({ _id: 'ops', n: 1, gone: true, list: ['x'] })
    await db.collection(coll).doc('ops').update({ n: _.inc(2), 'deep.k': 3, list: _.push('y'), gone: _.remove(), label: _.set({ a: 1 }) })
    const { data } = await db.collection(coll).doc('ops').get()
    expect(data[0]).toEqual({ _id: 'ops', n: 3, deep: { k: 3 }, list: ['x', 'y'], label: { a: 1 } })
  })

  test('set replaces a document and creates it when absent', async () => {
    await db.collection(coll).doc('set-me').set({ a: 1, b: 2 })
    await db.collection(coll).doc('set-me').set({ c: 3 })
    expect((await db.collection(coll).doc('set-me').get()).data).toEqual([{ _id: 'set-me', c: 3 }])
  })

  test('queries filter, sort, skip and count; a page never exceeds 1 000 rows', async () => {
    const _ = db.command
    const rows = Array.from({ length: 1100 }, (_x, i) => ({ _id: `row-${String(i).padStart(4, '0')}`, kind: 'row', i }))
    for (let i = 0; i < rows.length; i += 100) await db.collection(coll).add(rows.slice(i, i + 100))
    expect((await db.collection(coll).where({ kind: 'row' }).count()).total).toBe(1100)
    expect((await db.collection(coll).where({ kind: 'row' }).get()).data).toHaveLength(100)
    expect((await db.collection(coll).where({ kind: 'row' }).limit(5000).get()).data).toHaveLength(1000)
    const page = await db.collection(coll).where({ kind: 'row', i: _.gte(10) }).orderBy('i', 'desc').skip(2).limit(3).get()
    expect(page.data.map((d: { i: number }) => d.i)).toEqual([1097, 1096, 1095])
    await db.collection(coll).where({ kind: 'row' }).remove()
    expect((await db.collection(coll).where({ kind: 'row' }).count()).total).toBe(0)
  })

  test('aggregate $match $group $sort $limit $project', async () => {
    await db.collection(coll).add([
      { kind: 'vote', target: 't1', score: 100 },
      { kind: 'vote', target: 't1', score: 60 },
      { kind: 'vote', target: 't2', score: 0 },
      { kind: 'other', target: 't3', score: 100 },
    ])
    const $ = db.command.aggregate
    const { data } = await db
      .collection(coll)
      .aggregate()
      .match({ kind: 'vote' })
      .group({ _id: '$target', total: $.sum('$score'), n: $.sum(1) })
      .sort({ total: -1 })
      .limit(10)
      .project({ _id: 0, target: '$_id', total: 1, n: 1 })
      .end()
    expect(data).toEqual([
      { target: 't1', total: 160, n: 2 },
      { target: 't2', total: 0, n: 1 },
    ])
  })

  test('two overlapping transactions on one document: one conflicts, runTransaction retries, no increment is lost', async () => {
    await db.collection(coll).add({ _id: 'counter', n: 0 })
    let attempts = 0
    let releaseFirst!: () => void
    const firstHasRead = new Promise<void>((resolve) => (releaseFirst = resolve))
    const increment = (waitForOther: boolean) =>
      db.runTransaction(async (tx: { collection(name: string): { doc(id: string): { get(): Promise<{ data: { n: number } }>; update(d: object): Promise<unknown> } } }) => {
        attempts++
        const { data } = await tx.collection(coll).doc('counter').get()
        if (waitForOther) {
          releaseFirst()
          await new Promise((r) => setTimeout(r, 200))
        } else await firstHasRead
        await tx.collection(coll).doc('counter').update({ n: data.n + 1 })
      }, 5)
    await Promise.all([increment(true), increment(false)])
    expect((await db.collection(coll).doc('counter').get()).data[0].n).toBe(2)
    expect(attempts).toBeGreaterThanOrEqual(3)
  })

  test('a transaction that throws leaves nothing behind', async () => {
    const failing = db.runTransaction(async (tx: { collection(name: string): { add(d: object): Promise<unknown> } }) => {
      await tx.collection(coll).add({ _id: 'never', v: 1 })
      throw new Error('changed my mind')
    })
    await expect(failing).rejects.toThrow('changed my mind')
    expect((await db.collection(coll).where({ _id: 'never' }).count()).total).toBe(0)
  })

  test('an insert inside a transaction meets _id uniqueness as DATABASE_DUPLICATE_WRITE', async () => {
    await db.collection(coll).add({ _id: 'taken' })
    const attempt = db.runTransaction(async (tx: { collection(name: string): { add(d: object): Promise<unknown> } }) => {
      await tx.collection(coll).add({ _id: 'taken' })
    })
    expect(await codeOf(attempt)).toBe('DATABASE_DUPLICATE_WRITE')
  })
})
