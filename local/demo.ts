/**
 * @module Demo data for a first local start, created through the organise function itself (as the
 * admin persona), so a new user meets a living product: a district, its street with two communities and their
 * grids; a 三评一联 round (seed 000) for four street units, with roster codes; and a community
 * satisfaction round for four party branches, shared into three grid chats. Both open now. The
 * named personas hold the roles the README promises, granted the way an admin grants them.
 */
import { builtinTemplates, inShanghai } from '../src/core'
import { type FunctionMain, functionContext } from './gateway'

export const DEMO_ROUND_ID = 'demo-community'
export const DEMO_SANPING_ID = 'demo-sanping'

const DISTRICT = 'district-guangming'
const STREET = 'street-yangguang'
const COMMUNITY = 'community-xingfu'

const units = [
  // The district above the street: seed 000's 区教育实践活动办公室 approves what the street's 督导组 confirms.
  { id: DISTRICT, name: '光明区', parentId: null, kind: 'district' },
  { id: STREET, name: '阳光街道', parentId: DISTRICT, kind: 'street' },
  { id: COMMUNITY, name: '幸福社区', parentId: STREET, kind: 'community' },
  { id: 'community-hexie', name: '和谐社区', parentId: STREET, kind: 'community' },
  ...[1, 2, 3].map((n) => ({ id: `grid-xf-${n}`, name: `幸福社区第${'一二三'[n - 1]}网格`, parentId: COMMUNITY, kind: 'grid' })),
  { id: 'b1', name: '幸福社区第一网格党支部', parentId: COMMUNITY, kind: 'branch' },
  { id: 'b2', name: '幸福社区第二网格党支部', parentId: COMMUNITY, kind: 'branch' },
  { id: 'b3', name: '幸福社区第三网格党支部', parentId: COMMUNITY, kind: 'branch' },
  { id: 'b4', name: '幸福社区离退休党支部', parentId: COMMUNITY, kind: 'branch' },
  { id: 'su-office', name: '阳光街道党政办公室', parentId: STREET, kind: 'unit' },
  { id: 'su-service', name: '阳光街道社区服务中心', parentId: STREET, kind: 'unit' },
  { id: 'su-law', name: '阳光街道综合行政执法队', parentId: STREET, kind: 'unit' },
  { id: 'su-affairs', name: '阳光街道便民服务大厅', parentId: STREET, kind: 'unit' },
] as const

const reports: Record<string, string> = {
  b1: '本季度走访居民 312 户，收集意见 46 条，已办结 39 条；加装楼道扶手 12 处，组织志愿服务 8 次。',
  b2: '推进老旧小区改造意见征集，召开楼栋议事会 6 次；开通“支部书记接待日”，每周三上午接待居民。',
  b3: '完成独居老人结对帮扶 58 户；针对停车难问题协调新增车位 40 个，夜间巡逻每周 3 次。',
  b4: '组织老党员宣讲 10 场，参与邻里调解 15 起；“银龄互助”小组覆盖 6 个楼栋。',
  'su-office': '围绕“三评一联”要求，开展专题学习 6 次，班子成员下基层蹲点调研 18 人次，梳理意见 27 条并建立台账。',
  'su-service': '梳理群众反映的办事难问题 19 项，已立行立改 14 项；推行预约上门服务，服务老年人 230 人次。',
  'su-law': '围绕占道经营、噪音扰民等问题开展专项整治，办结投诉 96 件，回访满意率持续提升。',
  'su-affairs': '实行“一窗通办”，办理事项由 42 项增至 67 项；延时服务每周两晚，群众平均等候时间缩短一半。',
}

/** The persona ids of local/devlogin.ts, each with the role an admin's invitation gives it. */
export const DEMO_GRANTS = [
  { persona: 'organizer', name: '陈组织员', role: 'organizer', unitId: COMMUNITY },
  { persona: 'leader', name: '刘书记', role: 'leader', unitId: STREET },
  { persona: 'contact', name: '周联络员', role: 'contact', unitId: 'b4' },
  // The 三评一联 round's verdict chain: the street's organiser supervises its units, the district's office approves.
  { persona: 'street-organizer', name: '孙组织员', role: 'organizer', unitId: STREET },
  { persona: 'district-office', name: '吴主任', role: 'leader', unitId: DISTRICT },
] as const

/** The contact's self-report, written by them and waiting for 陈组织员's approval. */
const PENDING_REPORT = { targetId: 'b4', text: reports.b4 }

export interface DemoCodes {
  unit: string
  category: string
  code: string
}

/**
 * `openidOf` names the personas' identities; without it (tests that need no personas) no role is
 * granted and the contact's report is approved like the others.
 */
export async function seedDemo(
  organize: FunctionMain,
  adminOpenid: string,
  now = inShanghai(new Date()),
  openidOf?: (persona: string) => string,
): Promise<DemoCodes[] | null> {
  const callAs = async <T>(openid: string, action: string, data: unknown): Promise<T> => {
    const answer = (await organize({ action, data }, functionContext('organize', openid))) as { ok: boolean; data: T; error?: { message: string } }
    if (!answer.ok) throw new Error(`demo ${action}: ${answer.error?.message}`)
    return answer.data
  }
  const call = <T>(action: string, data: unknown) => callAs<T>(adminOpenid, action, data)
  const { rounds } = await call<{ rounds: unknown[] }>('listRounds', {})
  if (rounds.length > 0) return null
  for (const u of units) await call('createUnit', u)
  for (const grant of openidOf ? DEMO_GRANTS : []) {
    const { code } = await call<{ code: string }>('inviteRole', { role: grant.role, unitId: grant.unitId })
    await callAs(openidOf!(grant.persona), 'redeemRole', { code, displayName: grant.name })
  }
  const window = (days: number) => ({ opensAt: now.subtract(1, 'hour').startOf('hour').format(), closesAt: now.add(days, 'day').endOf('day').startOf('second').format() })

  const branches = units.filter((u) => u.kind === 'branch')
  await call('createRound', {
    id: DEMO_ROUND_ID,
    templateId: 'community-satisfaction',
    ownerUnitId: COMMUNITY,
    title: `${now.year()}年幸福社区党组织群众满意度测评`,
    window: window(30),
    targets: branches.map((b) => ({ id: b.id, name: b.name, kind: 'unit', unitId: b.id })),
    channels: [1, 2, 3].map((n) => ({ id: `grid-${n}`, name: `第${'一二三'[n - 1]}网格居民群` })),
    intro: '为进一步改进社区党组织工作作风、提升服务群众水平，现开展群众满意度测评。评议采取无记名方式，每人对每个党支部只能评议一次，您的评价将严格保密。',
    reports: Object.fromEntries(branches.filter((b) => !openidOf || b.id !== PENDING_REPORT.targetId).map((b) => [b.id, reports[b.id]])),
  })
  if (openidOf) await callAs(openidOf('contact'), 'writeReport', { roundId: DEMO_ROUND_ID, ...PENDING_REPORT })
  // Seed 003's rules for party branches, all of them: below 60 % → 整改, 诫勉谈话, no awards; the
  // 不满意 share → the secretary's annual rating. Taking only some would judge by half a procedure.
  const rules = builtinTemplates.find((t) => t.id === 'chuangxian-branch')!.rules
  await call('updateRound', { roundId: DEMO_ROUND_ID, patch: { rules } })
  await call('openRound', { roundId: DEMO_ROUND_ID })

  const streetUnits = units.filter((u) => u.kind === 'unit')
  await call('createRound', {
    id: DEMO_SANPING_ID,
    templateId: 'sanping-yilian',
    ownerUnitId: STREET,
    title: '阳光街道第一组“三评一联”群众评价',
    window: window(7),
    targets: streetUnits.map((u) => ({ id: u.id, name: u.name, kind: 'unit', unitId: u.id })),
    groups: [{ id: 'group-1', name: '第一组', leadUnitId: 'su-office', unitIds: streetUnits.map((u) => u.id) }],
    channels: [{ id: 'meeting', name: '评议大会现场' }],
    intro: '按照“三评一联”工作要求，召开群众评价会。单位参评人员评价本单位，全评参评人员评价本组全部单位。请先阅读各单位情况报告，再逐项评价。',
    reports: Object.fromEntries(streetUnits.map((u) => [u.id, reports[u.id]])),
  })
  // Seed 000: 15 unit evaluators per unit, 5 all-round evaluators per unit (shared codes with those limits).
  const codes: DemoCodes[] = []
  for (const u of streetUnits) {
    for (const [categoryId, category, maxUses] of [['unit', '单位参评人员', 15], ['all-round', '全评参评人员', 5]] as const) {
      const { code } = await call<{ code: string }>('sharedCode', { roundId: DEMO_SANPING_ID, categoryId, unitId: u.id, maxUses })
      codes.push({ unit: u.name, category, code })
    }
  }
  await call('openRound', { roundId: DEMO_SANPING_ID })
  return codes
}
