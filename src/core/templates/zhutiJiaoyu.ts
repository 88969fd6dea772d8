/**
 * @module templates/zhutiJiaoyu — seed 002: 主题教育评估 随机测评, for leadership teams
 * and each of their leaders (五个方面, 20 items), and for party branches (两个方面, 6 items).
 * Evaluators are drawn at random from lists the unit provides; a municipal unit needs at
 * least 30 (everyone when it has fewer), a county at least 100.
 */
import type { BallotTemplate } from '../ballotTemplate'
import type { EvaluatorCategory } from '../category'
import { OVERALL, items, type BuiltinTemplate } from './builtin'
import { FOUR_GRADE } from './scales'

const sampled: EvaluatorCategory[] = [
  {
    id: 'sampled',
    name: '随机抽取的测评人员',
    description: '从被评估单位提供的“两代表一委员”、党员群众代表、工作对象和服务对象名单中随机抽取',
    scope: { kind: 'own-unit' },
    expectedPerUnit: 30,
    access: 'roster',
  },
]

function zhuti(fields: Pick<BuiltinTemplate, 'id' | 'name' | 'targetKind' | 'ballot'>): BuiltinTemplate {
  return {
    ...fields,
    seed: '002',
    categories: sampled,
    rules: [],
    aggregation: { mode: 'pooled' },
    minSample: 30,
    kSuppression: 5,
    visibility: { audience: 'organizers', liveDashboard: false },
    sampling: { minimum: 30, districtMinimum: 100 },
  }
}

/** One table for the team and for each of its leaders: 领导班子和领导干部主题教育测评表. */
const LEADERSHIP_SECTIONS: BallotTemplate['sections'] = [
  { id: 'study', title: '学习教育', items: items('s', [
    '必学书目完成情况', '读书班（不少于5天）和集中研讨情况',
    '掌握党的创新理论核心要义和实践要求情况', '运用党的创新理论指导实践、推动工作情况',
  ]) },
  { id: 'research', title: '调查研究', items: items('r', [
    '调研深入、结合职能职责情况', '调研聚焦实际问题、形成解决思路和措施情况',
    '调研中帮助群众解决困难和问题情况', '调研成果交流效果', '专题党课情况',
  ]) },
  { id: 'inspect', title: '检视问题', items: items('i', [
    '广泛听取意见、找准找实问题情况', '召开对照党章党规找差距专题会议情况',
    '查找问题避免“千人一面”“避重就轻”“大而空”“小而碎”情况', '剖析反思、深刻检视思想根源情况',
  ]) },
  { id: 'rectify', title: '整改落实', items: items('c', [
    '逐条梳理、建立台账、抓实整改情况', '专项整治和持续整治情况',
    '为民服务解难题成效', '专题民主生活会质量',
  ]) },
  { id: 'lead', title: '组织领导', items: items('l', [
    '主要领导同志履行第一责任人职责情况', '以好的作风开展主题教育、防止形式主义情况',
    '统筹兼顾、防止“两张皮”情况',
  ]) },
]

export const zhutiLeadership = zhuti({
  id: 'zhuti-leadership',
  name: '主题教育评估 · 领导班子测评',
  targetKind: 'leadership-team',
  ballot: {
    id: 'zhuti-leadership',
    name: '领导班子和领导干部主题教育测评表',
    overall: OVERALL,
    sections: LEADERSHIP_SECTIONS,
    scale: FOUR_GRADE,
    opinion: { enabled: true, maxLength: 500 },
  },
})

/** Each 领导干部 in person, on the same table as the team. */
export const zhutiCadre = zhuti({
  id: 'zhuti-cadre',
  name: '主题教育评估 · 领导干部测评',
  targetKind: 'cadre',
  ballot: {
    id: 'zhuti-cadre',
    name: '领导班子和领导干部主题教育测评表',
    overall: OVERALL,
    sections: LEADERSHIP_SECTIONS,
    scale: FOUR_GRADE,
    opinion: { enabled: true, maxLength: 500 },
  },
})

export const zhutiBranch = zhuti({
  id: 'zhuti-branch',
  name: '主题教育评估 · 基层党支部测评',
  targetKind: 'unit',
  ballot: {
    id: 'zhuti-branch',
    name: '基层党支部主题教育测评表',
    overall: OVERALL,
    sections: [
      { id: 'study', title: '学习教育', items: items('s', [
        '组织党员学习党章和论述摘编情况', '党员向党员大会报告学习情况', '支部书记讲党课或报告学习体会情况',
      ]) },
      { id: 'rectify', title: '检视整改', items: items('c', [
        '对照查找差距、列出问题清单、整改到位情况', '党员参加志愿服务、为群众办实事好事情况',
        '召开专题组织生活会、开展民主评议党员情况',
      ]) },
    ],
    scale: FOUR_GRADE,
    opinion: { enabled: true, maxLength: 500 },
  },
})
