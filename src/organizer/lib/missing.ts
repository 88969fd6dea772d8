/**
 * @module What a wizard step still lacks, in words: a disabled 下一步 says why instead of doing
 * nothing when tapped (the first step needs a template, a name and a 主办单位 chip).
 */
import { checkAggregation } from '../../core/weights'
import { type Draft, ratesPersons } from './draft'
import { itemsReady } from './items'
import { scaleReady } from './scale'

/** Why a required name cannot be sent yet: empty, or spaces only (which the server would refuse). */
export const missingName = (value: string, what: string): string | null => (value.trim() ? null : value ? `${what}不能只有空格` : `请填写${what}`)

/** Why the draft's weights cannot be saved (the server checks the same rule), or null. */
export function weightsProblem(d: Pick<Draft, 'aggregation' | 'categories'>): string | null {
  const checked = checkAggregation(d.aggregation, d.categories)
  return checked.ok ? null : checked.error.message
}

/** The first thing step `step` still needs, or null when it may go on. */
export function missingAt(d: Draft, step: number): string | null {
  if (step === 0) {
    if (!d.template) return '请先选择评议模板'
    const title = missingName(d.title, '评议名称')
    if (title) return title
    if (!d.ownerUnitId) return '请点选一个主办单位'
  }
  if (step === 1 && (ratesPersons(d) ? d.persons : d.units).length === 0) return ratesPersons(d) ? '请至少添加一名评议对象' : '请至少选择一个评议对象单位'
  if (step === 2 && !itemsReady(d.ballot)) return '评议内容有空白或重复的项目，请补全'
  if (step === 2 && !scaleReady(d.ballot)) return '评价等次的名称不能为空'
  if (step === 2) return weightsProblem(d)
  return null
}
