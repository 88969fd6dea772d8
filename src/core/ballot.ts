/** @module ballot — the ballot a resident submits for one target, and its validation. */
import { z } from 'zod'
import { templateItems } from './ballotTemplate'
import { fail, succeed, type Result } from './errors'
import { Id } from './ids'
import type { Round } from './round'
import { levelById } from './scale'

/** Shape only; `validateBallot` checks it against the round's template. */
export const BallotInput = z
  .object({
    targetId: Id,
    overall: Id,
    items: z.record(Id, Id),
    opinion: z.string().max(20000).optional(),
  })
  .strict()
export type BallotInput = z.infer<typeof BallotInput>

/** A ballot that fits its round: complete, on the scale, opinion trimmed (absent if blank). */
export type ValidBallot = BallotInput & { readonly __brand?: 'ValidBallot' }

function shapeError(error: z.ZodError): Result<ValidBallot> {
  const issue = error.issues[0]
  if (issue?.code === 'unrecognized_keys') return fail('BALLOT_UNKNOWN_FIELD', issue.keys.join('、'))
  if (issue?.path[0] === 'overall') return fail('OVERALL_MISSING')
  return fail('BALLOT_MALFORMED')
}

/** Code points, so an emoji counts once, like a Chinese character. */
function length(text: string): number {
  return [...text].length
}

export function validateBallot(round: Round, input: unknown): Result<ValidBallot> {
  const parsed = BallotInput.safeParse(input)
  if (!parsed.success) return shapeError(parsed.error)
  const ballot = parsed.data
  const { template } = round
  const target = round.targets.find((t) => t.id === ballot.targetId)
  if (!target) return fail('TARGET_NOT_IN_ROUND')
  if (!levelById(template.scale, ballot.overall)) return fail('LEVEL_NOT_ON_SCALE', template.overall.label)

  const items = templateItems(template)
  const unknown = Object.keys(ballot.items).filter((id) => !items.some((i) => i.id === id))
  if (unknown.length > 0) return fail('ITEM_UNKNOWN', unknown.join('、'))
  for (const item of items) {
    const levelId = ballot.items[item.id]
    if (levelId === undefined) return fail('ITEM_MISSING', item.label)
    if (!levelById(template.scale, levelId)) return fail('LEVEL_NOT_ON_SCALE', item.label)
  }

  const opinion = ballot.opinion?.trim() ?? ''
  if (opinion !== '' && !template.opinion.enabled) return fail('OPINION_NOT_ALLOWED')
  if (length(opinion) > template.opinion.maxLength) {
    return fail('OPINION_TOO_LONG', `最多 ${template.opinion.maxLength} 字`)
  }
  const value = { targetId: target.id, overall: ballot.overall, items: { ...ballot.items }, ...(opinion ? { opinion } : {}) }
  return succeed(value as ValidBallot)
}
