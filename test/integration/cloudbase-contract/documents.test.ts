/** The CloudBase contract for storing documents: ids, types, replacing and updating, what is refused. */
import { ObjectId } from 'bson'
import { BACKEND_NAME, codeOf, contractSuite } from './suite'

const suite = contractSuite()
const db = () => suite.db()

describe(`CloudBase contract, documents — ${BACKEND_NAME}`, () => {
  test('a document is stored under its _id and read back with its types', async () => {
    const coll = await suite.collection('types')
    const when = new Date('2026-11-22T08:00:00+08:00')
    await coll.add({ _id: 'doc-1', n: 1, when, tags: ['a'], nested: { k: 'v' } })
    const { data } = await coll.doc('doc-1').get()
    expect(data).toEqual([{ _id: 'doc-1', n: 1, when, tags: ['a'], nested: { k: 'v' } }])
    expect(data[0].when).toBeInstanceOf(Date)
  })

  test('a second insert of the same _id is refused with DATABASE_DUPLICATE_WRITE and changes nothing', async () => {
    const coll = await suite.collection('dup')
    await coll.add({ _id: 'dup', v: 'first' })
    expect(await codeOf(coll.add({ _id: 'dup', v: 'second' }))).toBe('DATABASE_DUPLICATE_WRITE')
    expect((await coll.doc('dup').get()).data[0].v).toBe('first')
  })

  test('50 concurrent inserts of one _id: exactly one succeeds, 49 get DATABASE_DUPLICATE_WRITE', async () => {
    const coll = await suite.collection('race')
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => codeOf(coll.add({ _id: 'race', writer: i }))))
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1)
    expect(outcomes.filter((o) => o === 'DATABASE_DUPLICATE_WRITE')).toHaveLength(49)
    expect((await coll.where({ _id: 'race' }).count()).total).toBe(1)
  })

  test('a numeric _id stays a number: it is found and removed by that number, and the string of its digits is another document', async () => {
    const coll = await suite.collection('numeric')
    const id = 1700000000000
    await coll.add({ _id: id, kind: 'number' })
    await coll.add({ _id: String(id), kind: 'string' })
    expect((await coll.doc(id).get()).data).toEqual([{ _id: id, kind: 'number' }])
    expect((await coll.doc(id).remove()).deleted).toBe(1)
    expect((await coll.doc(String(id)).get()).data).toEqual([{ _id: String(id), kind: 'string' }])
  })

  test('ids that are words of JavaScript or MongoDB are ordinary ids', async () => {
    const coll = await suite.collection('hostile')
    const hostile = ['root', 'toString', '__proto__', 'constructor', '$gt', 'hasOwnProperty']
    for (const id of hostile) await coll.add({ _id: id, id })
    for (const id of hostile) expect((await coll.doc(id).get()).data).toEqual([{ _id: id, id }])
    expect((await coll.count()).total).toBe(hostile.length)
    expect((await coll.doc('__proto__').remove()).deleted).toBe(1)
    expect((await coll.count()).total).toBe(hostile.length - 1)
  })

  test('an ObjectId value outside _id reads back as its hex string and still matches as an ObjectId', async () => {
    const coll = await suite.collection('oid')
    const hex = new ObjectId().toHexString()
    await coll.add({ _id: 'ref', inviter: db().ObjectId({ id: hex }) })
    expect((await coll.doc('ref').get()).data[0].inviter).toBe(hex)
    const { data } = await coll.where({ inviter: db().ObjectId({ id: hex }) }).get()
    expect(data.map((d: { _id: string }) => d._id)).toEqual(['ref'])
  })

  test('a field name starting with $ is refused with DATABASE_REQUEST_FAILED and nothing is stored', async () => {
    const coll = await suite.collection('dollar')
    expect(await codeOf(coll.add({ $_key: 1 }))).toBe('DATABASE_REQUEST_FAILED')
    await coll.add({ _id: 'plain', v: 1 })
    expect(await codeOf(coll.doc('plain').update({ $_key: 1 }))).toBe('DATABASE_REQUEST_FAILED')
    expect((await coll.count()).total).toBe(1)
    expect((await coll.doc('plain').get()).data).toEqual([{ _id: 'plain', v: 1 }])
  })

  test('db.serverDate() is stored as the server time, its offset added, in add, set and update', async () => {
    const coll = await suite.collection('serverdate')
    const minute = 60_000
    const near = (d: unknown, offset = 0) => {
      expect(d).toBeInstanceOf(Date)
      // A real environment's clock may drift from ours: allow five minutes.
      expect(Math.abs((d as Date).getTime() - offset - Date.now())).toBeLessThan(5 * minute)
    }
    const sd = (offset?: number) => db().serverDate(offset === undefined ? undefined : { offset })
    await coll.add({ _id: 'dated', at: sd(), later: sd(minute), nested: { at: sd(minute) }, list: [sd(minute)] })
    let [doc] = (await coll.doc('dated').get()).data
    near(doc.at)
    expect(doc.later.getTime() - doc.at.getTime()).toBe(minute)
    near(doc.nested.at, minute)
    near(doc.list[0], minute)

    await coll.doc('dated').update({ later: sd(60 * minute), list: db().command.push(sd()) })
    ;[doc] = (await coll.doc('dated').get()).data
    near(doc.later, 60 * minute)
    near(doc.list[1])

    await coll.doc('set-at').set({ at: sd(-minute) })
    near((await coll.doc('set-at').get()).data[0].at, -minute)
  })

  test('update operators $inc $set $push $unset apply to one document', async () => {
    const coll = await suite.collection('ops')
    const _ = db().command
    await coll.add({ _id: 'ops', n: 1, gone: true, list: ['x'] })
    await coll.doc('ops').update({ n: _.inc(2), 'deep.k': 3, list: _.push('y'), gone: _.remove(), label: _.set({ a: 1 }) })
    const { data } = await coll.doc('ops').get()
    expect(data[0]).toEqual({ _id: 'ops', n: 3, deep: { k: 3 }, list: ['x', 'y'], label: { a: 1 } })
  })

  test('set replaces a document and creates it when absent', async () => {
    const coll = await suite.collection('set')
    expect((await coll.doc('set-me').set({ a: 1, b: 2 })).upsertedId).toBe('set-me')
    await coll.doc('set-me').set({ c: 3 })
    expect((await coll.doc('set-me').get()).data).toEqual([{ _id: 'set-me', c: 3 }])
  })

  test('set counts the replaced document as updated even when its content is unchanged, in any key order', async () => {
    const coll = await suite.collection('set-same')
    await coll.doc('same').set({ a: 1, b: { c: 2 } })
    expect((await coll.doc('same').set({ a: 1, b: { c: 2 } })).updated).toBe(1)
    expect((await coll.doc('same').set({ b: { c: 2 }, a: 1 })).updated).toBe(1)
  })
})
