/**
 * @module templates/liangpingYishu — seed 004: 两评一树 (工作评价 + 作风评价), internal
 * evaluation by all staff plus social evaluation by deputies and service recipients.
 */
import { OVERALL, items, type BuiltinTemplate } from './builtin'
import { SATISFACTION_WITH_UNKNOWN } from './scales'

export const liangpingYishu: BuiltinTemplate = {
  id: 'liangping-yishu',
  name: '两评一树 · 群众评议',
  seed: '004',
  targetKind: 'leadership-team',
  ballot: {
    id: 'liangping-yishu',
    name: '“两评一树”评议票',
    overall: OVERALL,
    sections: [
      { id: 'work', title: '工作评价', items: items('w', ['推动发展情况', '履职尽责情况', '服务民生情况', '优化环境情况']) },
      { id: 'style', title: '作风评价', items: items('s', [
        '提升境界、锐意进取情况', '注重落实、积极作为情况', '联系群众、文明行政情况', '遵纪守法、清正廉洁情况',
      ]) },
    ],
    scale: SATISFACTION_WITH_UNKNOWN,
    opinion: { enabled: true, maxLength: 500 },
  },
  categories: [
    { id: 'internal', name: '内部评议（全体干部职工）', scope: { kind: 'own-unit' }, access: 'roster' },
    {
      id: 'deputies',
      name: '党代表、人大代表、政协委员',
      description: '社会评议，由县活动办按部门性质分组集中评议',
      scope: { kind: 'group' },
      access: 'roster',
    },
    {
      id: 'service',
      name: '服务对象代表',
      description: '社会评议中服务对象代表不少于评议人员的50%',
      scope: { kind: 'group' },
      quota: { share: { num: 1, den: 2 }, comparison: 'at-least', of: ['deputies', 'service'] },
      access: 'roster',
    },
  ],
  // The seed counts both into the annual assessment but gives no weights: 40/60 is a default.
  aggregation: {
    mode: 'weighted',
    parts: [
      { id: 'internal', name: '内部评议', categoryIds: ['internal'], weight: 40 },
      { id: 'social', name: '社会评议', categoryIds: ['deputies', 'service'], weight: 60 },
    ],
  },
  // "较差" and "特别差" are not quantified by the seed; these thresholds are editable defaults.
  rules: [
    {
      id: 'poor',
      name: '群众评议结果较差（满意率低于60%）',
      conditions: [{ metric: 'satisfaction', comparison: 'below', threshold: { num: 3, den: 5 } }],
      effects: [{ kind: 'rectify' }, { kind: 'criticism' }, { kind: 'warning-talk' }],
      consequence: '要求限期整改，并对有关人员进行通报批评或诫勉谈话。',
    },
    {
      id: 'very-poor',
      name: '群众评议结果特别差（满意率低于40%）',
      conditions: [{ metric: 'satisfaction', comparison: 'below', threshold: { num: 2, den: 5 } }],
      effects: [{ kind: 'extend-round', months: 2 }],
      consequence: '活动延期2个月，深入查摆整改，解决存在的突出问题。',
    },
  ],
  minSample: 0,
  kSuppression: 5,
  visibility: { audience: 'organizers', liveDashboard: true },
}
