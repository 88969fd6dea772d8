/**
 * The rectification ledger through the organise function: registering with 三定 from a fired
 * verdict or from shown opinions, the owner working the item with photos, the supervisors
 * (organisers of the unit above) sending back and verifying, every refusal, and the ledger views.
 */
import ExcelJS from 'exceljs'
import { database } from '../../cloudfunctions/common/cloudbase'
import { INCOMING_ROOT } from '../../cloudfunctions/common/storageRule'
import { photoFolder } from '../../cloudfunctions/organize/ledger/photos'
import { FUNCTIONS } from '../../local/functions'
import { timerContext } from '../../local/gateway'
import { LOCAL_ENV_ID, type Runtime } from '../../local/runtime'
import type { LedgerCandidates, LedgerItem } from '../../src/api/ledger'
import { builtinTemplates, inShanghai } from '../../src/core'
import { type Answer, fullBallot, openRound, TEST_STREET } from '../helpers/rounds'
import { data, type Session, signIn, startTestRuntime } from '../helpers/runtime'
import { storedDocs } from '../helpers/store'

const template = builtinTemplates.find((t) => t.id === 'community-satisfaction')!.ballot
const DISSATISFIED = 2
const OPINIONS = ['窗口午间无人值守', '办事要跑好几趟', '公开栏很久没更新', '楼道灯坏了没人修', '活动通知太晚', '窗口午间无人值守']
const RULE = {
  id: 'below-sixty', name: '满意率低于60%', conditions: [{ metric: 'satisfaction', comparison: 'below', threshold: { num: 3, den: 5 } }],
  effects: [{ kind: 'rectify' }, { kind: 'warning-talk' }], consequence: '限期整改，诫勉谈话',
}
/** 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

let runtime: Runtime
let roundId: string
const people = {} as Record<'admin' | 'supervisor' | 'ownOrganizer' | 'leader' | 'owner' | 'otherContact' | 'outsideOrganizer' | 'resident', Session>
let ownerHolderId: string
/** What the supervisor was offered before confirming the verdict. */
let whileProposed: { candidates: LedgerCandidates; registered: string }
let otherHolderId: string

const call = <T = Record<string, unknown>>(who: Session, action: string, input: unknown) => who.call<Answer<T>>('organize', { action, data: input })
const code = (a: Answer<unknown>) => (a.ok ? 'ok' : a.error.code)
const future = (days: number) => inShanghai(new Date()).add(days, 'day').format()
const photosStored = () => runtime.cloudbase.storage.list('rectification')
const incoming = () => runtime.cloudbase.storage.list(INCOMING_ROOT)
const folderOf = (persona: string) => photoFolder(runtime.login.openidOf(persona))
const fileIdOf = (cloudPath: string) => `cloud://${LOCAL_ENV_ID}.local/${cloudPath}`

/** What the H5 client does (the local `wx.cloud.uploadFile`): an authorization judged by the storage rule, then a PUT. */
async function upload(who: Session, cloudPath: string, bytes: Buffer): Promise<Answer<string>> {
  const res = await fetch(`${runtime.url}/__client/upload`, { method: 'POST', headers: { cookie: who.cookie, 'content-type': 'application/json' }, body: JSON.stringify({ cloudPath }) })
  const grant = (await res.json()) as Answer<{ url: string; authorization: string; fileID: string }>
  if (!grant.ok) return grant
  const put = await fetch(grant.data.url, { method: 'PUT', headers: { authorization: grant.data.authorization }, body: new Uint8Array(bytes) })
  expect(put.status).toBe(200)
  return { ok: true, data: grant.data.fileID }
}

async function holder(persona: string, role: string, unitId: string, name: string): Promise<Session> {
  const { code: invitation } = data(await call<{ code: string }>(people.admin, 'inviteRole', { role, unitId }))
  const session = await signIn(runtime, persona)
  data(await call(session, 'redeemRole', { code: invitation, displayName: name }))
  return session
}

async function register(overrides: Record<string, unknown> = {}): Promise<Answer<LedgerItem>> {
  return call<LedgerItem>(people.supervisor, 'registerItem', {
    roundId, targetId: 't1', source: { kind: 'verdict', ruleId: RULE.id }, problem: '满意率低于60%', responsibility: '排查服务短板，公示整改清单',
    ownerHolderId, deadline: future(30), ...overrides,
  })
}

const work = (who: Session, itemId: string, step: string, extra: Record<string, unknown> = {}) => call<LedgerItem>(who, 'workItem', { itemId, step, ...extra })
const supervise = (who: Session, itemId: string, verify: boolean, note?: string) => call<LedgerItem>(who, 'superviseItem', { itemId, verify, ...(note ? { note } : {}) })

beforeAll(async () => {
  runtime = await startTestRuntime()
  people.admin = await signIn(runtime, 'admin')
  roundId = await openRound(runtime, {}, false)
  data(await call(people.admin, 'updateRound', { roundId, patch: { rules: [RULE] } }))
  data(await call(people.admin, 'openRound', { roundId }))
  people.supervisor = await holder('voter-9001', 'organizer', TEST_STREET, '街道组织员')
  people.leader = await holder('voter-9002', 'leader', TEST_STREET, '街道领导')
  people.ownOrganizer = await holder('voter-9003', 'organizer', 't1', '支部组织员')
  people.owner = await holder('voter-9004', 'contact', 't1', '周联络员')
  people.otherContact = await holder('voter-9005', 'contact', 't2', '别的联络员')
  people.outsideOrganizer = await holder('voter-9006', 'organizer', 't2', '二支部组织员')
  people.resident = await signIn(runtime, 'voter-9007')
  const holders = data(await call<{ holders: { id: string; name: string }[] }>(people.admin, 'listRoleHolders', {})).holders
  ownerHolderId = holders.find((h) => h.name === '周联络员')!.id
  otherHolderId = holders.find((h) => h.name === '别的联络员')!.id
  // Ten ballots, six with an opinion; then the close, so the verdict can be confirmed.
  for (let i = 0; i < 10; i++) {
    const voter = await signIn(runtime, `voter-${9100 + i}`)
    data(await voter.call('evaluate', { action: 'enrol', data: { roundId, categoryId: 'residents' } }))
    data(await voter.call('evaluate', { action: 'submit', data: { roundId, ballots: [fullBallot(template, 't1', DISSATISFIED, OPINIONS[i])] } }))
  }
  data(await call(people.admin, 'closeRound', { roundId }))
  whileProposed = {
    candidates: data(await call<LedgerCandidates>(people.supervisor, 'ledgerCandidates', { roundId, targetId: 't1' })),
    registered: code(await register()),
  }
  // The supervising group (organisers of the street above t1) confirms it: 已认定.
  data(await call(people.supervisor, 'stepVerdict', { roundId, targetId: 't1', ruleId: RULE.id, action: 'confirm', seen: 0 }))
})
afterAll(() => runtime.close())

describe('registering', () => {
  it('offers a proposed verdict (拟认定) nothing until the supervising group confirms it', () => {
    expect(whileProposed.candidates.verdicts).toEqual([expect.objectContaining({ ruleId: RULE.id, offered: false })])
    expect(whileProposed.registered).toBe('RECTIFICATION_NOT_OFFERED')
  })

  it('offers the confirmed verdict, the opinions k already shows (one id per text) and the unit contacts', async () => {
    const c = data(await call<LedgerCandidates>(people.supervisor, 'ledgerCandidates', { roundId, targetId: 't1' }))
    expect(c.verdicts).toEqual([expect.objectContaining({ ruleId: RULE.id, offered: true })])
    expect(c.opinions.map((o) => o.text).sort()).toEqual([...OPINIONS].sort())
    expect(new Set(c.opinions.map((o) => o.id)).size).toBe(5)
    expect(c.contacts).toEqual([{ holderId: ownerHolderId, name: '周联络员' }])
    expect(c.ownerUnitId).toBe('t1')
  })

  it('withholds opinions and offers nothing on a target below k', async () => {
    const c = data(await call<LedgerCandidates>(people.supervisor, 'ledgerCandidates', { roundId, targetId: 't2' }))
    expect(c.opinions).toEqual([])
    expect(c.opinionsWithheld).toContain('5 份')
    expect(c.verdicts).toEqual([])
  })

  it('registers from opinions, keeping their ids; the item is audited and its owner sees it', async () => {
    const c = data(await call<LedgerCandidates>(people.supervisor, 'ledgerCandidates', { roundId, targetId: 't1' }))
    const chosen = c.opinions.filter((o) => o.text.includes('窗口')).map((o) => o.id)
    const item = data(await register({ source: { kind: 'opinions', opinionIds: chosen }, problem: '窗口午间无人值守' }))
    expect(item).toMatchObject({ source: '群众意见', ownerUnitId: 't1', ownerName: '周联络员', state: 'registered', publicState: '整改中', urgent: false })
    const stored = storedDocs(runtime, 'rectifications').find((d) => d._id === item.id)!
    expect(stored.source).toEqual({ kind: 'opinions', opinionIds: chosen })
    expect(JSON.stringify(stored)).not.toMatch(/voter-9|openid/)
    expect(storedDocs(runtime, 'audit').some((a) => a.action === 'registerRectification' && a.subject === `${roundId}/${item.id}`)).toBe(true)
    const mine = data(await call<{ items: LedgerItem[] }>(people.owner, 'myItems', {})).items
    expect(mine.map((i) => i.id)).toContain(item.id)
    expect(mine.find((i) => i.id === item.id)).toMatchObject({ can: { work: true, supervise: false }, daysLeft: 30 })
  })

  it('gives an urgent item (立行立改) a deadline seven days out when none is given', async () => {
    const item = data(await register({ urgent: true, deadline: undefined }))
    expect(item.urgent).toBe(true)
    expect(item.daysLeft).toBe(7)
  })

  it.each([
    ['a verdict that did not fire', { targetId: 't2', ownerHolderId: 'other' }, 'RECTIFICATION_NOT_OFFERED'],
    ['an owner who is a contact of another unit', { ownerHolderId: 'other' }, 'OWNER_NOT_CONTACT'],
    ['a rule the round does not have', { source: { kind: 'verdict', ruleId: 'no-such-rule' } }, 'RECTIFICATION_NOT_OFFERED'],
    ['an opinion id not shown', { source: { kind: 'opinions', opinionIds: ['0123456789abcdef'] } }, 'OPINION_NOT_SHOWN'],
    ['an owner who is no contact of the unit', { ownerHolderId: 'f'.repeat(64) }, 'OWNER_NOT_CONTACT'],
    ['a deadline already past', { deadline: inShanghai(new Date()).subtract(1, 'day').format() }, 'DEADLINE_INVALID'],
    ['no deadline on an ordinary item', { deadline: undefined }, 'DEADLINE_INVALID'],
    ['no measures (三定)', { responsibility: '' }, 'BAD_INPUT'],
    ['a hostile target id', { targetId: '__proto__' }, 'BAD_INPUT'],
    ['a target not in the round', { targetId: 'toString-x' }, 'TARGET_NOT_IN_ROUND'],
  ] as [string, Record<string, unknown>, string][])('refuses %s, writing nothing', async (_, overrides, expected) => {
    const before = storedDocs(runtime, 'rectifications').length
    const answer = await register(overrides.ownerHolderId === 'other' ? { ...overrides, ownerHolderId: otherHolderId } : overrides)
    expect(code(answer)).toBe(expected)
    if (!answer.ok) expect(answer.error.message).toMatch(/[\u4e00-\u9fff]/)
    expect(storedDocs(runtime, 'rectifications')).toHaveLength(before)
  })

  it('lets only organisers of the round register', async () => {
    for (const who of [people.leader, people.owner, people.outsideOrganizer, people.resident, people.ownOrganizer]) {
      expect(code(await call(who, 'registerItem', { roundId, targetId: 't1', source: { kind: 'verdict', ruleId: RULE.id }, problem: 'x', responsibility: 'y', ownerHolderId, deadline: future(3) }))).toBe('FORBIDDEN')
    }
  })
})

describe('working an item', () => {
  it('runs accept → progress with a photo → 申请销号 → sent back → resume → 申请销号 → 销号, audited, each step by its actor', async () => {
    const { id } = data(await register())
    expect(code(await work(people.owner, id, 'request-closure', { note: '已完成' }))).toBe('RECTIFICATION_TRANSITION_INVALID')
    const started = data(await work(people.owner, id, 'start'))
    // Only whoever may work the item is told where to upload; the device uploads, the step names the fileID.
    expect(started.can.photoFolder).toBe(folderOf('voter-9004'))
    expect(data(await call<LedgerItem>(people.supervisor, 'ledgerItem', { itemId: id })).can.photoFolder).toBeNull()
    const fileId = data(await upload(people.owner, `${started.can.photoFolder}/0`, Buffer.from(PNG, 'base64')))
    const withPhoto = data(await work(people.owner, id, 'progress', { note: '已排查三处短板', photos: [fileId] }))
    expect(incoming()).toEqual([])
    expect(withPhoto.events[1]).toMatchObject({ type: 'progress', by: '第1党支部 单位联系人', note: '已排查三处短板' })
    expect(withPhoto.events[1].photos[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/__storage\/rectification\//)
    expect(Buffer.from(await (await fetch(withPhoto.events[1].photos[0])).arrayBuffer()).toString('base64')).toBe(PNG)
    expect(code(await supervise(people.supervisor, id, true))).toBe('RECTIFICATION_TRANSITION_INVALID')
    data(await work(people.owner, id, 'request-closure', { note: '整改清单已公示' }))
    // The owner, and organisers of the owner unit itself, are not the supervisors.
    expect(code(await supervise(people.owner, id, true))).toBe('FORBIDDEN')
    expect(code(await supervise(people.ownOrganizer, id, true))).toBe('FORBIDDEN')
    expect(code(await work(people.owner, id, 'progress', { note: '再补充' }))).toBe('RECTIFICATION_TRANSITION_INVALID')
    expect(code(await supervise(people.supervisor, id, false))).toBe('RECTIFICATION_NOTE_REQUIRED')
    const sentBack = data(await supervise(people.supervisor, id, false, '缺少群众回访记录'))
    expect(sentBack).toMatchObject({ state: 'sent-back', can: { work: false, supervise: false } })
    expect(sentBack.events.at(-1)).toMatchObject({ type: 'send-back', by: '测试街道 组织员（上级审核）', note: '缺少群众回访记录' })
    expect(code(await work(people.owner, id, 'request-closure', { note: '补了' }))).toBe('RECTIFICATION_TRANSITION_INVALID')
    data(await work(people.owner, id, 'resume'))
    data(await work(people.owner, id, 'request-closure', { note: '已回访群众 12 户' }))
    const verified = data(await supervise(people.supervisor, id, true))
    expect(verified).toMatchObject({ state: 'verified', publicState: '已销号', overdue: false })
    expect(verified.verifiedAt).not.toBeNull()
    expect(code(await work(people.owner, id, 'resume'))).toBe('RECTIFICATION_TRANSITION_INVALID')
    const audited = storedDocs(runtime, 'audit').filter((a) => a.subject === `${roundId}/${id}`).map((a) => a.action)
    expect(audited).toEqual(['registerRectification', ...['start', 'progress', 'request-closure', 'send-back', 'resume', 'request-closure', 'verify'].map((t) => `rectification:${t}`)])
    const log = data(await call<{ entries: { subject: string; sentence: string }[] }>(people.supervisor, 'auditLog', { roundId })).entries.filter((e) => e.subject.endsWith(id))
    expect(log.map((e) => e.sentence.replace(/^\S+ \S+ /, ''))).toEqual(expect.arrayContaining([
      '街道组织员 退回了第1党支部整改事项的销号申请，原因：缺少群众回访记录', '周联络员 申请第1党支部的整改事项销号：已回访群众 12 户', '街道组织员 审核通过第1党支部的整改事项，予以销号',
    ]))
  })

  it('refuses a supervisor who asked for the closure themselves (the owner verifying their own item)', async () => {
    // The whole-tree admin supervises every unit; made the owner's contact too, they are the unit's own and
    // supervise it no more (organize/access.ts supervises), so they may not strike off their own request.
    const { code: invitation } = data(await call<{ code: string }>(people.admin, 'inviteRole', { role: 'contact', unitId: 't1' }))
    data(await call(people.admin, 'redeemRole', { code: invitation, displayName: '管理员兼联络员' }))
    const holders = data(await call<{ holders: { id: string; name: string }[] }>(people.admin, 'listRoleHolders', {})).holders
    const contactRole = holders.find((h) => h.name === '管理员兼联络员')!.id
    const { id } = data(await register({ ownerHolderId: contactRole }))
    data(await work(people.admin, id, 'start'))
    data(await work(people.admin, id, 'request-closure', { note: '自己办完了' }))
    expect(code(await supervise(people.admin, id, true))).toBe('FORBIDDEN')
    expect(data(await supervise(people.supervisor, id, true)).state).toBe('verified')
    data(await call(people.admin, 'revokeRole', { holderId: contactRole }))
  })

  it('counts an item at 申请销号 in its supervisors\' to-do badge (never the owner unit\'s own organiser\'s) until they decide', async () => {
    const review = async (who: Session) => data(await who.call<Answer<{ rectification: { review: number } | null }>>('evaluate', { action: 'me', data: {} })).rectification?.review ?? 0
    const before = { supervisor: await review(people.supervisor), ownOrganizer: await review(people.ownOrganizer) }
    const { id } = data(await register())
    data(await work(people.owner, id, 'start'))
    data(await work(people.owner, id, 'request-closure', { note: '已完成' }))
    expect(await review(people.supervisor)).toBe(before.supervisor + 1)
    expect(await review(people.ownOrganizer)).toBe(before.ownOrganizer)
    expect(await review(people.owner)).toBe(0)
    const listed = data(await call<{ items: LedgerItem[] }>(people.supervisor, 'ledger', { roundId })).items.find((i) => i.id === id)!
    expect(listed.can.supervise).toBe(true)
    data(await supervise(people.supervisor, id, false, '缺少照片'))
    expect(await review(people.supervisor)).toBe(before.supervisor)
  })

  it('refuses two steps racing on one state: one lands, the other is told to refresh', async () => {
    const { id } = data(await register())
    data(await work(people.owner, id, 'start'))
    data(await work(people.owner, id, 'request-closure', { note: '完成' }))
    const answers = await Promise.all([supervise(people.supervisor, id, true), supervise(people.admin, id, false, '不行')])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.map(code).filter((c) => c !== 'ok')[0]).toMatch(/RECTIFICATION_CHANGED|RECTIFICATION_TRANSITION_INVALID/)
    const stored = storedDocs(runtime, 'rectifications').find((d) => d._id === id)!
    expect((stored.events as unknown[]).length).toBe(3)
  })
})

describe('a step sent again', () => {
  it('after a lost answer is answered as the first was, its photo kept once; a page behind another person\'s step is refused', async () => {
    const { id } = data(await register())
    const started = data(await work(people.owner, id, 'start', { seen: 0 }))
    const fileId = data(await upload(people.owner, `${started.can.photoFolder}/0`, Buffer.from(PNG, 'base64')))
    const step = { note: '已排查三处短板', photos: [fileId], seen: started.events.length }
    const first = data(await work(people.owner, id, 'progress', step))
    // The same tap again, from the same page: its slot is empty by now, and nothing lands twice.
    const again = data(await work(people.owner, id, 'progress', step))
    expect(again.events).toEqual(first.events)
    expect(again.events.filter((e) => e.type === 'progress')).toHaveLength(1)
    expect(photosStored().filter((p) => p.includes(id))).toHaveLength(1)
    // Another step from that page is not the one taken there: the page is behind.
    expect(code(await work(people.owner, id, 'progress', { note: '另一条进展', seen: started.events.length }))).toBe('RECTIFICATION_CHANGED')
    const asked = data(await work(people.owner, id, 'request-closure', { note: '整改清单已公示', seen: first.events.length }))
    const sentBack = data(await supervise(people.supervisor, id, false, '缺少群众回访记录'))
    // The owner's 申请销号 arriving again after the send-back is still that one tap: answered with the item as it is now.
    const late = data(await work(people.owner, id, 'request-closure', { note: '整改清单已公示', seen: first.events.length }))
    expect(late).toMatchObject({ state: 'sent-back' })
    expect(late.events.filter((e) => e.type === 'request-closure')).toHaveLength(1)
    // The supervisor's send-back sent again is answered, and the history keeps one.
    const resent = data(await call<LedgerItem>(people.supervisor, 'superviseItem', { itemId: id, verify: false, note: '缺少群众回访记录', seen: asked.events.length }))
    expect(resent.events).toEqual(sentBack.events)
    // Someone else's pseudonym at that place is no replay: another supervisor's page is behind.
    expect(code(await call(people.admin, 'superviseItem', { itemId: id, verify: false, note: '缺少群众回访记录', seen: asked.events.length }))).toBe('RECTIFICATION_CHANGED')
  })
})

describe('photo uploads', () => {
  let itemId: string
  let ownerFolder: string
  let otherFolder: string
  /** A photo already kept under another item. */
  let otherItemPhoto: string
  beforeAll(async () => {
    itemId = data(await register()).id
    ownerFolder = data(await work(people.owner, itemId, 'start')).can.photoFolder!
    otherFolder = folderOf('voter-9005')
    const other = data(await register())
    data(await work(people.owner, other.id, 'start'))
    const fileId = data(await upload(people.owner, `${ownerFolder}/0`, Buffer.from(PNG, 'base64')))
    data(await work(people.owner, other.id, 'progress', { note: '另一项的照片', photos: [fileId] }))
    otherItemPhoto = fileIdOf(photosStored().find((p) => p.includes(other.id))!)
  })

  const png = Buffer.from(PNG, 'base64')
  const big = Buffer.alloc(1024 * 1024 + 1, 0)
  big.set([0xff, 0xd8, 0xff])
  const gif = Buffer.from('GIF89a....')
  const mine = (slot: number) => `${ownerFolder}/${slot}`
  /** Uploads as the owner, then sends a progress step naming what was uploaded. */
  const sendOwn = async (files: Buffer[], step = 'progress') => {
    const ids = []
    for (const [slot, bytes] of files.entries()) ids.push(data(await upload(people.owner, mine(slot), bytes)))
    return work(people.owner, itemId, step, { note: '照片', photos: ids })
  }
  it.each([
    ['too large', () => sendOwn([big]), 'PHOTO_REFUSED', '1 MB'],
    ['of the wrong type', () => sendOwn([gif]), 'PHOTO_REFUSED', 'JPG 或 PNG'],
    ['one good and one bad', () => sendOwn([png, gif]), 'PHOTO_REFUSED', 'JPG 或 PNG'],
    ['named twice', async () => work(people.owner, itemId, 'progress', { photos: [data(await upload(people.owner, mine(0), png)), fileIdOf(mine(0))] }), 'PHOTO_REFUSED', '本人'],
    ['never uploaded', () => work(people.owner, itemId, 'progress', { photos: [fileIdOf(mine(2))] }), 'PHOTO_REFUSED', '没有上传成功'],
    ['to a foreign item', async () => {
      data(await upload(people.otherContact, `${otherFolder}/0`, png))
      return work(people.otherContact, itemId, 'progress', { note: '别人的', photos: [fileIdOf(`${otherFolder}/0`)] })
    }, 'FORBIDDEN', '权限'],
    ['to a step that cannot take it', () => sendOwn([png], 'resume'), 'PHOTO_REFUSED', '照片'],
    ['left behind by a step the state refuses', async () => {
      data(await upload(people.owner, mine(0), png))
      return work(people.owner, itemId, 'start')
    }, 'RECTIFICATION_TRANSITION_INVALID', '状态'],
  ])('refuses one %s in Chinese and leaves nothing in storage', async (_, send, expected, words) => {
    const before = photosStored()
    const answer = await send()
    expect(code(answer)).toBe(expected)
    if (!answer.ok) expect(answer.error.message).toContain(words)
    expect(photosStored()).toEqual(before)
    expect(incoming()).toEqual([])
  })

  it('refuses a fileID that is not one of the caller\'s own uploads, and deletes none of them', async () => {
    // Someone else's upload waits in their folder; the owner names it, then hostile paths into it or elsewhere.
    data(await upload(people.otherContact, `${otherFolder}/1`, png))
    const before = photosStored()
    for (const fileId of [
      fileIdOf(`${otherFolder}/1`), fileIdOf(`${ownerFolder}/../${otherFolder.split('/')[1]}/1`), fileIdOf(`${ownerFolder}/0/../../${otherFolder.split('/')[1]}/1`),
      otherItemPhoto, fileIdOf(`${ownerFolder}/3`), `cloud://another-env.local/${ownerFolder}/0`, 'toString', '__proto__',
    ]) {
      const answer = await work(people.owner, itemId, 'progress', { note: '别人的照片', photos: [fileId] })
      expect([fileId, code(answer)]).toEqual([fileId, 'PHOTO_REFUSED'])
      if (!answer.ok) expect(answer.error.message).toContain('本人')
    }
    expect(photosStored()).toEqual(before)
    expect(incoming()).toEqual([`${otherFolder}/1`])
  })

  it('lets the storage rule take a client\'s upload only into an incoming slot that is not someone else\'s', async () => {
    data(await upload(people.otherContact, `${otherFolder}/2`, png))
    for (const cloudPath of [`${otherFolder}/2`, `rectification/${itemId}/planted.png`, `${ownerFolder}/../x/0`, `${ownerFolder}/7`, `${INCOMING_ROOT}/toString/0`, 'cloudbase.sqlite']) {
      const answer = await upload(people.owner, cloudPath, gif)
      expect([cloudPath, code(answer)]).toEqual([cloudPath, 'STORAGE_RULE_DENIED'])
      if (!answer.ok) expect(answer.error.message).toContain('没有权限')
    }
    const anonymous = await fetch(`${runtime.url}/__client/upload`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cloudPath: `${ownerFolder}/0` }) })
    expect(anonymous.status).toBe(403)
    expect(runtime.cloudbase.storage.list(`rectification/${itemId}`)).toEqual([])
    // The other's upload is still theirs, unchanged.
    expect(runtime.cloudbase.storage.ownerOf(`${otherFolder}/2`)).toBe(runtime.login.openidOf('voter-9005'))
  })

  it('clears an abandoned upload at the owner\'s next step, even one without photos', async () => {
    data(await upload(people.owner, mine(1), png))
    expect(incoming()).toContain(mine(1))
    const step = data(await work(people.owner, itemId, 'progress', { note: '只写了文字' }))
    expect(step.events.at(-1)!.photos).toEqual([])
    expect(incoming().filter((p) => p.startsWith(ownerFolder))).toEqual([])
  })
})

describe('the ledger', () => {
  it('shows organisers and leaders their subtree, filtered by state, overdue and owner unit, with counts', async () => {
    const overdue = data(await register({ problem: '逾期事项' }))
    await database().collection('rectifications').doc(overdue.id).update({ deadline: inShanghai(new Date()).subtract(1, 'hour').format() })
    const all = data(await call<{ items: LedgerItem[]; counts: { unitId: string; open: number; overdue: number; closed: number }[] }>(people.leader, 'ledger', { roundId }))
    expect(all.items.length).toBeGreaterThan(3)
    const t1 = all.counts.find((c) => c.unitId === 't1')!
    expect(t1.open + t1.closed).toBe(all.items.length)
    expect(t1.overdue).toBe(1)
    expect(t1.closed).toBe(all.items.filter((i) => i.publicState === '已销号').length)
    // The leaders' overview rolls the counts up per child unit of the area, beside its satisfaction.
    const street = data(await call<{ byChild: { unitId: string; open: number; overdue: number; closed: number }[] }>(people.leader, 'ledger', { unitId: TEST_STREET }))
    expect(street.byChild).toEqual([expect.objectContaining({ unitId: 't1', unitName: '第1党支部', open: t1.open, overdue: 1, closed: t1.closed })])
    const late = data(await call<{ items: LedgerItem[] }>(people.supervisor, 'ledger', { roundId, overdue: true })).items
    expect(late.map((i) => [i.id, i.publicState])).toEqual([[overdue.id, '逾期']])
    const closed = data(await call<{ items: LedgerItem[] }>(people.supervisor, 'ledger', { state: '已销号' })).items
    expect(closed.length).toBeGreaterThan(0)
    expect(closed.every((i) => i.verifiedAt)).toBe(true)
    expect(data(await call<{ items: LedgerItem[] }>(people.supervisor, 'ledger', { ownerUnitId: 't2' })).items).toEqual([])
    expect(data(await call<{ items: LedgerItem[] }>(people.outsideOrganizer, 'ledger', {})).items).toEqual([])
    expect(code(await call(people.outsideOrganizer, 'ledger', { unitId: 't1' }))).toBe('FORBIDDEN')
    expect(code(await call(people.resident, 'ledger', {}))).toBe('FORBIDDEN')
  })

  it('exports the 台账 in its columns, one row per item, with progress and the day it was struck off', async () => {
    const { url, rows } = data(await call<{ url: string; rows: number }>(people.supervisor, 'ledgerSheet', { roundId }))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await (await fetch(url)).arrayBuffer()) as unknown as ExcelJS.Buffer)
    const sheet = book.getWorksheet('整改台账')!
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '问题', '来源', '责任单位', '责任人', '整改措施', '时限', '状态', '进展', '销号日期'])
    expect(sheet.rowCount).toBe(rows + 1)
    const values = Array.from({ length: rows }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1))
    const struck = values.find((v) => String(v[8]).includes('已回访群众 12 户'))!
    expect(struck).toEqual([expect.any(Number), '满意率低于60%', '评议结果', '第1党支部', '周联络员', '排查服务短板，公示整改清单', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), '已销号', expect.stringContaining('缺少群众回访记录'), expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)])
    expect(values.some((v) => v[2] === '群众意见' && v[7] === '整改中')).toBe(true)
    expect(values.some((v) => v[7] === '逾期')).toBe(true)
  })
})

describe('public progress', () => {
  const progress = async (who: Session, input: Record<string, unknown> = {}) => data(await who.call<Answer<{ items: LedgerItem[] }>>('evaluate', { action: 'progress', data: input })).items

  it('shows a resident who rated the target its items: state, measures, deadline, and the closing note only once verified, owners by unit and role', async () => {
    const rater = await signIn(runtime, 'voter-9100')
    const items = await progress(rater)
    expect(items.length).toBeGreaterThan(3)
    expect(items.every((i) => i.targetId === 't1' && i.ownerName === '单位联系人')).toBe(true)
    const struck = items.find((i) => i.publicState === '已销号' && i.events[0]?.note === '已回访群众 12 户')!
    expect(struck.events).toEqual([expect.objectContaining({ type: 'verify', note: '已回访群众 12 户' })])
    expect(struck.events[0].by).not.toMatch(/街道组织员|周联络员/)
    const open = items.filter((i) => i.publicState !== '已销号')
    expect(open.length).toBeGreaterThan(0)
    expect(open.every((i) => i.events.length === 0)).toBe(true)
    expect(JSON.stringify(items)).not.toMatch(/周联络员|街道组织员|缺少群众回访记录/)
    expect(await progress(rater, { roundId })).toHaveLength(items.length)
    // Home shows it: 我评议过的单位整改进展, with how many were struck off.
    const me = data(await rater.call<Answer<{ rectification: { items: number; closed: number } | null }>>('evaluate', { action: 'me', data: {} }))
    expect(me.rectification).toEqual({ items: items.length, closed: items.filter((i) => i.publicState === '已销号').length, todo: 0, review: 0, verdicts: [] })
  })

  it('shows nothing to a resident who did not rate it while the round is not public', async () => {
    expect(await progress(people.resident)).toEqual([])
    expect(data(await people.resident.call<Answer<{ rectification: unknown }>>('evaluate', { action: 'me', data: {} })).rectification).toBeNull()
    expect(await progress(people.resident, { roundId })).toEqual([])
    expect(code(await people.resident.call<Answer>('evaluate', { action: 'progress', data: { roundId: 'toString' } }))).toBe('BAD_INPUT')
  })
})

describe('reminders (one-time subscribe messages)', () => {
  const tick = async () => data(await FUNCTIONS.scheduler({}, timerContext('scheduler')) as Answer<{ reminded: number }>)
  const sentAbout = (itemId: string) => runtime.cloudbase.messages.filter((m) => m.page === `organizer/pages/item/index?itemId=${itemId}`)
  const openidOf = (s: Session) => runtime.login.openidOf(s.persona)
  let templates: string[]

  beforeAll(async () => {
    // Whatever fell due earlier in this file is claimed now, with nobody opted in.
    await tick()
    templates = data(await call<{ templateIds: string[] }>(people.owner, 'reminderTemplates', {})).templateIds
  })

  it('counts each opt-in per person and template, spends one per message, and marks what it could not send for the to-do badge', async () => {
    const [soon, overdue] = templates
    data(await call(people.owner, 'subscribe', { accepted: [soon, 'not-our-template'] }))
    data(await call(people.supervisor, 'subscribe', { accepted: [overdue] }))
    const near = data(await register({ problem: '居民反映楼道堆放杂物长期无人清理存在消防隐患', deadline: future(2) }))
    const late = data(await register({ problem: '公开栏久未更新' }))
    await database().collection('rectifications').doc(late.id).update({ deadline: inShanghai(new Date()).subtract(1, 'minute').format() })
    const before = runtime.cloudbase.messages.length

    await tick()
    expect(sentAbout(near.id)).toEqual([expect.objectContaining({
      touser: openidOf(people.owner), template_id: soon,
      data: { thing1: { value: '居民反映楼道堆放杂物长期无人清理存在消…' }, thing2: { value: '第1党支部' }, date3: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/) }, thing4: { value: '距整改时限还有2天' } },
    })])
    // The owner holds no opt-in for the overdue template: only the supervisor is told.
    expect(sentAbout(late.id).map((m) => [m.touser, m.template_id, m.data.thing4.value])).toEqual([[openidOf(people.supervisor), overdue, '已逾期，请尽快办理']])
    expect(runtime.cloudbase.messages.length - before).toBe(2)
    expect(storedDocs(runtime, 'rectifications').find((d) => d._id === late.id)).toMatchObject({ overdue: true })

    const mine = data(await call<{ items: LedgerItem[]; todo: number }>(people.owner, 'myItems', {}))
    expect(mine.items.find((i) => i.id === late.id)).toMatchObject({ unreminded: true, overdue: true })
    expect(mine.items.find((i) => i.id === near.id)).toMatchObject({ unreminded: false })
    expect(mine.todo).toBeGreaterThanOrEqual(1)
    // The home's badge on 我的整改事项.
    expect(data(await people.owner.call<Answer<{ rectification: { todo: number } }>>('evaluate', { action: 'me', data: {} })).rectification.todo).toBe(mine.todo)

    // Each reminder is claimed once; and with every opt-in spent, nothing more is sent, nothing fails.
    await tick()
    expect(runtime.cloudbase.messages.length - before).toBe(2)
    const nearer = data(await register({ problem: '又一项', deadline: future(1) }))
    await tick()
    expect(sentAbout(nearer.id)).toEqual([])
    expect(data(await call<{ items: LedgerItem[] }>(people.owner, 'myItems', {})).items.find((i) => i.id === nearer.id)?.unreminded).toBe(true)
  })

  it('refuses more than 3 templates in one opt-in, as WeChat does', async () => {
    expect(code(await call(people.owner, 'subscribe', { accepted: ['a', 'b', 'c', 'd'] }))).toBe('BAD_INPUT')
  })
})
