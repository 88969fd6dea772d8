import {
  BallotTemplate, EvaluatorCategory, Rule, Round, builtinTemplates, draftRoundFromTemplate, isPersonKind, templateById, templateItems,
} from '../../src/core'
import { WINDOW } from './fixtures'

describe('built-in templates', () => {
  it('cover the five procedures and the plain community template', () => {
    expect(builtinTemplates.map((t) => t.seed)).toEqual(['000', '001', '001', '002', '002', '002', '003', '003', '004', null])
  })

  it('rate persons where the procedure rates persons: each 党员 (001, 003) and each 领导干部 (002)', () => {
    const persons = builtinTemplates.filter((t) => isPersonKind(t.targetKind)).map((t) => [t.id, t.targetKind])
    expect(persons).toEqual([['chuangxian-dianping-member', 'party-member'], ['zhuti-cadre', 'cadre'], ['chuangxian-member', 'party-member']])
    expect(templateById('zhuti-cadre')?.ballot.sections).toEqual(templateById('zhuti-leadership')?.ballot.sections)
  })

  it('have names an organiser can tell apart: the procedure named first, different for each seed, and the same within one', () => {
    // What is left when separators and the bracketed notes are dropped, as a hurried reader sees a name.
    const gist = (name: string) => name.replace(/（[^）]*）/g, '').replace(/[\s·]/g, '')
    const gists = builtinTemplates.map((t) => gist(t.name))
    expect(new Set(gists).size).toBe(builtinTemplates.length)
    const procedure = (name: string) => name.split(' · ').slice(0, -1).join(' · ')
    const bySeed = new Map<string | null, Set<string>>()
    for (const t of builtinTemplates.filter((t) => t.name.includes(' · '))) bySeed.set(t.seed, (bySeed.get(t.seed) ?? new Set()).add(procedure(t.name)))
    for (const names of bySeed.values()) expect(names.size).toBe(1)
    const procedures = [...bySeed.values()].map((n) => [...n][0])
    expect(new Set(procedures).size).toBe(procedures.length)
  })

  it('write Chinese text with full-width punctuation throughout', () => {
    const texts = JSON.stringify(builtinTemplates).match(/"[^"]*[\u4e00-\u9fff][^"]*"/g) ?? []
    expect(texts.length).toBeGreaterThan(100)
    expect(texts.filter((t) => /[(),;:]/.test(t))).toEqual([])
  })

  it.each(builtinTemplates.map((t) => [t.id, t]))('%s satisfies every schema', (_, t) => {
    expect(BallotTemplate.safeParse(t.ballot).success).toBe(true)
    for (const c of t.categories) expect(EvaluatorCategory.safeParse(c).success).toBe(true)
    for (const r of t.rules) expect(Rule.safeParse(r).success).toBe(true)
  })

  it.each([
    // seed, template, items per section as the procedure lists them
    ['000', 'sanping-yilian', [5, 5, 2]],
    ['001', 'chuangxian-dianping-org', [5]],
    ['001', 'chuangxian-dianping-member', [4]],
    ['002', 'zhuti-leadership', [4, 5, 4, 4, 3]],
    ['002', 'zhuti-cadre', [4, 5, 4, 4, 3]],
    ['002', 'zhuti-branch', [3, 3]],
    ['003', 'chuangxian-branch', [4]],
    ['003', 'chuangxian-member', [4]],
    ['004', 'liangping-yishu', [4, 4]],
  ])('seed %s %s has sections of %j items', (_, id, counts) => {
    expect(templateById(id)?.ballot.sections.map((s) => s.items.length)).toEqual(counts)
  })

  it.each([
    ['sanping-yilian', ['好', '一般', '差']],
    ['zhuti-branch', ['好', '较好', '一般', '差']],
    ['chuangxian-branch', ['满意', '比较满意', '不太满意', '不满意']],
    ['liangping-yishu', ['满意', '基本满意', '不满意', '不了解']],
  ])('%s uses the procedure’s scale', (id, labels) => {
    expect(templateById(id)?.ballot.scale.levels.map((l) => l.label)).toEqual(labels)
  })

  it('carries the procedures’ evaluator counts and quotas', () => {
    expect(templateById('sanping-yilian')?.categories.map((c) => [c.scope?.kind, c.expectedPerUnit])).toEqual([['own-unit', 15], ['group', 5]])
    expect(templateById('chuangxian-branch')?.categories.map((c) => c.expectedPerUnit)).toEqual([20, 10, 10, undefined])
    expect(templateById('liangping-yishu')?.categories[2]?.quota).toEqual({ share: { num: 1, den: 2 }, comparison: 'at-least', of: ['deputies', 'service'] })
    expect(templateById('chuangxian-dianping-org')?.categories[0]?.quota?.share).toEqual({ num: 1, den: 5 })
    expect(templateById('zhuti-leadership')?.minSample).toBe(30)
  })
})

describe('draftRoundFromTemplate', () => {
  it('drafts a schema-valid round that owns a copy of the template', () => {
    const r = draftRoundFromTemplate('sanping-yilian', { id: 'r9', title: '第三组群众评价', window: WINDOW })
    if (!r.ok) throw new Error(r.error.message)
    expect(Round.safeParse(r.value).success).toBe(true)
    expect(r.value).toMatchObject({ state: 'draft', procedure: 'sanping-yilian', kSuppression: 5, targets: [] })
    r.value.template.sections[0]?.items.push({ id: 'extra', label: '新增内容' })
    expect(templateItems(templateById('sanping-yilian')!.ballot)).toHaveLength(12)
  })

  it('fails with a stable code on an unknown template or invalid input', () => {
    const unknown = draftRoundFromTemplate('nope', { id: 'r9', title: '测试', window: WINDOW })
    expect(unknown.ok ? null : unknown.error.code).toBe('TEMPLATE_UNKNOWN')
    const bad = draftRoundFromTemplate('sanping-yilian', { id: 'bad.id', title: '测试', window: WINDOW })
    expect(bad.ok ? null : bad.error.code).toBe('ROUND_INVALID')
    const naive = draftRoundFromTemplate('sanping-yilian', { id: 'r9', title: '测试', window: { opensAt: '2014-06-18T08:00:00', closesAt: WINDOW.closesAt } })
    expect(naive.ok).toBe(false)
  })
})

describe('Round schema', () => {
  it('rejects duplicate ids within a round (they would merge counters)', () => {
    const r = draftRoundFromTemplate('sanping-yilian', { id: 'r9', title: '测试', window: WINDOW })
    if (!r.ok) throw new Error(r.error.message)
    const t = { id: 't1', name: '甲', kind: 'unit' as const, unitId: 'u1' }
    expect(Round.safeParse({ ...r.value, targets: [t] }).success).toBe(true)
    expect(Round.safeParse({ ...r.value, targets: [t, t] }).success).toBe(false)
    expect(Round.safeParse({ ...r.value, id: '__proto__' }).success).toBe(false)
  })
})
