/** The CloudBase contract for transactions: isolation, conflicts and retries, and the codes they end with. */
import { BACKEND_NAME, codeOf, contractSuite } from './suite'

const suite = contractSuite()
const db = () => suite.db()

type Tx = Awaited<ReturnType<ReturnType<typeof db>['startTransaction']>>
type TxDoc = { get(): Promise<{ data: Record<string, unknown> }>; update(d: object): Promise<unknown>; set(d: object): Promise<unknown> }
type TxLike = { collection(name: string): { doc(id: string): TxDoc; add(d: object): Promise<unknown> } }
const docIn = (tx: Tx | TxLike, coll: string, id: string) => (tx as unknown as TxLike).collection(coll).doc(id)

const CONFLICT = '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.'

describe(`CloudBase contract, transactions — ${BACKEND_NAME}`, () => {
  test('two overlapping transactions on one document: one conflicts, runTransaction retries, no increment is lost', async () => {
    const coll = await suite.collection('counter')
    await coll.add({ _id: 'counter', n: 0 })
    let attempts = 0
    let releaseFirst!: () => void
    const firstHasRead = new Promise<void>((resolve) => (releaseFirst = resolve))
    const increment = (waitForOther: boolean) =>
      db().runTransaction(async (tx: TxLike) => {
        attempts++
        const { data } = await docIn(tx, coll.name, 'counter').get()
        if (waitForOther) {
          releaseFirst()
          await new Promise((r) => setTimeout(r, 200))
        } else await firstHasRead
        await docIn(tx, coll.name, 'counter').update({ n: (data.n as number) + 1 })
      }, 5)
    await Promise.all([increment(true), increment(false)])
    expect((await coll.doc('counter').get()).data[0].n).toBe(2)
    expect(attempts).toBeGreaterThanOrEqual(3)
  })

  test('a write to a document another transaction wrote first fails with production’s conflict code and message', async () => {
    const coll = await suite.collection('conflict')
    await coll.add({ _id: 'd', category: 'Web' })
    const first = await db().startTransaction()
    const second = await db().startTransaction()
    const { data } = await docIn(first, coll.name, 'd').get()
    await docIn(second, coll.name, 'd').update({ category: 'second' })
    await expect(docIn(first, coll.name, 'd').update({ category: `${data.category}-first` })).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
      message: CONFLICT,
    })
    await second.commit()
    expect((await coll.doc('d').get()).data[0].category).toBe('second')
  })

  test('a write to a document changed outside the transaction since its snapshot conflicts', async () => {
    const coll = await suite.collection('skew')
    await coll.add({ _id: 'd', v: 1 })
    const tx = await db().startTransaction()
    await docIn(tx, coll.name, 'd').get()
    await coll.doc('d').set({ v: 2 })
    expect(await codeOf(docIn(tx, coll.name, 'd').update({ v: 3 }))).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect((await coll.doc('d').get()).data[0].v).toBe(2)
  })

  test('a direct write to a document an open transaction has written is never lost to its commit: it waits for it, or the commit conflicts', async () => {
    const coll = await suite.collection('sealing')
    await coll.add({ _id: 'shard', n: 0 })
    const tx = await db().startTransaction()
    await docIn(tx, coll.name, 'shard').update({ n: 1 })
    // Not awaited: on MongoDB this write waits for the transaction's lock.
    const direct = coll.doc('shard').update({ sealed: true })
    await new Promise((r) => setTimeout(r, 50))
    const committed = await tx.commit().then(() => true, (e: { code?: string }) => e.code)
    await direct
    const { n, sealed } = (await coll.doc('shard').get()).data[0]
    expect(sealed).toBe(true)
    // Committed, its write came first; refused, it is gone as a whole.
    expect({ committed, n }).toEqual(committed === true ? { committed: true, n: 1 } : { committed: 'DATABASE_TRANSACTION_CONFLICT', n: 0 })
  })

  test('a transaction used after commit or rollback answers DATABASE_TRANSACTION_FAIL (TransactionNotExist) and writes nothing', async () => {
    const coll = await suite.collection('ended')
    const notExist = { code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringMatching(/^\[ResourceUnavailable\.TransactionNotExist\]/) }
    const committed = await db().startTransaction()
    await committed.commit()
    await expect(docIn(committed, coll.name, 'late').set({ v: 1 })).rejects.toMatchObject(notExist)
    const rolledBack = await db().startTransaction()
    await rolledBack.rollback()
    await expect(docIn(rolledBack, coll.name, 'late').get()).rejects.toMatchObject(notExist)
    expect((await coll.count()).total).toBe(0)
  })

  test('a transaction that throws leaves nothing behind', async () => {
    const coll = await suite.collection('throws')
    const failing = db().runTransaction(async (tx: TxLike) => {
      await tx.collection(coll.name).add({ _id: 'never', v: 1 })
      throw new Error('changed my mind')
    })
    await expect(failing).rejects.toThrow('changed my mind')
    expect((await coll.where({ _id: 'never' }).count()).total).toBe(0)
  })

  test('an insert inside a transaction meets _id uniqueness as DATABASE_DUPLICATE_WRITE', async () => {
    const coll = await suite.collection('taken')
    await coll.add({ _id: 'taken' })
    const attempt = db().runTransaction(async (tx: TxLike) => {
      await tx.collection(coll.name).add({ _id: 'taken' })
    })
    expect(await codeOf(attempt)).toBe('DATABASE_DUPLICATE_WRITE')
  })
})
