/** The CloudBase contract for aggregation: stages, the date and string operators, and $lookup. */
import { BACKEND_NAME, contractSuite } from './suite'

const suite = contractSuite()
const db = () => suite.db()

describe(`CloudBase contract, aggregation — ${BACKEND_NAME}`, () => {
  test('aggregate $match $group $sort $limit $project', async () => {
    const coll = await suite.collection('votes')
    await coll.add([
      { kind: 'vote', target: 't1', score: 100 },
      { kind: 'vote', target: 't1', score: 60 },
      { kind: 'vote', target: 't2', score: 0 },
      { kind: 'other', target: 't3', score: 100 },
    ])
    const $ = db().command.aggregate
    const { data } = await coll
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

  test('date operators: $week counts Sunday-started weeks from 0, $isoWeek and $isoWeekYear follow ISO 8601', async () => {
    const coll = await suite.collection('dates')
    await coll.add([
      { _id: 'may', at: new Date('2019-05-14T09:38:51.686Z') },
      { _id: 'new-year', at: new Date('2021-01-01T12:00:00Z') },
      { _id: 'first-sunday', at: new Date('2019-01-06T12:00:00Z') },
    ])
    const $ = db().command.aggregate
    const { data } = await coll
      .aggregate()
      .sort({ _id: 1 })
      .project({ week: $.week('$at'), isoWeek: $.isoWeek('$at'), isoWeekYear: $.isoWeekYear('$at') })
      .limit(10)
      .end()
    expect(data).toEqual([
      { _id: 'first-sunday', week: 1, isoWeek: 1, isoWeekYear: 2019 },
      { _id: 'may', week: 19, isoWeek: 20, isoWeekYear: 2019 },
      { _id: 'new-year', week: 0, isoWeek: 53, isoWeekYear: 2020 },
    ])
  })

  test('string operators: $substr and $substrBytes take the rest for a count of -1; $indexOfCP and $indexOfBytes count code points and bytes', async () => {
    const coll = await suite.collection('strings')
    await coll.add({ _id: 's', birthday: '1999/12/12', name: '幸福社区a' })
    const $ = db().command.aggregate
    const { data } = await coll
      .aggregate()
      .project({
        _id: 0,
        year: $.substr(['$birthday', 0, 4]),
        day: $.substr(['$birthday', 8, -1]),
        rest: $.substrBytes(['$birthday', 5, -1]),
        chinese: $.substrBytes(['$name', 3, 6]),
        cp: $.indexOfCP(['$name', 'a']),
        bytes: $.indexOfBytes(['$name', 'a']),
        missing: $.indexOfCP(['$name', 'z']),
      })
      .limit(1)
      .end()
    expect(data).toEqual([{ year: '1999', day: '12', rest: '12/12', chinese: '福社', cp: 4, bytes: 12, missing: -1 }])
  })

  test('$lookup joins another collection by field, and by a pipeline with let', async () => {
    const people = await suite.collection('people')
    const roles = await suite.collection('roles')
    await people.add([
      { _id: 'p1', name: '张阿姨' },
      { _id: 'p2', name: '李大爷' },
    ])
    await roles.add([
      { _id: 'r1', name: '张阿姨', role: '网格员' },
      { _id: 'r2', name: '张阿姨', role: '居民' },
    ])
    const _ = db().command
    const $ = _.aggregate
    const byField = await people
      .aggregate()
      .lookup({ from: roles.name, localField: 'name', foreignField: 'name', as: 'roles' })
      .sort({ _id: 1 })
      .project({ _id: 1, count: $.size('$roles') })
      .limit(10)
      .end()
    expect(byField.data).toEqual([
      { _id: 'p1', count: 2 },
      { _id: 'p2', count: 0 },
    ])
    const byPipeline = await people
      .aggregate()
      .match({ _id: 'p1' })
      .lookup({
        from: roles.name,
        let: { who: '$name' },
        pipeline: $.pipeline().match(_.expr($.eq(['$name', '$$who']))).sort({ _id: 1 }).project({ _id: 0, role: 1 }).done(),
        as: 'roles',
      })
      .limit(10)
      .end()
    expect(byPipeline.data).toEqual([{ _id: 'p1', name: '张阿姨', roles: [{ role: '网格员' }, { role: '居民' }] }])
  })
})
