/** The CloudBase contract for finding documents: filters, paging, regexes and $elemMatch. */
import { BACKEND_NAME, contractSuite } from './suite'

const suite = contractSuite()
const db = () => suite.db()
const ids = (result: { data: { _id: unknown }[] }) => result.data.map((d) => d._id).sort()

describe(`CloudBase contract, queries — ${BACKEND_NAME}`, () => {
  test('queries filter, sort, skip and count; a page never exceeds 1 000 rows', async () => {
    const coll = await suite.collection('paging')
    const _ = db().command
    const rows = Array.from({ length: 1100 }, (_x, i) => ({ _id: `row-${String(i).padStart(4, '0')}`, kind: 'row', i }))
    for (let i = 0; i < rows.length; i += 100) await coll.add(rows.slice(i, i + 100))
    expect((await coll.where({ kind: 'row' }).count()).total).toBe(1100)
    expect((await coll.where({ kind: 'row' }).get()).data).toHaveLength(100)
    expect((await coll.where({ kind: 'row' }).limit(5000).get()).data).toHaveLength(1000)
    const page = await coll.where({ kind: 'row', i: _.gte(10) }).orderBy('i', 'desc').skip(2).limit(3).get()
    expect(page.data.map((d: { i: number }) => d.i)).toEqual([1097, 1096, 1095])
    await coll.where({ kind: 'row' }).remove()
    expect((await coll.where({ kind: 'row' }).count()).total).toBe(0)
  })

  test('a regex matches as a JavaScript literal, as db.RegExp with options, inside or, and in update', async () => {
    const coll = await suite.collection('regex')
    const _ = db().command
    await coll.add([
      { _id: 'a', name: '幸福社区第一党支部', code: 'AB-12' },
      { _id: 'b', name: '阳光街道第二党支部', code: 'ab-7' },
      { _id: 'c', name: '幸福社区服务窗口', code: 'XY-1' },
    ])
    expect(ids(await coll.where({ name: /^幸福.*党支部$/ }).get())).toEqual(['a'])
    expect(ids(await coll.where({ code: /^ab-\d+$/ }).get())).toEqual(['b'])
    expect(ids(await coll.where({ code: db().RegExp({ regexp: '^ab-\\d+$', options: 'i' }) }).get())).toEqual(['a', 'b'])
    expect(ids(await coll.where(_.or([{ code: /^XY/ }, { name: db().RegExp({ regexp: '第二' }) }])).get())).toEqual(['b', 'c'])
    expect((await coll.where({ name: /服务窗口$/ }).update({ code: 'XY-2' })).updated).toBe(1)
    expect((await coll.doc('c').get()).data[0].code).toBe('XY-2')
    expect((await coll.where({ name: /党支部/ }).count()).total).toBe(2)
  })

  test('where({_id: /.*/}).remove() removes every document', async () => {
    const coll = await suite.collection('regex-remove')
    await coll.add([{ _id: 'x' }, { _id: 'y' }, { v: 1 }])
    expect((await coll.where({ _id: /.*/ }).remove()).deleted).toBe(3)
    expect((await coll.count()).total).toBe(0)
  })

  test('equality on a scalar matches the same value or an array holding it, never another type nor a missing field', async () => {
    const coll = await suite.collection('equality')
    await coll.add([
      { _id: 'string', unit: 'u1', open: true, n: 1 },
      { _id: 'array', unit: ['u0', 'u1'], open: [false, true], n: [2, 1] },
      { _id: 'number', unit: 1, open: 1, n: '1' },
      { _id: 'missing' },
      { _id: 'nested', unit: { id: 'u1' }, open: null, n: 1.5 },
    ])
    expect(ids(await coll.where({ unit: 'u1' }).get())).toEqual(['array', 'string'])
    expect(ids(await coll.where({ open: true }).get())).toEqual(['array', 'string'])
    expect(ids(await coll.where({ n: 1 }).get())).toEqual(['array', 'string'])
    expect(ids(await coll.where({ unit: 'u1', n: 1 }).get())).toEqual(['array', 'string'])
    expect(ids(await coll.where({ unit: 'u1', open: false }).get())).toEqual(['array'])
    expect((await coll.where({ unit: 'u1', n: 2 }).count()).total).toBe(1)
    expect((await coll.where({ unit: 'u1' }).update({ seen: true })).updated).toBe(2)
    expect((await coll.where({ unit: 'u1', n: 1 }).remove()).deleted).toBe(2)
    expect(ids(await coll.get())).toEqual(['missing', 'nested', 'number'])
  })

  test('$elemMatch with a field condition matches only arrays of documents; with a value condition, scalars', async () => {
    const coll = await suite.collection('elem')
    const _ = db().command
    await coll.add([
      { _id: 'numbers', tags: [1, 2, 3] },
      { _id: 'documents', tags: [{ value: 1 }, { value: 7 }] },
      { _id: 'words', tags: ['Go'] },
    ])
    expect(ids(await coll.where({ tags: _.elemMatch({ value: _.gt(0) }) }).get())).toEqual(['documents'])
    expect(ids(await coll.where({ tags: _.elemMatch({ value: _.exists(true) }) }).get())).toEqual(['documents'])
    expect(ids(await coll.where({ tags: _.elemMatch(_.gt(2)) }).get())).toEqual(['numbers'])
    expect(ids(await coll.where({ tags: _.elemMatch(_.eq('Go')) }).get())).toEqual(['words'])
  })
})
