/** @module templates/sanpingYilian — seed 000: 三评一联 第一环节 群众评价 (集中联评). */
import { OVERALL, items, type BuiltinTemplate } from './builtin'
import { GOOD_FAIR_POOR } from './scales'

export const sanpingYilian: BuiltinTemplate = {
  id: 'sanping-yilian',
  name: '三评一联 · 第一环节群众评价',
  seed: '000',
  targetKind: 'leadership-team',
  ballot: {
    id: 'sanping-yilian',
    name: '“学习教育、听取意见”环节群众评价表',
    overall: OVERALL,
    sections: [
      { id: 'study', title: '学习教育情况', items: items('s', [
        '学习教育组织情况', '规定内容学习情况', '弘扬焦裕禄精神，“六问六带头”情况',
        '集中学习和专题讨论情况', '党员领导干部思想认识提高情况',
      ]) },
      { id: 'listening', title: '听取意见情况', items: items('l', [
        '广泛宣传发动听取意见情况', '带着问题下基层、蹲点调研听取意见情况', '畅通民意渠道听取意见情况',
        '意见梳理认领、分类建台账情况', '“四风”问题查找情况',
      ]) },
      { id: 'fixing', title: '边查边改情况', items: items('f', ['个性问题立行立改情况', '共性问题专项整改情况']) },
    ],
    scale: GOOD_FAIR_POOR,
    opinion: { enabled: true, maxLength: 500 },
  },
  categories: [
    {
      id: 'unit',
      name: '单位参评人员',
      description: '只对本单位测评：科室负责人代表、部分党员干部职工、下属机构负责人代表、离退休干部代表；名单报督导组审定',
      scope: { kind: 'own-unit' },
      expectedPerUnit: 15,
      access: 'roster',
    },
    {
      id: 'all-round',
      name: '全评参评人员',
      description: '对本组所有单位测评：工作服务对象代表、部分党员代表、三级网格群众代表；窗口单位中服务对象应占一定比例',
      scope: { kind: 'group' },
      expectedPerUnit: 5,
      access: 'roster',
    },
  ],
  rules: [
    {
      id: 'below-two-thirds',
      name: '群众满意率低于2/3',
      conditions: [{ metric: 'satisfaction', comparison: 'below', threshold: { num: 2, den: 3 } }],
      effects: [{ kind: 'redo' }],
      consequence: '经督导组综合分析，报区教育实践活动办公室同意，提出返工、补课意见。',
    },
  ],
  aggregation: { mode: 'pooled' },
  minSample: 0,
  kSuppression: 5,
  visibility: { audience: 'unit-and-evaluators', liveDashboard: false },
  approvals: { roster: true, reports: true },
  // 经督导组综合分析，报区教育实践活动办公室同意: the supervising group, then the office above.
  confirmation: ['supervisor', 'office'],
}
