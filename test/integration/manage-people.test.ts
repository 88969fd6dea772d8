/**
 * Managing people and codes (issue 10): role holders of one's subtree and revoking them, voiding
 * and reissuing roster codes, counts of used codes, and the audit log as sentences with filters.
 */
import ExcelJS from 'exceljs'
import type { Runtime } from '../../local/runtime'
import { openRound, SELF_REPORTS } from '../helpers/rounds'
import { type Answer, data, type Session, signIn, startTestRuntime } from '../helpers/runtime'

let runtime: Runtime
let admin: Session
const organize = <T = Record<string, unknown>>(s: Session, action: string, input: unknown) => s.call<Answer<T>>('organize', { action, data: input })
interface Holder { id: string; role: string; unitId: string | null; unitName: string; name: string; invitedBy: string | null; at: string }
const holders = async (s: Session) => data(await organize<{ holders: Holder[] }>(s, 'listRoleHolders', {})).holders

/** Invites `role` at `unitId` as `by` and has a fresh persona redeem it. */
async function grant(by: Session, role: string, unitId: string, persona: string, name: string): Promise<Session> {
  const { code } = data(await organize<{ code: string }>(by, 'inviteRole', { role, unitId }))
  const holder = await signIn(runtime, persona)
  data(await organize(holder, 'redeemRole', { code, displayName: name }))
  return holder
}

beforeAll(async () => {
  runtime = await startTestRuntime()
  admin = await signIn(runtime, 'admin')
  await openRound(runtime, {}, false)
  data(await organize(admin, 'createUnit', { id: 'other-street', name: '别的街道', parentId: null, kind: 'street' }))
})
afterAll(() => runtime.close())

describe('role holders', () => {
  test('an organiser lists the holders of their subtree with who invited them and when, revokes one, and the revoked holder is refused at once', async () => {
    const organiser = await grant(admin, 'organizer', 't1', 'voter-701', '陈组织员')
    const leader = await grant(organiser, 'leader', 't1', 'voter-702', '刘书记')
    await grant(admin, 'leader', 'other-street', 'voter-703', '外街领导')
    expect(data(await organize(leader, 'listRounds', {}))).toBeDefined()

    const listed = await holders(organiser)
    expect(listed.map((h) => [h.name, h.role, h.unitName, h.invitedBy])).toEqual(expect.arrayContaining([['陈组织员', 'organizer', '第1党支部', '管理员'], ['刘书记', 'leader', '第1党支部', '陈组织员']]))
    expect(listed.map((h) => h.name)).not.toContain('外街领导')
    expect(listed.every((h) => !Number.isNaN(Date.parse(h.at)))).toBe(true)

    const target = listed.find((h) => h.name === '刘书记')!
    expect(data(await organize(organiser, 'revokeRole', { holderId: target.id }))).toEqual({ revoked: true })
    expect(await organize(leader, 'getRound', { roundId: 'nothing' })).toMatchObject({ ok: false })
    expect(data(await organize<{ roles: unknown[] }>(leader, 'myUnits', {})).roles).toEqual([])
    expect(await organize(leader, 'participation', { roundId: (await firstRound()) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await holders(organiser)).map((h) => h.name)).not.toContain('刘书记')
    // A replay finds nothing to revoke and changes nothing. Only a whole-tree admin is told the role
    // is gone; to the organiser a missing id is answered as one out of reach, so ids probe nothing.
    expect(await organize(organiser, 'revokeRole', { holderId: target.id })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '您没有进行这个操作的权限。' } })
    expect(await organize(admin, 'revokeRole', { holderId: target.id })).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_FOUND', message: expect.stringMatching(/撤销/) } })
  })

  test('an organiser cannot revoke a role above their subtree, nor one only an admin grants', async () => {
    const organiser = await grant(admin, 'organizer', 't2', 'voter-711', '王组织员')
    const peer = await grant(admin, 'organizer', 't2', 'voter-712', '赵组织员')
    const all = await holders(admin)
    const streetLeader = all.find((h) => h.name === '外街领导')!
    expect(await organize(organiser, 'revokeRole', { holderId: streetLeader.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const peerRole = all.find((h) => h.name === '赵组织员')!
    expect(await organize(organiser, 'revokeRole', { holderId: peerRole.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(data(await organize<{ roles: unknown[] }>(peer, 'myUnits', {})).roles).toHaveLength(1)
    for (const holderId of ['toString', '__proto__', '$gt', 'root']) {
      expect(await organize(admin, 'revokeRole', { holderId })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    }
  })

  test('the revocation is audited as a sentence, with names', async () => {
    const { entries } = data(await organize<{ entries: { sentence: string; action: string }[] }>(admin, 'auditLog', { action: 'revokeRole' }))
    expect(entries.map((e) => e.sentence)).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d 陈组织员 撤销了刘书记在第1党支部的领导角色$/)])
  })
})

async function firstRound(): Promise<string> {
  const { rounds } = data(await organize<{ rounds: { id: string }[] }>(admin, 'listRounds', {}))
  return rounds[0].id
}

describe('roster codes', () => {
  test('void makes a code unusable, reissue gives the same person a new one, used or not; counts never say by whom', async () => {
    const roundId = await openRound(runtime, { templateId: 'sanping-yilian', reports: SELF_REPORTS, groups: [{ id: 'g', name: '第一组', leadUnitId: 't1', unitIds: ['t1', 't2', 't3'] }] }, false)
    const names = ['张三', '李四', '王五', '陈六', '刘七', '周八']
    const codes = data(await organize<{ codes: { code: string; name: string }[] }>(admin, 'addRoster', { roundId, categoryId: 'unit', entries: names.map((name) => ({ name, unitId: 't1' })) })).codes
    const [zhang, li, wang] = codes.map((c) => c.code)
    const shared = data(await organize<{ code: string }>(admin, 'sharedCode', { roundId, categoryId: 'all-round', unitId: 't2', maxUses: 5 }))
    expect(data(await organize(admin, 'openRound', { roundId }))).toEqual({ state: 'open', blockers: [] })
    const resident = await signIn(runtime, 'voter-721')
    data(await resident.call<Answer>('evaluate', { action: 'redeem', data: { code: wang } }))

    expect(data(await organize(admin, 'voidCode', { roundId, code: zhang }))).toEqual({ voided: 1 })
    expect(await organize(resident, 'codeKind', { code: zhang })).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } })
    const fresh = data(await organize<{ code: string; name: string }>(admin, 'reissueCode', { roundId, code: li }))
    expect(fresh).toMatchObject({ name: '李四', unitId: 't1', usesLeft: 1 })
    expect(fresh.code).not.toBe(li)
    expect(await organize(resident, 'codeKind', { code: li })).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } })
    expect(data(await organize(resident, 'codeKind', { code: fresh.code }))).toEqual({ kind: 'roster' })
    // A used person's code is voided like any other: refusing it would say that 王五 voted.
    expect(data(await organize(admin, 'voidCode', { roundId, code: wang }))).toEqual({ voided: 1 })
    expect(await organize(admin, 'reissueCode', { roundId, code: zhang })).toMatchObject({ ok: false, error: { code: 'CODE_VOIDED', message: '该邀请码已经作废' } })
    expect(await organize(admin, 'voidCode', { roundId, code: wang })).toMatchObject({ ok: false, error: { code: 'CODE_VOIDED' } })
    // A code of another round is not this round's to void.
    const other = await openRound(runtime, { templateId: 'sanping-yilian', reports: SELF_REPORTS, groups: [{ id: 'g', name: '第一组', leadUnitId: 't1', unitIds: ['t1'] }] }, false)
    expect(await organize(admin, 'voidCode', { roundId: other, code: fresh.code })).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } })

    const listed = data(await organize<{ codes: { code: string; name: string | null; usesLeft: number | null }[] }>(admin, 'listCodes', { roundId })).codes
    expect(listed.map((c) => [c.name, c.usesLeft])).toEqual([['陈六', null], ['李四', null], ['刘七', null], ['周八', null], [null, 5]])
    expect(listed.map((c) => c.code)).not.toEqual(expect.arrayContaining([zhang, li, wang]))

    const { counts, k } = data(await organize<{ counts: Record<string, unknown>[]; k: number }>(admin, 'codeCounts', { roundId }))
    expect(k).toBe(5)
    expect(counts).toEqual([
      { unitId: 't1', unitName: '第1党支部', categoryId: 'unit', categoryName: expect.any(String), issued: 7, used: 1, void: 3, sharedUsed: 0, sharedLeft: 0 },
      { unitId: 't2', unitName: '第2党支部', categoryId: 'all-round', categoryName: expect.any(String), issued: 0, used: 0, void: 0, sharedUsed: 0, sharedLeft: 5 },
    ])
    expect(JSON.stringify(counts)).not.toMatch(/张三|李四|王五/)

    // A reissue replaces a person's code and adds no one; a void takes the place away, used or not.
    const sizes = async () => data(await organize<{ rosterSizes: Record<string, number> }>(admin, 'getRound', { roundId })).rosterSizes
    expect(await sizes()).toEqual({ unit: 4, 'all-round': 5 })

    // A shared code is no person: its uses are shown, and one used up has nothing left to void.
    const once = data(await organize<{ code: string }>(admin, 'sharedCode', { roundId, categoryId: 'all-round', unitId: 't3', maxUses: 1 }))
    data(await (await signIn(runtime, 'voter-722')).call<Answer>('evaluate', { action: 'redeem', data: { code: once.code } }))
    expect(await organize(admin, 'voidCode', { roundId, code: once.code })).toMatchObject({ ok: false, error: { code: 'CODE_USED', message: '该共用码已经用完，不能作废或补发' } })
    expect(data(await organize(admin, 'voidCode', { roundId, code: shared.code }))).toEqual({ voided: 5 })
    expect(await sizes()).toEqual({ unit: 4, 'all-round': 1 })

    const log = JSON.stringify(data(await organize(admin, 'auditLog', { roundId })))
    for (const code of [zhang, li, wang, fresh.code]) expect(log).not.toContain(code)
    expect(log).toMatch(/作废了评议“测试评议”中第1党支部张三的邀请码/)
    expect(log).toMatch(/为评议“测试评议”中第1党支部李四补发了邀请码/)
  })
})

describe('voiding under load', () => {
  test('a meeting redeeming one shared code at once: every resident gets in, up to its uses, none refused by the crowd', async () => {
    const roundId = await openRound(runtime, { templateId: 'sanping-yilian', reports: SELF_REPORTS, groups: [{ id: 'g', name: '第一组', leadUnitId: 't1', unitIds: ['t1', 't2', 't3'] }] }, false)
    const { code } = data(await organize<{ code: string }>(admin, 'sharedCode', { roundId, categoryId: 'unit', unitId: 't1', maxUses: 12 }))
    data(await organize(admin, 'sharedCode', { roundId, categoryId: 'all-round', unitId: 't2', maxUses: 5 }))
    expect(data(await organize(admin, 'openRound', { roundId }))).toEqual({ state: 'open', blockers: [] })
    const residents = await Promise.all(Array.from({ length: 15 }, (_, i) => signIn(runtime, `voter-74${i.toString().padStart(2, '0')}`)))
    const answers = await Promise.all(residents.map((r) => r.call<Answer>('evaluate', { action: 'redeem', data: { code } })))
    expect(answers.filter((a) => a.ok)).toHaveLength(12)
    for (const a of answers.filter((a) => !a.ok)) expect(a).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } })
  })

  test('voids racing redemptions: every void answers alike, each code is used at most once, and the counts add up', async () => {
    const roundId = await openRound(runtime, { templateId: 'sanping-yilian', reports: SELF_REPORTS, groups: [{ id: 'g', name: '第一组', leadUnitId: 't1', unitIds: ['t1', 't2', 't3'] }] }, false)
    const entries = Array.from({ length: 10 }, (_, i) => ({ name: `参评${i + 1}`, unitId: 't1' }))
    const codes = data(await organize<{ codes: { code: string }[] }>(admin, 'addRoster', { roundId, categoryId: 'unit', entries })).codes.map((c) => c.code)
    data(await organize(admin, 'sharedCode', { roundId, categoryId: 'all-round', unitId: 't2', maxUses: 5 }))
    expect(data(await organize(admin, 'openRound', { roundId }))).toEqual({ state: 'open', blockers: [] })
    const voters = await Promise.all(codes.map((_, i) => signIn(runtime, `voter-76${i}`)))
    const redeem = (i: number) => voters[i].call<Answer>('evaluate', { action: 'redeem', data: { code: codes[i] } })
    const voidIt = (i: number) => organize(admin, 'voidCode', { roundId, code: codes[i] })
    // Half the codes see the void sent first, half the redemption: both orders meet in flight.
    const answers = await Promise.all(codes.map((_, i) => Promise.all(i % 2 ? [redeem(i), voidIt(i), voidIt(i)] : [voidIt(i), redeem(i), voidIt(i)])))
    const redeemed = answers.map((a, i) => a[i % 2 ? 0 : 1])
    const voids = answers.map((a, i) => (i % 2 ? [a[1], a[2]] : [a[0], a[2]]))
    // Two voids of one code are one: the other is told it is voided already, whatever the resident did.
    for (const pair of voids) {
      expect(pair.filter((a) => a.ok).map((a) => a.ok && a.data)).toEqual([{ voided: 1 }])
      expect(pair.filter((a) => !a.ok)).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'CODE_VOIDED' }) })])
    }
    const used = redeemed.filter((a) => a.ok).length
    for (const a of redeemed.filter((a) => !a.ok)) expect(a).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } })
    const stored = codes.map((code) => runtime.cloudbase.store.collection('invitations').get(code)?.doc as { usesLeft: number; voided: number } | undefined)
    expect(stored.every((d) => d?.usesLeft === 0 && (d.voided === 0 || d.voided === 1))).toBe(true)
    expect(stored.filter((d) => d?.voided === 0)).toHaveLength(used)
    const { counts } = data(await organize<{ counts: { issued: number; used: number | null; void: number }[] }>(admin, 'codeCounts', { roundId }))
    expect(counts[0]).toMatchObject({ unitId: 't1', issued: 10, used, void: 10 })
  })
})

describe('the audit log', () => {
  test('filters by round, unit, person and action, and exports the sentences to Excel', async () => {
    const all = data(await organize<{ entries: { sentence: string; actorName: string; action: string; roundTitle: string | null; unitName: string }[]; actors: string[] }>(admin, 'auditLog', {}))
    expect(all.actors).toEqual(expect.arrayContaining(['管理员', '陈组织员']))
    expect(all.entries.every((e) => /^\d{4}-\d\d-\d\d \d\d:\d\d /.test(e.sentence))).toBe(true)
    expect(all.entries.map((e) => e.sentence)).toEqual(expect.arrayContaining([expect.stringMatching(/管理员 新建了评议“测试评议”$/), expect.stringMatching(/陈组织员 生成了第1党支部的领导邀请码/)]))

    const byPerson = data(await organize<{ entries: { actorName: string }[] }>(admin, 'auditLog', { actorName: '陈组织员' })).entries
    expect(byPerson.length).toBeGreaterThan(0)
    expect(byPerson.every((e) => e.actorName === '陈组织员')).toBe(true)
    const inUnit = data(await organize<{ entries: { unitName: string }[] }>(admin, 'auditLog', { unitId: 'other-street' })).entries
    expect(inUnit.map((e) => e.unitName)).toEqual(expect.arrayContaining(['别的街道']))
    expect(inUnit.every((e) => e.unitName === '别的街道')).toBe(true)
    const opened = data(await organize<{ entries: { action: string }[] }>(admin, 'auditLog', { action: 'openRound' })).entries
    expect(opened.length).toBeGreaterThan(0)
    expect(opened.every((e) => e.action === 'openRound')).toBe(true)

    const { url } = data(await organize<{ url: string }>(admin, 'auditSheet', { action: 'openRound' }))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await (await fetch(url)).arrayBuffer())
    const rows: string[] = []
    book.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).join('|')))
    expect(rows[0]).toBe('时间|操作人|单位|评议|记录')
    expect(rows).toHaveLength(opened.length + 1)
    expect(rows[1]).toMatch(/开放了评议“测试评议”/)
  })

  test('an organiser reads only their subtree and cannot filter outside it', async () => {
    const organiser = await signIn(runtime, 'voter-701')
    const { entries } = data(await organize<{ entries: { unitName: string }[] }>(organiser, 'auditLog', {}))
    expect(entries.map((e) => e.unitName)).not.toContain('别的街道')
    expect(await organize(organiser, 'auditLog', { unitId: 'other-street' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await organize(organiser, 'auditSheet', { unitId: 'other-street' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
