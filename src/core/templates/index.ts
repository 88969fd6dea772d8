/** @module templates — the built-in templates and drafting a round from one. */
import { fail, succeed, type Result } from '../errors'
import type { Group, Target } from '../org'
import { Round, type Channel } from '../round'
import type { BuiltinTemplate } from './builtin'
import { chuangxianDianpingMember, chuangxianDianpingOrg } from './chuangxianDianping'
import { chuangxianBranch, chuangxianMember } from './chuangxianPingyi'
import { communitySatisfaction } from './communitySatisfaction'
import { liangpingYishu } from './liangpingYishu'
import { sanpingYilian } from './sanpingYilian'
import { zhutiBranch, zhutiCadre, zhutiLeadership } from './zhutiJiaoyu'

export type { BuiltinTemplate } from './builtin'

export const builtinTemplates: readonly BuiltinTemplate[] = [
  sanpingYilian,
  chuangxianDianpingOrg,
  chuangxianDianpingMember,
  zhutiLeadership,
  zhutiCadre,
  zhutiBranch,
  chuangxianBranch,
  chuangxianMember,
  liangpingYishu,
  communitySatisfaction,
]

export function templateById(id: string): BuiltinTemplate | undefined {
  return builtinTemplates.find((t) => t.id === id)
}

export interface DraftInput {
  id: string
  title: string
  window: { opensAt: string; closesAt: string }
  targets?: Target[]
  groups?: Group[]
  channels?: Channel[]
}

/**
 * A draft round carrying a deep copy of the template, so editing the round never
 * touches the built-in. Fails on an unknown template or on input the schema rejects.
 */
export function draftRoundFromTemplate(templateId: string, input: DraftInput): Result<Round> {
  const template = templateById(templateId)
  if (!template) return fail('TEMPLATE_UNKNOWN', templateId)
  const copy = JSON.parse(JSON.stringify(template)) as BuiltinTemplate
  const parsed = Round.safeParse({
    id: input.id,
    title: input.title,
    procedure: copy.id,
    state: 'draft',
    window: input.window,
    targets: input.targets ?? [],
    groups: input.groups ?? [],
    template: copy.ballot,
    categories: copy.categories,
    rules: copy.rules,
    aggregation: copy.aggregation,
    minSample: copy.minSample,
    kSuppression: copy.kSuppression,
    visibility: copy.visibility,
    approvals: copy.approvals,
    sampling: copy.sampling,
    confirmation: copy.confirmation,
    channels: input.channels ?? [],
  })
  if (!parsed.success) return fail('ROUND_INVALID', parsed.error.issues[0]?.message)
  return succeed(parsed.data)
}
