import { issuesBeforeOpen, type Round } from '../../src/core'
import { roundFrom, target } from './fixtures'

const NOW = '2014-06-17T09:00:00+08:00'
const ready = roundFrom('sanping-yilian', {
  targets: ['a', 'b'].map((u) => target(u)),
  groups: [{ id: 'g', name: '第三组', leadUnitId: 'a', unitIds: ['a', 'b'] }],
})
const rosters = { unit: 30, 'all-round': 10 }
/** 000 asks the supervisors to approve the roster and every unit's report before voting. */
const approved = { rosterApproved: true, reports: { a: { text: '甲单位情况报告', approved: true }, b: { text: '乙单位情况报告', approved: true } } }
const codes = (round: Round, rosterSizes: Record<string, number> = rosters, now = NOW) =>
  issuesBeforeOpen(round, { now, rosterSizes, ...approved }).map((b) => b.code)

describe('issuesBeforeOpen', () => {
  it('finds nothing in a complete round', () => {
    expect(codes(ready)).toEqual([])
  })

  it('blocks without targets, items or categories', () => {
    const empty: Round = { ...ready, targets: [], categories: [], template: { ...ready.template, sections: [] } }
    expect(codes(empty)).toEqual(['NO_TARGETS', 'NO_ITEMS', 'NO_CATEGORIES'])
  })

  it('blocks a category without scope, an empty or foreign subset, and an ungrouped unit under group scope', () => {
    const round: Round = {
      ...ready,
      targets: [...ready.targets, target('z')],
      categories: [
        { id: 'x', name: '甲类', scope: null, access: 'open' },
        { id: 'y', name: '乙类', scope: { kind: 'subset', targetIds: [] }, access: 'open' },
        { id: 'w', name: '丙类', scope: { kind: 'subset', targetIds: ['nope'] }, access: 'open' },
        { id: 'v', name: '丁类', scope: { kind: 'group' }, access: 'open' },
      ],
    }
    // The added target has no report yet, which 000 asks for too.
    expect(codes(round)).toEqual(['CATEGORY_WITHOUT_SCOPE', 'SUBSET_EMPTY', 'SUBSET_UNKNOWN_TARGET', 'GROUP_SCOPE_WITHOUT_GROUP', 'REPORT_MISSING'])
  })

  it('blocks a roster-only category with an empty roster, naming it in Chinese', () => {
    const blockers = issuesBeforeOpen(ready, { now: NOW, rosterSizes: { unit: 30 }, ...approved })
    expect(blockers).toEqual([{ code: 'ROSTER_EMPTY', subjectId: 'all-round', message: '「全评参评人员」参评人员类别仅限名单内人员，但名单为空' }])
  })

  it('where the template asks for approvals (000), blocks an unapproved roster and names each target whose report is missing or pending', () => {
    const blockers = issuesBeforeOpen(ready, { now: NOW, rosterSizes: rosters, rosterApproved: false, reports: { b: { text: '乙单位情况报告', approved: false } } })
    expect(blockers).toEqual([
      { code: 'ROSTER_NOT_APPROVED', message: '参评人员名单尚未经督导组审定' },
      { code: 'REPORT_MISSING', subjectId: 'a', message: `「${ready.targets[0].name}」尚未提交情况报告` },
      { code: 'REPORT_UNAPPROVED', subjectId: 'b', message: `「${ready.targets[1].name}」的情况报告尚未审核通过` },
    ])
    // A report of blanks is no report.
    expect(codes(ready, rosters).length).toBe(0)
    expect(issuesBeforeOpen(ready, { now: NOW, rosterSizes: rosters, ...approved, reports: { ...approved.reports, a: { text: '  ', approved: true } } }).map((b) => b.code)).toEqual(['REPORT_MISSING'])
  })

  it('asks nothing of a template that does not require approvals', () => {
    const plain: Round = { ...ready, approvals: { roster: false, reports: false } }
    expect(issuesBeforeOpen(plain, { now: NOW, rosterSizes: rosters }).map((b) => b.code)).toEqual([])
  })

  it('blocks a window ending in the past, or at or before its start', () => {
    expect(codes(ready, rosters, '2014-06-18T12:00:00+08:00')).toEqual(['WINDOW_END_IN_PAST'])
    expect(codes(ready, rosters, '2014-06-18T11:59:00+08:00')).toEqual([])
    const backwards = { ...ready, window: { opensAt: ready.window.closesAt, closesAt: ready.window.opensAt } }
    expect(codes(backwards)).toEqual(['WINDOW_END_BEFORE_START'])
  })

  it('blocks weights that miss or invent categories', () => {
    const round = roundFrom('liangping-yishu', { targets: [target('a')], groups: [{ id: 'g', name: '执法组', leadUnitId: 'a', unitIds: ['a'] }] })
    const full = { internal: 40, deputies: 5, service: 5 }
    expect(codes(round, full)).toEqual([])
    const parts = [{ id: 'p', name: '内部', categoryIds: ['internal', 'ghost'], weight: 1 }]
    expect(codes({ ...round, aggregation: { mode: 'weighted', parts } }, full)).toEqual([
      'WEIGHT_UNKNOWN_CATEGORY', 'WEIGHT_CATEGORY_MISSING', 'WEIGHT_CATEGORY_MISSING',
    ])
  })

  it('lets open-access categories open without a roster (community residents)', () => {
    expect(codes(roundFrom('community-satisfaction', { targets: [target('a')] }), {})).toEqual([])
  })
})
