/**
 * @module The create-round wizard's draft, and how it becomes the `createRound` input: chosen units
 * become targets of the template's kind, grouped as the organizer put them.
 */
import type { z } from 'zod'
import type { NewRound, UnitView } from '../../api/organize'
import type { EvaluatorCategory } from '../../core/category'
import type { BuiltinTemplate } from '../../core/templates'
import { defaultWindow } from './window'

type NewRoundInput = z.input<typeof NewRound>

export interface Draft {
  template: BuiltinTemplate | null
  title: string
  ownerUnitId: string
  units: UnitView[]
  /** Group number (1…) of each chosen unit, by unit id. */
  groupOf: Record<string, number>
  /** Lead unit of each group, by group number. */
  leadOf: Record<number, string>
  categories: EvaluatorCategory[]
  window: { opensAt: string; closesAt: string }
}

export const emptyDraft = (): Draft => ({ template: null, title: '', ownerUnitId: '', units: [], groupOf: {}, leadOf: {}, categories: [], window: defaultWindow() })

const KIND_SUFFIX: Record<string, string> = { 'leadership-team': '领导班子', unit: '', cadre: '', 'party-member': '' }

export function targetsOf(d: Draft): NewRoundInput['targets'] {
  const kind = d.template?.targetKind ?? 'unit'
  return d.units.map((u) => ({ id: `t-${u.id}`.slice(0, 40), name: `${u.name}${KIND_SUFFIX[kind] ?? ''}`, kind, unitId: u.id }))
}

export function groupsOf(d: Draft): NonNullable<NewRoundInput['groups']> {
  const numbers = [...new Set(d.units.map((u) => d.groupOf[u.id] ?? 1))].sort((a, b) => a - b)
  return numbers.map((n) => {
    const unitIds = d.units.filter((u) => (d.groupOf[u.id] ?? 1) === n).map((u) => u.id)
    const lead = d.leadOf[n]
    return { id: `g${n}`, name: `第${n}组`, leadUnitId: lead && unitIds.includes(lead) ? lead : unitIds[0], unitIds }
  })
}

export function newRoundInput(d: Draft): NewRoundInput {
  return {
    templateId: d.template?.id ?? '',
    ownerUnitId: d.ownerUnitId,
    title: d.title.trim(),
    window: d.window,
    targets: targetsOf(d),
    groups: groupsOf(d),
  }
}
