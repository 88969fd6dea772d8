/**
 * @module The confirmation steps of verdicts (collection `verdictSteps`), append-only: step n of a
 * target's verdict under a rule is the document `${round}:${target}:${rule}:${n}`, so two people
 * acting on one verdict at once write the same key and only one step lands. Every served figure
 * carries its verdicts' standing from here (`withStandings`).
 */
import { type TargetResult, type VerdictStep, verdictStanding } from '../../src/core'
import { database } from './cloudbase'
import type { RoundFigures } from './results'
import type { RoundDoc } from './rounds'
import { isDuplicate } from './transaction'

interface StepDoc extends VerdictStep {
  _id: string
  roundId: string
  targetId: string
  ruleId: string
  seq: number
}

const steps = () => database().collection('verdictSteps')
const verdictKey = (targetId: string, ruleId: string) => `${targetId}:${ruleId}`

/** Every step of the round's verdicts, in order, by target and rule. */
export async function roundSteps(roundId: string): Promise<Map<string, VerdictStep[]>> {
  const { data } = await steps().where({ roundId }).limit(1000).get()
  const byVerdict = new Map<string, StepDoc[]>()
  for (const d of data as StepDoc[]) byVerdict.set(verdictKey(d.targetId, d.ruleId), [...(byVerdict.get(verdictKey(d.targetId, d.ruleId)) ?? []), d])
  return new Map([...byVerdict].map(([key, list]) => [key, list.sort((a, b) => a.seq - b.seq).map(({ _id, roundId: _r, targetId: _t, ruleId: _u, seq: _s, ...step }) => step)]))
}

export const stepsOf = (all: Map<string, VerdictStep[]>, targetId: string, ruleId: string) => all.get(verdictKey(targetId, ruleId)) ?? []

/** Step `seq` of the verdict; false when someone else wrote that step first. */
export async function appendStep(roundId: string, targetId: string, ruleId: string, seq: number, step: VerdictStep): Promise<boolean> {
  try {
    await steps().add({ _id: `${roundId}:${targetId}:${ruleId}:${seq}`, roundId, targetId, ruleId, seq, ...step })
    return true
  } catch (e) {
    if (isDuplicate(e)) return false
    throw e
  }
}

function standingResult(doc: RoundDoc, targetId: string, result: TargetResult, all: Map<string, VerdictStep[]>): TargetResult {
  const { confirmation, window } = doc.round
  const verdicts = result.verdicts.verdicts.map((v) => ({ ...v, standing: verdictStanding(confirmation, stepsOf(all, targetId, v.ruleId), v.effects, window.closesAt) }))
  return { ...result, verdicts: { ...result.verdicts, verdicts } }
}

/** The figures with each verdict's standing; new objects, since live figures are shared within an instance. */
export async function withStandings(doc: RoundDoc, figures: RoundFigures): Promise<RoundFigures> {
  const fired = [...figures.byTarget.values()].some((f) => f.result.verdicts.verdicts.length > 0)
  const all = fired ? await roundSteps(doc._id) : new Map<string, VerdictStep[]>()
  return { ...figures, byTarget: new Map([...figures.byTarget].map(([id, f]) => [id, { ...f, result: standingResult(doc, id, f.result, all) }])) }
}
