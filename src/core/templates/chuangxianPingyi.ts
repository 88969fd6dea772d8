/**
 * @module templates/chuangxianPingyi — seed 003: 创先争优 群众评议 (煤炭管理局方案), for
 * party branches (40 evaluators) and for members. Results below 60 % bring 整改, 诫勉谈话
 * and no awards this year; a branch's 不满意票 decide its secretary's annual rating.
 */
import type { Rule } from '../rule'
import { OVERALL, items, type BuiltinTemplate } from './builtin'
import { SATISFACTION_FOUR } from './scales'

const belowSixtyPercent: Rule = {
  id: 'below-sixty-percent',
  name: '满意率低于60%',
  conditions: [{ metric: 'satisfaction', comparison: 'below', threshold: { num: 3, den: 5 } }],
  effects: [{ kind: 'rectify' }, { kind: 'warning-talk' }, { kind: 'no-awards' }],
  consequence: '制定整改措施，限期完成整改任务；对负责人进行诫勉谈话；本年度一律不能评先评优。',
}

/**
 * The seed says "超过三分之一不足三分之二 → 基本称职; 超过三分之二 → 不称职" and so says
 * nothing of exactly 2/3. Not being over 2/3, it is rated 基本称职 here (upper bound at-most).
 */
const secretaryRules: Rule[] = [
  {
    id: 'secretary-basically-competent',
    name: '不满意票超过三分之一不足三分之二',
    conditions: [
      { metric: 'dissatisfied', comparison: 'over', threshold: { num: 1, den: 3 } },
      { metric: 'dissatisfied', comparison: 'at-most', threshold: { num: 2, den: 3 } },
    ],
    effects: [{ kind: 'annual-rating', rating: '基本称职' }],
    consequence: '其党组织书记年度考核为基本称职。',
  },
  {
    id: 'secretary-incompetent',
    name: '不满意票超过三分之二',
    conditions: [{ metric: 'dissatisfied', comparison: 'over', threshold: { num: 2, den: 3 } }],
    effects: [{ kind: 'annual-rating', rating: '不称职' }],
    consequence: '其党组织书记年度考核为不称职。',
  },
]

const common = {
  seed: '003',
  aggregation: { mode: 'pooled' },
  minSample: 0,
  kSuppression: 5,
  visibility: { audience: 'public', liveDashboard: false },
} satisfies Partial<BuiltinTemplate>

export const chuangxianBranch: BuiltinTemplate = {
  ...common,
  id: 'chuangxian-branch',
  name: '破解难题群众评议 · 党组织',
  targetKind: 'unit',
  ballot: {
    id: 'chuangxian-branch',
    name: '党组织创先争优群众评议表',
    overall: OVERALL,
    sections: [{ id: 'content', title: '评议内容', items: items('c', [
      '推进创先争优活动和破解难题进展情况', '承诺践诺情况',
      '为群众办实事、做好事、解难事情况', '加强党组织和党员队伍建设情况',
    ]) }],
    scale: SATISFACTION_FOUR,
    opinion: { enabled: true, maxLength: 500 },
  },
  // 40 evaluators per branch; a branch with fewer than 30 members sends all its members.
  categories: [
    { id: 'members', name: '党员代表', scope: { kind: 'own-unit' }, expectedPerUnit: 20, access: 'roster' },
    { id: 'masses', name: '群众（职工）代表', scope: { kind: 'own-unit' }, expectedPerUnit: 10, access: 'roster' },
    { id: 'service', name: '服务对象代表', scope: { kind: 'own-unit' }, expectedPerUnit: 10, access: 'roster' },
    { id: 'retirees', name: '离退休干部职工代表', scope: { kind: 'own-unit' }, access: 'roster' },
  ],
  rules: [belowSixtyPercent, ...secretaryRules],
}

export const chuangxianMember: BuiltinTemplate = {
  ...common,
  id: 'chuangxian-member',
  name: '破解难题群众评议 · 党员',
  targetKind: 'party-member',
  ballot: {
    id: 'chuangxian-member',
    name: '党员创先争优群众评议表',
    overall: OVERALL,
    sections: [{ id: 'content', title: '评议内容', items: items('m', [
      '参加创先争优破解难题、发挥先锋模范作用情况', '立足岗位履行职责情况',
      '践行公开承诺情况', '联系和服务群众情况',
    ]) }],
    scale: SATISFACTION_FOUR,
    opinion: { enabled: true, maxLength: 500 },
  },
  // Numbers and make-up are set by each branch committee and approved one level up.
  categories: [
    { id: 'peers', name: '党员互评', scope: { kind: 'own-unit' }, access: 'roster' },
    { id: 'masses', name: '群众评议', scope: { kind: 'own-unit' }, access: 'roster' },
  ],
  rules: [belowSixtyPercent],
}
