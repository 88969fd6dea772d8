/**
 * @module Demo data for a first local start, created through the organise function itself (as the
 * admin persona), so a new user meets a living product: a community's four party branches rated
 * by residents, open now, shared into three grid chats.
 */
import { type Dayjs } from 'dayjs'
import { inShanghai } from '../src/core'
import type { FunctionMain } from './gateway'
import { functionContext } from './gateway'

export const DEMO_ROUND_ID = 'demo-community'

const branches = [
  { id: 'b1', name: '幸福社区第一网格党支部', report: '本季度走访居民 312 户，收集意见 46 条，已办结 39 条；加装楼道扶手 12 处，组织志愿服务 8 次。' },
  { id: 'b2', name: '幸福社区第二网格党支部', report: '推进老旧小区改造意见征集，召开楼栋议事会 6 次；开通“支部书记接待日”，每周三上午接待居民。' },
  { id: 'b3', name: '幸福社区第三网格党支部', report: '完成独居老人结对帮扶 58 户；针对停车难问题协调新增车位 40 个，夜间巡逻每周 3 次。' },
  { id: 'b4', name: '幸福社区离退休党支部', report: '组织老党员宣讲 10 场，参与邻里调解 15 起；“银龄互助”小组覆盖 6 个楼栋。' },
]

async function call(fn: FunctionMain, openid: string, action: string, data: unknown) {
  const answer = (await fn({ action, data }, functionContext('organize', openid))) as { ok: boolean; error?: { message: string } }
  if (!answer.ok) throw new Error(`demo ${action}: ${answer.error?.message}`)
  return answer
}

export async function seedDemo(organize: FunctionMain, evaluate: FunctionMain, adminOpenid: string, now: Dayjs = inShanghai(new Date())) {
  const existing = (await evaluate({ action: 'listRounds' }, functionContext('evaluate', adminOpenid))) as { ok: boolean; data?: { rounds: unknown[] } }
  if (existing.ok && existing.data && existing.data.rounds.length > 0) return false
  await call(organize, adminOpenid, 'createRound', {
    id: DEMO_ROUND_ID,
    templateId: 'community-satisfaction',
    title: `${now.year()}年幸福社区党组织群众满意度测评`,
    window: { opensAt: now.subtract(1, 'hour').startOf('hour').format(), closesAt: now.add(30, 'day').endOf('day').startOf('second').format() },
    targets: branches.map((b) => ({ id: b.id, name: b.name, kind: 'unit', unitId: b.id })),
    channels: [
      { id: 'grid-1', name: '第一网格居民群' },
      { id: 'grid-2', name: '第二网格居民群' },
      { id: 'grid-3', name: '第三网格居民群' },
    ],
    intro: '为进一步改进社区党组织工作作风、提升服务群众水平，现开展群众满意度测评。评议采取无记名方式，每人对每个党支部只能评议一次，您的评价将严格保密。',
    unitNames: Object.fromEntries(branches.map((b) => [b.id, b.name])),
    reports: Object.fromEntries(branches.map((b) => [b.id, b.report])),
  })
  await call(organize, adminOpenid, 'openRound', { roundId: DEMO_ROUND_ID })
  return true
}
