/**
 * @module templates/chuangxianDianping — seed 001: 创先争优 领导点评和群众评议, for party
 * organisations (五个情况) and for members (四个情况). The seed names no scale; these use
 * the campaign's satisfaction scale from seed 003, and it sets no verdict rule.
 */
import type { EvaluatorCategory } from '../category'
import { OVERALL, items, type BuiltinTemplate } from './builtin'
import { SATISFACTION_FOUR } from './scales'

const categories: EvaluatorCategory[] = [
  {
    id: 'public',
    name: '“两代表一委员”、群众代表及服务对象',
    description: '参会人数不得少于20%',
    scope: { kind: 'own-unit' },
    quota: { share: { num: 1, den: 5 }, comparison: 'at-least' },
    access: 'roster',
  },
  {
    id: 'attendees',
    name: '其他参会人员',
    description: '区级领导、上一级党组织负责人、党员等',
    scope: { kind: 'own-unit' },
    access: 'roster',
  },
]

/** Both variants share the seed's categories and its silence on verdict rules. */
function dianping(fields: Pick<BuiltinTemplate, 'id' | 'name' | 'targetKind' | 'ballot'>): BuiltinTemplate {
  return {
    ...fields,
    seed: '001',
    categories,
    rules: [],
    aggregation: { mode: 'pooled' },
    minSample: 0,
    kSuppression: 5,
    visibility: { audience: 'unit-and-evaluators', liveDashboard: false },
  }
}

export const chuangxianDianpingOrg = dianping({
  id: 'chuangxian-dianping-org',
  name: '领导点评和群众评议 · 党组织（五个情况）',
  targetKind: 'unit',
  ballot: {
    id: 'chuangxian-dianping-org',
    name: '党组织群众评议表',
    overall: OVERALL,
    sections: [{ id: 'five', title: '五个情况', items: items('c', [
      '组织开展创先争优情况', '推动中心工作和重点任务完成情况', '承诺践诺情况',
      '为群众办实事、做好事、解难事情况', '加强党组织和党员队伍建设情况',
    ]) }],
    scale: SATISFACTION_FOUR,
    opinion: { enabled: true, maxLength: 500 },
  },
})

export const chuangxianDianpingMember = dianping({
  id: 'chuangxian-dianping-member',
  name: '领导点评和群众评议 · 党员（四个情况）',
  targetKind: 'party-member',
  ballot: {
    id: 'chuangxian-dianping-member',
    name: '党员群众评议表',
    overall: OVERALL,
    sections: [{ id: 'four', title: '四个情况', items: items('m', [
      '参加创先争优活动情况', '立足本职履责情况', '承诺践诺情况', '联系和服务群众情况',
    ]) }],
    scale: SATISFACTION_FOUR,
    opinion: { enabled: true, maxLength: 500 },
  },
})
