/** Two entries of one paper ballot: when they agree, and on which targets they do not. */
import { entriesDiffer, faultsFit, oneSheetPerTarget, orderedSheets, type PaperSheet, PaperSerial, sheetFromReading, type SheetReading, templateById, templateItems } from '../../src/core'

const rated = (targetId: string, overall: string, items: Record<string, string> = { i1: overall, i2: overall }, opinion?: string): PaperSheet => ({ mark: 'ballot', ballot: { targetId, overall, items, ...(opinion === undefined ? {} : { opinion }) } })
const entry = (sheets: PaperSheet[], code: string | null = 'ABCD2345') => ({ code, sheets })

test('the same reading in another order, with items listed differently and opinion whitespace apart, agrees', () => {
  const a = entry([rated('t1', 'good', { i1: 'good', i2: 'fair' }, '服务 热情'), { mark: 'spoiled', targetId: 't2' }])
  const b = entry([{ mark: 'spoiled', targetId: 't2' }, rated('t1', 'good', { i2: 'fair', i1: 'good' }, ' 服务  热情 ')])
  expect(entriesDiffer(a, b)).toEqual([])
})

test('a different level, item, opinion, mark or missing sheet names its target; a different roster code is named as ""', () => {
  const base = entry([rated('t1', 'good'), rated('t2', 'good'), { mark: 'blank', targetId: 't3' }])
  expect(entriesDiffer(base, entry([rated('t1', 'fair'), rated('t2', 'good'), { mark: 'blank', targetId: 't3' }]))).toEqual(['t1'])
  expect(entriesDiffer(base, entry([rated('t1', 'good'), rated('t2', 'good', { i1: 'good', i2: 'poor' }), { mark: 'blank', targetId: 't3' }]))).toEqual(['t2'])
  expect(entriesDiffer(base, entry([rated('t1', 'good', undefined, '好'), rated('t2', 'good'), { mark: 'blank', targetId: 't3' }]))).toEqual(['t1'])
  expect(entriesDiffer(base, entry([rated('t1', 'good'), rated('t2', 'good'), { mark: 'spoiled', targetId: 't3' }]))).toEqual(['t3'])
  expect(entriesDiffer(base, entry([rated('t1', 'good'), rated('t2', 'good')]))).toEqual(['t3'])
  expect(entriesDiffer(base, entry(base.sheets, 'ZZZZ2345'))).toEqual([''])
})

test('sheets are kept in target order, one per target; serials are eight digits', () => {
  expect(orderedSheets([rated('t2', 'good'), rated('t1', 'good')]).map((s) => (s.mark === 'ballot' ? s.ballot.targetId : ''))).toEqual(['t1', 't2'])
  expect(oneSheetPerTarget([rated('t1', 'good'), { mark: 'blank', targetId: 't1' }])).toBe(false)
  expect(['12345678', ' 00000001 '].map((s) => PaperSerial.safeParse(s).success)).toEqual([true, true])
  expect(['1234567', '1234567a', '$gt', '__proto__'].map((s) => PaperSerial.safeParse(s).success)).toEqual([false, false, false, false])
})

describe('a sheet read row by row (000: 总体评价 and 13 items on 好/一般/差)', () => {
  const template = templateById('sanping-yilian')!.ballot
  const items = templateItems(template).map((i) => i.id)
  const all = (row: SheetReading['overall']): SheetReading => ({ overall: row, items: Object.fromEntries(items.map((id) => [id, row!])), opinion: '' })
  const good = { level: template.scale.levels[0]!.id }

  test('every row ticked once is a ballot; nothing ticked or written at all is 空白票', () => {
    expect(sheetFromReading(template, 't1', { ...all(good), opinion: ' 好 ' })).toEqual({ mark: 'ballot', ballot: { targetId: 't1', overall: good.level, items: Object.fromEntries(items.map((id) => [id, good.level])), opinion: '好' } })
    expect(sheetFromReading(template, 't1', all({ fault: 'unmarked' }))).toEqual({ mark: 'blank', targetId: 't1' })
  })

  test('one item left empty or ticked twice makes the whole sheet 废票 naming that row, never a ballot with the item left out', () => {
    const third = items[2]!
    for (const fault of ['unmarked', 'several'] as const) {
      const sheet = sheetFromReading(template, 't1', { ...all(good), items: { ...all(good).items, [third]: { fault } } })
      expect(sheet).toEqual({ mark: 'spoiled', targetId: 't1', faults: { items: { [third]: fault } } })
    }
    expect(sheetFromReading(template, 't1', { ...all(good), overall: { fault: 'several' } })).toEqual({ mark: 'spoiled', targetId: 't1', faults: { overall: 'several', items: {} } })
    // Nothing ticked but an opinion written: not blank, and no ballot can carry the opinion.
    expect(sheetFromReading(template, 't1', { ...all({ fault: 'unmarked' }), opinion: '路灯坏了' })).toMatchObject({ mark: 'spoiled' })
  })

  test('a row not read yet leaves the sheet unfinished', () => {
    const { [items[0]!]: _first, ...rest } = all(good).items
    expect(sheetFromReading(template, 't1', { ...all(good), items: rest })).toBeNull()
    expect(sheetFromReading(template, 't1', { items: all(good).items, opinion: '' })).toBeNull()
  })

  test('two entries agree on a 废票 only when they name the same faulty rows; faults must name rows of the form', () => {
    const spoiled = (faults: object): PaperSheet => ({ mark: 'spoiled', targetId: 't1', faults: { items: {}, ...faults } })
    expect(entriesDiffer(entry([spoiled({ items: { [items[2]!]: 'unmarked' } })]), entry([spoiled({ items: { [items[2]!]: 'unmarked' } })]))).toEqual([])
    expect(entriesDiffer(entry([spoiled({ items: { [items[2]!]: 'unmarked' } })]), entry([spoiled({ items: { [items[3]!]: 'several' } })]))).toEqual(['t1'])
    expect(entriesDiffer(entry([spoiled({ items: { [items[2]!]: 'unmarked' } })]), entry([spoiled({ items: { [items[2]!]: 'several' } })]))).toEqual(['t1'])
    expect(entriesDiffer(entry([spoiled({ overall: 'unmarked' })]), entry([{ mark: 'spoiled', targetId: 't1' }]))).toEqual(['t1'])
    expect(faultsFit(template, { items: { [items[0] as string]: 'several' as const } })).toBe(true)
    expect(faultsFit(template, { overall: 'unmarked', items: {} })).toBe(true)
    expect(faultsFit(template, { items: {} })).toBe(false)
    for (const hostile of ['toString', '__proto__', 'i99']) expect(faultsFit(template, { items: Object.fromEntries([[hostile, 'several' as const]]) })).toBe(false)
  })
})
