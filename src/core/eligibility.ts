/** @module eligibility — which targets an evaluator of a category and unit may rate. */
import type { Target } from './org'
import type { Round } from './round'

function unitsOfGroup(round: Round, evaluatorUnitId: string): Set<string> {
  const units = new Set<string>()
  for (const group of round.groups) {
    if (group.unitIds.includes(evaluatorUnitId)) group.unitIds.forEach((id) => units.add(id))
  }
  return units
}

/**
 * 000: unit evaluators rate only their own unit; all-round evaluators every unit of
 * their group. An unknown category or an unset scope grants nothing.
 */
export function eligibleTargets(round: Round, categoryId: string, evaluatorUnitId: string): Target[] {
  const scope = round.categories.find((c) => c.id === categoryId)?.scope
  if (!scope) return []
  switch (scope.kind) {
    case 'own-unit':
      return round.targets.filter((t) => t.unitId === evaluatorUnitId)
    case 'group': {
      const units = unitsOfGroup(round, evaluatorUnitId)
      return round.targets.filter((t) => units.has(t.unitId))
    }
    case 'round':
      return [...round.targets]
    case 'subset': {
      const listed = new Set(scope.targetIds)
      return round.targets.filter((t) => listed.has(t.id))
    }
  }
}

export function isEligible(round: Round, categoryId: string, evaluatorUnitId: string, targetId: string): boolean {
  return eligibleTargets(round, categoryId, evaluatorUnitId).some((t) => t.id === targetId)
}
