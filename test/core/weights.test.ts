/** A round's weights: the wizard's even default and the rule every saved aggregation must meet. */
import { checkAggregation, partPerCategory } from '../../src/core'

const categories = [
  { id: 'internal', name: '内部评议' },
  { id: 'deputies', name: '代表评议' },
  { id: 'service', name: '服务对象' },
]

test('switching to weights starts from one part per category, as even as whole percentages allow, and it can be saved', () => {
  const even = partPerCategory(categories)
  expect(even).toEqual({
    mode: 'weighted',
    parts: [
      { id: 'internal', name: '内部评议', categoryIds: ['internal'], weight: 34 },
      { id: 'deputies', name: '代表评议', categoryIds: ['deputies'], weight: 33 },
      { id: 'service', name: '服务对象', categoryIds: ['service'], weight: 33 },
    ],
  })
  expect(checkAggregation(even, categories.map((c) => ({ ...c, scope: { kind: 'round' as const }, access: 'open' as const }))).ok).toBe(true)
})

test('a part weighted 0 % is refused even when the others add up to 100, naming the part', () => {
  const parts = partPerCategory(categories.slice(0, 2)).parts
  const checked = checkAggregation({ mode: 'weighted', parts: [{ ...parts[0]!, weight: 0 }, { ...parts[1]!, weight: 100 }] }, [])
  expect(checked).toMatchObject({ ok: false, error: { code: 'WEIGHTS_INVALID', message: expect.stringContaining('「内部评议」的权重应大于 0%') } })
})
