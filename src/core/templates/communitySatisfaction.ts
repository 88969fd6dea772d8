/**
 * @module templates/communitySatisfaction — the plain product template: residents of a
 * community rate their party branch from a link shared in the grid's group chat.
 * No seed prescribes its consequences, so it carries no verdict rule.
 */
import { items, type BuiltinTemplate } from './builtin'
import { SATISFACTION_WITH_UNKNOWN } from './scales'

export const communitySatisfaction: BuiltinTemplate = {
  id: 'community-satisfaction',
  name: '社区满意度测评',
  seed: null,
  targetKind: 'unit',
  ballot: {
    id: 'community-satisfaction',
    name: '社区党支部群众满意度测评',
    overall: { label: '对本社区党支部的总体评价' },
    sections: [
      { id: 'service', title: '服务群众', items: items('v', [
        '联系和服务群众情况', '为群众办实事、解难事情况', '党务、居务公开情况',
      ]) },
      { id: 'style', title: '作风建设', items: items('s', ['支部班子团结和工作作风情况']) },
    ],
    scale: SATISFACTION_WITH_UNKNOWN,
    opinion: { enabled: true, maxLength: 300 },
  },
  categories: [
    { id: 'residents', name: '社区居民', scope: { kind: 'round' }, access: 'open' },
  ],
  rules: [],
  aggregation: { mode: 'pooled' },
  minSample: 0,
  kSuppression: 5,
  visibility: { audience: 'public', liveDashboard: true },
}
