/**
 * @module The create-round wizard's draft, and how it becomes the `createRound` input: chosen units
 * become targets of the template's kind, grouped as the organizer put them; a template rating
 * persons (党员, 领导干部) takes the persons typed in or imported instead.
 */
import type { z } from 'zod'
import type { NewRound, PersonRow, UnitView } from '../../api/organize'
import type { BallotTemplate } from '../../core/ballotTemplate'
import type { EvaluatorCategory } from '../../core/category'
import { isPersonKind } from '../../core/personKinds'
import type { Aggregation } from '../../core/round'
import type { Rule } from '../../core/rule'
import type { BuiltinTemplate } from '../../core/templates'
import { defaultWindow } from './window'

type NewRoundInput = z.input<typeof NewRound>

export interface Draft {
  template: BuiltinTemplate | null
  title: string
  ownerUnitId: string
  units: UnitView[]
  /** The persons rated, when the template rates persons. */
  persons: PersonRow[]
  /** Group number (1…) of each chosen unit, by unit id. */
  groupOf: Record<string, number>
  /** Lead unit of each group, by group number. */
  leadOf: Record<number, string>
  categories: EvaluatorCategory[]
  /** The template's ballot (sections and items) as the organizer edited it. */
  ballot: BallotTemplate | null
  rules: Rule[]
  /** Ids of the template's rules the organizer turned off. */
  rulesOff: string[]
  /** Pooled counting or weighted parts, the template's unless the organizer changed it. */
  aggregation: Aggregation
  window: { opensAt: string; closesAt: string }
}

export const emptyDraft = (): Draft => ({ template: null, title: '', ownerUnitId: '', units: [], persons: [], groupOf: {}, leadOf: {}, categories: [], ballot: null, rules: [], rulesOff: [], aggregation: { mode: 'pooled' }, window: defaultWindow() })

const KIND_SUFFIX: Record<string, string> = { 'leadership-team': '领导班子', unit: '', cadre: '', 'party-member': '' }

export const ratesPersons = (d: Pick<Draft, 'template'>): boolean => isPersonKind(d.template?.targetKind ?? 'unit')

export function targetsOf(d: Draft): NewRoundInput['targets'] {
  const kind = d.template?.targetKind ?? 'unit'
  if (ratesPersons(d)) return d.persons.map((p, i) => ({ id: `p${i + 1}`, kind, ...p }))
  return d.units.map((u) => ({ id: `t-${u.id}`.slice(0, 40), name: `${u.name}${KIND_SUFFIX[kind] ?? ''}`, kind, unitId: u.id }))
}

export function groupsOf(d: Draft): NonNullable<NewRoundInput['groups']> {
  if (ratesPersons(d)) return []
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

/** A template chosen in step 1: the draft takes its own copy of what the later steps edit. */
export function fromTemplate(t: BuiltinTemplate): Partial<Draft> {
  const copy = JSON.parse(JSON.stringify(t)) as BuiltinTemplate
  return { template: t, categories: copy.categories, ballot: copy.ballot, rules: copy.rules, rulesOff: [], aggregation: copy.aggregation }
}

/** What `updateRound` applies after creation: the edited categories, items, the rules left on and the weights. */
export function draftPatch(d: Draft) {
  return {
    categories: d.categories,
    aggregation: d.aggregation,
    ...(d.ballot ? { template: d.ballot } : {}),
    rules: d.rules.filter((r) => !d.rulesOff.includes(r.id)),
  }
}
