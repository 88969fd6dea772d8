/** What only the embedded CloudBase must do: WeChat open APIs, storage, and loud refusals. */
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Runtime } from '../../local/runtime'
import { adminCall } from '../helpers/admin'
import { startTestRuntime } from '../helpers/runtime'
import tcb from '@cloudbase/node-sdk'

let runtime: Runtime
let app: ReturnType<typeof tcb.init>

beforeAll(async () => {
  runtime = await startTestRuntime()
  app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, throwOnCode: true })
})
afterAll(() => runtime.close())

test('wxacode.getUnlimited answers a QR PNG that decodes to the page and scene', async () => {
  const png = (await app.callCompatibleWxOpenApi({
    apiName: 'wxacode.getUnlimited',
    requestData: Buffer.from(JSON.stringify({ scene: 'r=abc&c=g1', page: 'pages/index/index' })),
  })) as unknown as Buffer
  const image = PNG.sync.read(png)
  const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)
  expect(decoded?.data).toBe(`${runtime.url}/#/pages/index/index?scene=${encodeURIComponent('r=abc&c=g1')}`)
})

test('wxacode.getUnlimited refuses a scene over 32 characters, as WeChat does', async () => {
  const answer = await app.callCompatibleWxOpenApi({
    apiName: 'wxacode.getUnlimited',
    requestData: Buffer.from(JSON.stringify({ scene: 'x'.repeat(33), page: 'pages/index/index' })),
  })
  // The SDK hands back JSON errors parsed, images as a Buffer.
  expect(answer).toMatchObject({ errcode: 40169 })
})

test('security.msgSecCheck v2 marks text with a risky word and passes ordinary text', async () => {
  const check = (content: string) =>
    app.callWxOpenApi({ apiName: 'security.msgSecCheck', requestData: { version: 2, openid: 'o1', scene: 2, content } })
  expect((await check('希望楼道灯早点修好')).result.result.suggest).toBe('pass')
  expect((await check('这里有人赌博')).result.result.suggest).toBe('risky')
})

test('a file uploaded to storage is served back through its temporary URL', async () => {
  const { fileID } = await app.uploadFile({ cloudPath: 'exports/测评表.csv', fileContent: Buffer.from('单位,满意率\n一支部,80%\n') })
  const { fileList } = await app.getTempFileURL({ fileList: [fileID] })
  const body = await (await fetch(fileList[0].tempFileURL)).text()
  expect(body).toBe('单位,满意率\n一支部,80%\n')
})

test('an action the embedded server does not implement is refused by name, not silently accepted', async () => {
  expect(await adminCall(`${runtime.url}/admin`, runtime.credentials, { action: 'database.watchDocument' })).toMatchObject({ code: 'ACTION_NOT_SUPPORTED', message: expect.stringContaining('database.watchDocument') })
  expect(runtime.cloudbase.stats['database.watchDocument']).toBe(1)
})

test('writing to a collection that was never created fails as in CloudBase', async () => {
  await expect(app.database().collection('nowhere').add({ a: 1 })).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' })
})

test('geo queries, the geoNear stage, jsonSchema and the regex x option are refused by name with FEATURE_NOT_SUPPORTED', async () => {
  const db = app.database()
  const _ = db.command
  await db.createCollection('places')
  const places = db.collection('places')
  await places.add({ _id: 'office', at: new db.Geo.Point(121.47, 31.23) })
  const refusals: [Promise<unknown>, string][] = [
    [places.where({ at: _.geoNear({ geometry: new db.Geo.Point(121.47, 31.23), maxDistance: 100 }) }).get(), 'geoNear'],
    [places.where({ at: _.geoWithin({ centerSphere: [new db.Geo.Point(121.47, 31.23), 0.001] }) }).count(), 'geoWithin'],
    [places.aggregate().geoNear({ near: new db.Geo.Point(121.47, 31.23), distanceField: 'd', spherical: true }).limit(1).end(), 'geoNear'],
    [places.where(_.jsonSchema({ required: ['at'] })).get(), 'jsonSchema'],
    [places.where({ _id: db.RegExp({ regexp: 'off ice', options: 'x' }) }).get(), 'regex option x'],
  ]
  for (const [refused, feature] of refusals) {
    await expect(refused).rejects.toMatchObject({ code: 'FEATURE_NOT_SUPPORTED', message: expect.stringContaining(feature) })
  }
})

test('a read inside a transaction of a document changed since its snapshot conflicts (production would serve the snapshot: stricter, never weaker)', async () => {
  const db = app.database()
  await db.createCollection('snapshots')
  await db.collection('snapshots').add({ _id: 'd', v: 1 })
  const tx = await db.startTransaction()
  expect((await tx.collection('snapshots').doc('d').get()).data).toMatchObject({ v: 1 })
  await db.collection('snapshots').doc('d').set({ v: 2 })
  await expect(tx.collection('snapshots').doc('d').get()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
})

test('the store keeps a number _id, the string of its digits and a string shaped like its internal key apart', async () => {
  const db = app.database()
  await db.createCollection('ids')
  const ids = db.collection('ids')
  const lookalike = '\u0000{"id":1}'
  for (const id of [1, '1', lookalike]) await ids.add({ _id: id, kind: typeof id })
  expect((await ids.count()).total).toBe(3)
  expect((await ids.doc(lookalike).get()).data).toEqual([{ _id: lookalike, kind: 'string' }])
  expect((await ids.doc(1).get()).data).toEqual([{ _id: 1, kind: 'number' }])
})
