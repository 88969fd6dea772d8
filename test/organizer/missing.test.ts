/** A disabled 下一步 says what the step waits for, in the order a person fills the step in. */
import { emptyDraft, fromTemplate } from '../../src/organizer/lib/draft'
import { missingAt, missingName } from '../../src/organizer/lib/missing'
import { builtinTemplates } from '../../src/core'

const template = builtinTemplates.find((t) => t.id === 'community-satisfaction')!

test('the first step asks for a template, then a name that is more than spaces, then a 主办单位', () => {
  const d = emptyDraft()
  expect(missingAt(d, 0)).toBe('请先选择评议模板')
  expect(missingAt({ ...d, template }, 0)).toBe('请填写评议名称')
  expect(missingAt({ ...d, template, title: '   ' }, 0)).toBe('评议名称不能只有空格')
  expect(missingAt({ ...d, template, title: '满意度测评' }, 0)).toBe('请点选一个主办单位')
  expect(missingAt({ ...d, template, title: '满意度测评', ownerUnitId: 'community-xingfu' }, 0)).toBeNull()
})

test('the second step asks for a target', () => {
  expect(missingAt({ ...emptyDraft(), template }, 1)).toBe('请至少选择一个评议对象单位')
})

test('a name of spaces is told apart from an empty one', () => {
  expect([missingName('', '单位名称'), missingName('  ', '单位名称'), missingName(' 甲 ', '单位名称')]).toEqual(['请填写单位名称', '单位名称不能只有空格', null])
})

test('the weights step refuses a part weighted 0 % in words, before the server is asked', () => {
  const liangping = builtinTemplates.find((t) => t.id === 'liangping-yishu')!
  const d = { ...emptyDraft(), template: liangping, ...fromTemplate(liangping) }
  expect(missingAt(d, 2)).toBeNull()
  if (d.aggregation.mode !== 'weighted') throw new Error('004 counts by weight')
  const [internal, social] = d.aggregation.parts
  const zero = { ...d, aggregation: { mode: 'weighted' as const, parts: [{ ...internal!, weight: 0 }, { ...social!, weight: 100 }] } }
  expect(missingAt(zero, 2)).toBe('加权计分设置有误：「内部评议」的权重应大于 0%，不计入的类别请从各部分中去掉')
})
