/**
 * What seed 000 has the 督导组 approve before voting. 名单审定 (人员名单确定后，报督导组审定): a 三评一联
 * round's roster is approved or returned by the supervisors — organisers of the unit above the owner
 * unit — before any of its codes is printed or redeemed, and any change an owner-unit organiser makes
 * after approval sends it back. Reports (经督导组审核把关后，启动本组群众评价工作): the round opens only
 * once every target's report is written and approved.
 */
import type { Runtime } from '../../local/runtime'
import { type Answer, data, roleHoldersAt, type Session, signIn, startTestRuntime } from '../helpers/runtime'

type Review = { required: boolean; state: string; revision: number; reason: string | null; reviewable: boolean }

let runtime: Runtime
let admin: Session
/** Owner-unit (community) organiser, leader and contact. */
let owner: Record<'organizer' | 'leader' | 'contact', Session>
/** The street above: the supervisors' organiser, and its leader (no organiser's right). */
let street: Record<'organizer' | 'leader' | 'contact', Session>
/** An organiser of a sibling community: not above the owner. */
let outsider: Session
let resident = 0

const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
const refusal = (a: Answer<unknown>) => (a.ok ? 'ok' : a.error.code)
const hour = 3600_000

/** A round of the community on 和平社区党委 (unless `input` names other targets), open from an hour ago for a day. */
async function createRound(who: Session, input: Record<string, unknown>): Promise<string> {
  const window = { opensAt: new Date(Date.now() - hour).toISOString(), closesAt: new Date(Date.now() + 24 * hour).toISOString() }
  return data(await organize<{ roundId: string }>(who, 'createRound', { ownerUnitId: 'cm', window, targets: [{ id: 'ua', name: '和平社区党委', kind: 'unit', unitId: 'ua' }], ...input })).roundId
}
const review = async (roundId: string) => data(await organize<Review>(admin, 'rosterReview', { roundId }))
const redeem = async (code: string) => (await signIn(runtime, `voter-${5000 + resident++}`)).call<Answer>('evaluate', { action: 'redeem', data: { code } })

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  await organize(admin, 'createUnit', { id: 'st', name: '幸福街道', parentId: null, kind: 'street' })
  for (const [id, name] of [['cm', '和平社区'], ['cm2', '友谊社区']]) await organize(admin, 'createUnit', { id, name, parentId: 'st', kind: 'community' })
  await organize(admin, 'createUnit', { id: 'ua', name: '和平社区党委', parentId: 'cm', kind: 'unit' })
  owner = await roleHoldersAt(runtime, admin, 'cm', 100)
  street = await roleHoldersAt(runtime, admin, 'st', 200)
  outsider = (await roleHoldersAt(runtime, admin, 'cm2', 300)).organizer
})
afterAll(() => runtime.close())

/** A 三评一联 round owned by the community, its report typed by the admin (approved), with a roster the owner organiser enters. */
async function roundWithRoster() {
  const roundId = await createRound(admin, {
    templateId: 'sanping-yilian', title: '和平社区三评一联',
    groups: [{ id: 'g', name: '第一组', leadUnitId: 'ua', unitIds: ['ua'] }],
    reports: { ua: '和平社区党委情况报告' },
  })
  const people = data(await organize<{ codes: { code: string }[] }>(owner.organizer, 'addRoster', { roundId, categoryId: 'unit', entries: ['张三', '李四', '王五'].map((name) => ({ name, unitId: 'ua' })) })).codes.map((c) => c.code)
  const shared = data(await organize<{ code: string }>(owner.organizer, 'sharedCode', { roundId, categoryId: 'all-round', unitId: 'ua', maxUses: 5 })).code
  return { roundId, people, shared }
}

const approve = async (roundId: string, by: Session = street.organizer) =>
  data(await organize<Review>(by, 'reviewRoster', { roundId, revision: (await review(roundId)).revision, approve: true }))

test('an unapproved roster prints no codes, opens no round and redeems no code; approval releases all three', async () => {
  const { roundId, people, shared } = await roundWithRoster()
  expect(await review(roundId)).toMatchObject({ required: true, state: 'pending', reason: null })
  for (const action of ['codeSlips', 'codeSheet']) {
    const answer = await organize(owner.organizer, action, { roundId, unitId: 'ua' })
    expect(answer).toEqual({ ok: false, error: { code: 'ROSTER_NOT_APPROVED', message: '参评人员名单尚未经督导组审定，邀请码暂不能打印或使用' } })
  }
  const refused = data(await organize<{ state: string; blockers: { code: string }[] }>(owner.organizer, 'openRound', { roundId }))
  expect(refused).toEqual({ state: 'draft', blockers: [expect.objectContaining({ code: 'ROSTER_NOT_APPROVED', message: '参评人员名单尚未经督导组审定' })] })

  expect(await approve(roundId)).toMatchObject({ state: 'approved', reason: null })
  const sheet = data(await organize<{ url: string }>(owner.organizer, 'codeSheet', { roundId, unitId: 'ua' }))
  expect(sheet.url).toMatch(/^http/)
  expect(data(await organize(owner.organizer, 'openRound', { roundId }))).toEqual({ state: 'open', blockers: [] })
  expect(refusal(await redeem(people[0]))).toBe('ok')
  expect(refusal(await redeem(shared))).toBe('ok')
})

test('a change after approval sends the roster back: redemption stops for every code alike, used or not, spending nothing', async () => {
  const { roundId, people, shared } = await roundWithRoster()
  await approve(roundId)
  data(await organize(owner.organizer, 'openRound', { roundId }))
  expect(refusal(await redeem(people[0]))).toBe('ok')

  data(await organize(owner.organizer, 'addRoster', { roundId, categoryId: 'unit', entries: [{ name: '赵六', unitId: 'ua' }] }))
  expect(await review(roundId)).toMatchObject({ state: 'pending' })
  // The used code and the unused ones get one answer: pending review is no free "did they vote?" probe.
  for (const code of [people[0], people[1], shared]) expect(refusal(await redeem(code))).toBe('ROSTER_NOT_APPROVED')
  const left = (await organize<{ codes: { code: string; usesLeft: number | null }[] }>(admin, 'listCodes', { roundId }))
  expect(data(left).codes.find((c) => c.code === shared)?.usesLeft).toBe(5)

  await approve(roundId)
  expect(refusal(await redeem(people[1]))).toBe('ok')
  expect(refusal(await redeem(shared))).toBe('ok')
})

test.each([
  ['an import adding a person', (roundId: string) => organize(owner.organizer, 'importRoster', { roundId, fileName: '名单.csv', base64: Buffer.from('姓名,单位,类别\n孙七,ua,unit\n').toString('base64') })],
  ['a reissued code', async (roundId: string, people: string[]) => organize(owner.organizer, 'reissueCode', { roundId, code: people[2] })],
  ['a new shared code', (roundId: string) => organize(owner.organizer, 'sharedCode', { roundId, categoryId: 'all-round', unitId: 'ua', maxUses: 2 })],
])('%s after approval sends the roster back, and the log says so', async (_what, change) => {
  const { roundId, people } = await roundWithRoster()
  await approve(roundId)
  expect(refusal(await change(roundId, people))).toBe('ok')
  expect(await review(roundId)).toMatchObject({ state: 'pending' })
  const log = data(await organize<{ entries: { action: string; sentence: string }[] }>(admin, 'auditLog', { roundId }))
  expect(log.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['reviewRoster', 'rosterSentBack']))
  expect(log.entries.find((e) => e.action === 'rosterSentBack')?.sentence).toContain('名单须重新报督导组审定')
})

test('voiding a code only takes a person off the approved list: it stays approved', async () => {
  const { roundId, people } = await roundWithRoster()
  await approve(roundId)
  data(await organize(owner.organizer, 'voidCode', { roundId, code: people[2] }))
  expect(await review(roundId)).toMatchObject({ state: 'approved' })
})

test('only the supervisors review: the owner unit\'s organiser, a leader above, a contact and a sibling\'s organiser are refused', async () => {
  const { roundId } = await roundWithRoster()
  const { revision } = await review(roundId)
  for (const who of [owner.organizer, owner.leader, owner.contact, street.leader, outsider]) {
    expect(refusal(await organize(who, 'reviewRoster', { roundId, revision, approve: true }))).toBe('FORBIDDEN')
  }
  expect(await review(roundId)).toMatchObject({ state: 'pending', revision })
  expect(data(await organize<Review>(owner.organizer, 'rosterReview', { roundId })).reviewable).toBe(false)
  expect(data(await organize<Review>(street.organizer, 'rosterReview', { roundId })).reviewable).toBe(true)
})

test('a return needs a reason, which the owner reads; a verdict on a list changed since it was read is refused', async () => {
  const { roundId } = await roundWithRoster()
  const read = (await review(roundId)).revision
  expect(refusal(await organize(street.organizer, 'reviewRoster', { roundId, revision: read, approve: false }))).toBe('ROUND_INVALID')
  const returned = data(await organize<Review>(street.organizer, 'reviewRoster', { roundId, revision: read, approve: false, reason: '离退休干部代表缺少一人' }))
  expect(returned).toMatchObject({ state: 'returned', reason: '离退休干部代表缺少一人' })
  expect(data(await organize<Review>(owner.organizer, 'rosterReview', { roundId }))).toMatchObject({ state: 'returned', reason: '离退休干部代表缺少一人' })
  expect(refusal(await organize(owner.organizer, 'codeSlips', { roundId }))).toBe('ROSTER_NOT_APPROVED')

  data(await organize(owner.organizer, 'addRoster', { roundId, categoryId: 'unit', entries: [{ name: '离退休代表', unitId: 'ua' }] }))
  expect(await review(roundId)).toMatchObject({ state: 'pending', reason: null })
  // Approving what was read before the correction approves nothing.
  expect(refusal(await organize(street.organizer, 'reviewRoster', { roundId, revision: returned.revision, approve: true }))).toBe('ROSTER_CHANGED')
  expect(await approve(roundId)).toMatchObject({ state: 'approved' })
  const log = data(await organize<{ entries: { sentence: string }[] }>(admin, 'auditLog', { roundId, action: 'reviewRoster' }))
  expect(log.entries.map((e) => e.sentence)).toEqual(expect.arrayContaining([expect.stringContaining('退回了评议“和平社区三评一联”的参评人员名单，原因：离退休干部代表缺少一人'), expect.stringContaining('审定通过了评议“和平社区三评一联”的参评人员名单')]))
})

test('a supervisor\'s own change to the list needs no second look; a round whose procedure asks no review has nothing to approve', async () => {
  const { roundId } = await roundWithRoster()
  await approve(roundId)
  data(await organize(street.organizer, 'addRoster', { roundId, categoryId: 'unit', entries: [{ name: '周八', unitId: 'ua' }] }))
  expect(await review(roundId)).toMatchObject({ state: 'approved' })

  const plain = await createRound(admin, {
    templateId: 'community-satisfaction', title: '社区满意度',
  })
  expect(await review(plain)).toMatchObject({ required: false })
  const empty = await createRound(admin, {
    templateId: 'sanping-yilian', title: '尚无名单',
  })
  expect(await organize(street.organizer, 'reviewRoster', { roundId: empty, revision: 0, approve: true })).toEqual({ ok: false, error: { code: 'ROUND_INVALID', message: '评议活动设置不完整或有误：名单为空，尚无可审定的名单' } })
  expect(refusal(await organize(street.organizer, 'reviewRoster', { roundId: plain, revision: 0, approve: true }))).toBe('ACTION_NOT_ALLOWED')
})

test('a 三评一联 round with one report pending refuses to open, naming that unit; approved by the supervisors, it opens', async () => {
  await organize(admin, 'createUnit', { id: 'ub', name: '和平社区居委会', parentId: 'cm', kind: 'unit' })
  const roundId = await createRound(admin, {
    templateId: 'sanping-yilian', title: '和平社区三评一联（第二组）',
    targets: [{ id: 'ua', name: '和平社区党委', kind: 'unit', unitId: 'ua' }, { id: 'ub', name: '和平社区居委会', kind: 'unit', unitId: 'ub' }],
    groups: [{ id: 'g', name: '第二组', leadUnitId: 'ua', unitIds: ['ua', 'ub'] }],
    reports: { ua: '和平社区党委情况报告' },
  })
  for (const categoryId of ['unit', 'all-round']) data(await organize(street.organizer, 'sharedCode', { roundId, categoryId, unitId: 'ua', maxUses: 5 }))
  const blockersOf = async () => data(await organize<{ state: string; blockers: { code: string; message: string; subjectId?: string }[] }>(owner.organizer, 'openRound', { roundId }))

  expect(await blockersOf()).toEqual({ state: 'draft', blockers: [{ code: 'REPORT_MISSING', subjectId: 'ub', message: '「和平社区居委会」尚未提交情况报告' }] })
  // The unit's contact writes it: it now waits for approval, and the round still may not open.
  expect(data(await organize(owner.contact, 'writeReport', { roundId, targetId: 'ub', text: '居委会情况报告' }))).toEqual({ approved: false })
  expect(await blockersOf()).toEqual({ state: 'draft', blockers: [{ code: 'REPORT_UNAPPROVED', subjectId: 'ub', message: '「和平社区居委会」的情况报告尚未审核通过' }] })
  const detail = data(await organize<{ blockers: { code: string }[]; reports: Record<string, { revision: number }>; approvesReports: boolean }>(owner.organizer, 'getRound', { roundId }))
  expect(detail.blockers.map((b) => b.code)).toEqual(['REPORT_UNAPPROVED'])
  // The round page offers 审核通过 to the supervisors only.
  expect(detail.approvesReports).toBe(false)
  expect(data(await organize<{ approvesReports: boolean }>(street.organizer, 'getRound', { roundId })).approvesReports).toBe(true)

  // 经督导组审核把关: the community's own organiser may not approve it; the street's (the unit above) does.
  expect(refusal(await organize(owner.organizer, 'approveReport', { roundId, targetId: 'ub', revision: detail.reports.ub.revision }))).toBe('REPORT_SUPERVISORS_ONLY')
  // Nor does the community organiser's own rewrite count as approved.
  expect(data(await organize(owner.organizer, 'writeReport', { roundId, targetId: 'ub', text: '居委会情况报告（修订）' }))).toEqual({ approved: false })
  const reread = data(await organize<{ reports: Record<string, { revision: number }> }>(owner.organizer, 'getRound', { roundId }))
  data(await organize(street.organizer, 'approveReport', { roundId, targetId: 'ub', revision: reread.reports.ub.revision }))
  expect(await blockersOf()).toEqual({ state: 'open', blockers: [] })
})

/** A persona granted `role` at each of `unitIds` by the admin, under a display name of its own. */
async function holding(persona: string, name: string, grants: [string, string][]): Promise<Session> {
  const holder = await signIn(runtime, persona)
  for (const [role, unitId] of grants) {
    const { code } = data(await organize<{ code: string }>(admin, 'inviteRole', { role, unitId }))
    data(await organize(holder, 'redeemRole', { code, displayName: name }))
  }
  return holder
}

test('one person organising both the owner community and the street above approves neither their own list nor their own reports', async () => {
  const both = await holding('voter-5901', '两级组织员', [['organizer', 'cm'], ['organizer', 'st']])
  const roundId = await createRound(both, {
    templateId: 'sanping-yilian', title: '两级组织员的三评一联',
    groups: [{ id: 'g', name: '第一组', leadUnitId: 'ua', unitIds: ['ua'] }],
    reports: { ua: '和平社区党委情况报告' },
  })
  // The report typed into the new round is theirs as the community's organiser: it waits for the street.
  const round = async (as: Session) => data(await organize<{ reports: Record<string, { approved: boolean; revision: number }>; approvesReports: boolean }>(as, 'getRound', { roundId }))
  expect((await round(both)).reports.ua).toMatchObject({ approved: false })
  expect((await round(both)).approvesReports).toBe(false)
  expect(refusal(await organize(both, 'approveReport', { roundId, targetId: 'ua', revision: (await round(both)).reports.ua.revision }))).toBe('REPORT_SUPERVISORS_ONLY')
  expect(data(await organize(both, 'writeReport', { roundId, targetId: 'ua', text: '和平社区党委情况报告（修订）' }))).toEqual({ approved: false })
  // Their list is not approved as made, and they may not review it.
  data(await organize(both, 'addRoster', { roundId, categoryId: 'unit', entries: [{ name: '张三', unitId: 'ua' }] }))
  expect(await review(roundId)).toMatchObject({ state: 'pending' })
  expect(data(await organize<Review>(both, 'rosterReview', { roundId }))).toMatchObject({ reviewable: false })
  expect(refusal(await organize(both, 'reviewRoster', { roundId, revision: (await review(roundId)).revision, approve: true }))).toBe('FORBIDDEN')
  // The street's other organiser does both.
  await approve(roundId)
  data(await organize(street.organizer, 'approveReport', { roundId, targetId: 'ua', revision: (await round(admin)).reports.ua.revision }))
  expect((await round(admin)).reports.ua).toMatchObject({ approved: true })
})

test('who changed the list or wrote the report gives it no verdict, even after moving up to the street', async () => {
  const mover = await holding('voter-5902', '调任组织员', [['organizer', 'cm']])
  const { roundId } = await roundWithRoster()
  data(await organize(mover, 'addRoster', { roundId, categoryId: 'unit', entries: [{ name: '赵六', unitId: 'ua' }] }))
  expect(data(await organize(mover, 'writeReport', { roundId, targetId: 'ua', text: '调任前写的报告' }))).toEqual({ approved: false })
  // Moved up: a street organiser now, the community role taken back.
  await holding('voter-5902', '调任组织员', [['organizer', 'st']])
  const { holders } = data(await organize<{ holders: { id: string; name: string; unitId: string | null }[] }>(admin, 'listRoleHolders', {}))
  data(await organize(admin, 'revokeRole', { holderId: holders.find((h) => h.name === '调任组织员' && h.unitId === 'cm')!.id }))
  const { revision } = await review(roundId)
  expect(data(await organize<Review>(mover, 'rosterReview', { roundId }))).toMatchObject({ reviewable: false })
  expect(refusal(await organize(mover, 'reviewRoster', { roundId, revision, approve: true }))).toBe('ROSTER_OWN_CHANGE')
  const reportRevision = data(await organize<{ reports: Record<string, { revision: number }> }>(admin, 'getRound', { roundId })).reports.ua.revision
  expect(refusal(await organize(mover, 'approveReport', { roundId, targetId: 'ua', revision: reportRevision }))).toBe('REPORT_OWN_TEXT')
  expect(await review(roundId)).toMatchObject({ state: 'pending' })
  // Another supervisor gives both verdicts.
  await approve(roundId)
  data(await organize(street.organizer, 'approveReport', { roundId, targetId: 'ua', revision: reportRevision }))
  expect(await review(roundId)).toMatchObject({ state: 'approved' })
})
