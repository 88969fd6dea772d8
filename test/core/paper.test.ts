/** Two entries of one paper ballot: when they agree, and on which targets they do not. */
import { entriesDiffer, oneSheetPerTarget, orderedSheets, type PaperSheet, PaperSerial } from '../../src/core'

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
