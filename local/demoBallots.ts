/**
 * @module Demo ballots for a first local start, cast through the evaluate function itself by distinct
 * dev identities (never written into counters), so the leaders' dashboard shows something real:
 * in 幸福社区 one branch is below 60 % with more than a third 不满意 (003: 整改 and its secretary
 * rated 基本称职), and in the
 * 三评一联 round one street unit stays below 2/3 (返工补课). Live figures leave k = 5 ballots out, drawn
 * at random (see core `release`), so the shares are such that the verdicts hold whichever five:
 * b2's 不满意 share stays between a third and two thirds only with 40 residents. Codes keep uses
 * left for people to try.
 */
import { builtinTemplates, type LevelClass, templateItems } from '../src/core'
import type { DemoCodes } from './demo'
import { DEMO_ROUND_ID, DEMO_SANPING_ID } from './demo'
import { type FunctionMain, functionContext } from './gateway'

const PARALLEL = 4
/** Residents voting in the community round: enough for b2's verdict to hold whichever five are left out. */
const RESIDENTS = 40

type Call = (openid: string, action: string, data: unknown) => Promise<unknown>

const OPINIONS = ['希望多组织老年人活动', '楼道灯维修很及时，点赞', '停车问题还需要再协调', '网格员经常上门，服务很好', '希望公开党费使用情况']

/** Level classes drawn in a fixed rotation so a start is reproducible: `shares` are counts per 10 ballots. */
function levelFor(n: number, shares: { satisfied: number; basic: number; dissatisfied: number }): LevelClass {
  const at = n % 10
  if (at < shares.satisfied) return 'satisfied-full'
  if (at < shares.satisfied + shares.basic) return 'satisfied-basic'
  return at < shares.satisfied + shares.basic + shares.dissatisfied ? 'dissatisfied' : 'abstain'
}

function ballot(templateId: string, targetId: string, level: LevelClass, opinion?: string) {
  const template = builtinTemplates.find((t) => t.id === templateId)!.ballot
  const overall = (template.scale.levels.find((l) => l.class === level) ?? template.scale.levels[0]!).id
  return { targetId, overall, items: Object.fromEntries(templateItems(template).map((i) => [i.id, overall])), ...(opinion ? { opinion } : {}) }
}

const COMMUNITY_SHARES = {
  b1: { satisfied: 7, basic: 2, dissatisfied: 1 },
  b2: { satisfied: 3, basic: 2, dissatisfied: 5 },
  b3: { satisfied: 6, basic: 3, dissatisfied: 1 },
  b4: { satisfied: 8, basic: 1, dissatisfied: 1 },
}

/** su-law below 2/3; the others comfortably above. */
const SANPING_SHARES: Record<string, { satisfied: number; basic: number; dissatisfied: number }> = {
  'su-office': { satisfied: 7, basic: 3, dissatisfied: 0 },
  'su-service': { satisfied: 6, basic: 3, dissatisfied: 1 },
  'su-law': { satisfied: 2, basic: 1, dissatisfied: 7 },
  'su-affairs': { satisfied: 8, basic: 2, dissatisfied: 0 },
}

export async function castDemoBallots(evaluate: FunctionMain, openidOf: (persona: string) => string, codes: DemoCodes[]): Promise<number> {
  const call: Call = async (openid, action, data) => {
    const answer = (await evaluate({ action, data }, functionContext('evaluate', openid))) as { ok: boolean; data: unknown; error?: { message: string } }
    if (!answer.ok) throw new Error(`demo ${action}: ${answer.error?.message}`)
    return answer.data
  }
  let voters = 0
  const voter = () => openidOf(`voter-${9_000_000 + ++voters}`)
  const jobs: (() => Promise<void>)[] = []

  for (let n = 0; n < RESIDENTS; n++) {
    const openid = voter()
    const ballots = Object.entries(COMMUNITY_SHARES).map(([id, shares]) => ballot('community-satisfaction', id, levelFor(n, shares), n % 4 === 0 ? OPINIONS[n % OPINIONS.length] : undefined))
    jobs.push(async () => {
      await call(openid, 'enrol', { roundId: DEMO_ROUND_ID, categoryId: 'residents' })
      await call(openid, 'submit', { roundId: DEMO_ROUND_ID, channel: `grid-${(n % 3) + 1}`, ballots })
    })
  }

  // Each code keeps uses for a person trying the demo: 6 of 15 unit evaluators, 2 of 5 all-round.
  for (const code of codes) {
    const uses = code.category === '单位参评人员' ? 6 : 2
    for (let n = 0; n < uses; n++) {
      const openid = voter()
      // Rotated by the voter's number, so the all-round evaluators of every unit spread over the levels too.
      const rotation = voters
      jobs.push(async () => {
        const enrolment = (await call(openid, 'redeem', { code: code.code })) as { eligibleTargetIds: string[] }
        const ballots = enrolment.eligibleTargetIds.map((id) => ballot('sanping-yilian', id, levelFor(rotation, SANPING_SHARES[id]!)))
        await call(openid, 'submit', { roundId: DEMO_SANPING_ID, channel: 'meeting', ballots })
      })
    }
  }
  // A few voters at a time, as a room of residents would: the first start stays short.
  for (let i = 0; i < jobs.length; i += PARALLEL) await Promise.all(jobs.slice(i, i + PARALLEL).map((job) => job()))
  return voters
}
