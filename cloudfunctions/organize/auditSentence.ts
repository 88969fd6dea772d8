/**
 * @module One audit entry as the sentence an office reads: "2026-11-22 14:03 陈组织员 关闭了评议“…”",
 * with units and rounds by name. Built only from what the entry stores, which never holds a code.
 */
import { ROLE_NAMES } from '../../src/components/roleNames'
import { formatShanghai } from '../../src/core'

export interface StoredEntry {
  at: Date | string
  actorName: string
  action: string
  subject: string
  unitId: string | null
  before: unknown
  after: unknown
}

export interface Names {
  unit(id: string | null | undefined): string
  round(id: string): string
}

type Fields = Record<string, unknown>
const fields = (v: unknown): Fields => (v && typeof v === 'object' ? (v as Fields) : {})
const str = (v: unknown) => (typeof v === 'string' ? v : '')
const role = (v: unknown) => ROLE_NAMES[str(v) as keyof typeof ROLE_NAMES] ?? str(v)

/** What the actor did, per action; an action this table does not know still reads as a sentence. */
const DID: Record<string, (e: StoredEntry, n: Names, round: string) => string> = {
  claimSetup: () => '用初始化码认领了系统，成为管理员',
  createUnit: (e) => `新建了单位“${str(fields(e.after).name)}”`,
  inviteRole: (e, n) => `生成了${n.unit(e.unitId)}的${role(fields(e.after).role)}邀请码（可用${fields(e.after).maxUses ?? 1}次）`,
  redeemRole: (e, n) => `接受邀请，成为${n.unit(e.unitId)}的${role(fields(e.after).role)}`,
  revokeRole: (e, n) => `撤销了${str(fields(e.before).name)}在${n.unit(e.unitId)}的${role(fields(e.before).role)}角色`,
  createRound: (_e, _n, r) => `新建了评议${r}`,
  copyRound: (e, n, r) => `从评议“${n.round(str(fields(e.before).from))}”复制出${r}`,
  updateRound: (_e, _n, r) => `修改了评议${r}`,
  openRound: (_e, _n, r) => `开放了评议${r}`,
  closeRound: (_e, _n, r) => `结束了评议${r}`,
  publishRound: (_e, _n, r) => `公布了评议${r}的结果`,
  archiveRound: (_e, _n, r) => `归档了评议${r}`,
  addRoster: (e, _n, r) => `为评议${r}添加了${fields(e.after).entries ?? 0}名参评人员`,
  importRoster: (e, _n, r) => {
    const a = fields(e.after)
    return `为评议${r}导入名单：新增${a.added ?? 0}人，更新${a.updated ?? 0}人，跳过${a.skipped ?? 0}行`
  },
  sharedCode: (e, n, r) => `为评议${r}生成了${n.unit(str(fields(e.after).unitId))}的共用码（可用${fields(e.after).maxUses}次）`,
  voidCode: (e, n, r) => `作废了评议${r}中${n.unit(str(fields(e.after).unitId))}${str(fields(e.after).name) || '共用码'}的邀请码`,
  reissueCode: (e, n, r) => `为评议${r}中${n.unit(str(fields(e.after).unitId))}${str(fields(e.after).name) || '共用码'}补发了邀请码`,
  setHouseholds: (e, _n, r) => {
    const households = fields(e.after).households
    return typeof households === 'number' ? `将评议${r}的参评户数设为${households}户` : `清除了评议${r}的参评户数`
  },
  addChannel: (e, _n, r) => `为评议${r}添加了转发渠道“${str(fields(e.after).name)}”`,
  openSession: (e, _n, r) => `为评议${r}开设了会场“${str(fields(e.after).name)}”`,
  endSession: (e, _n, r) => `结束了评议${r}的会场“${str(fields(e.after).name)}”的测评`,
  writeReport: (e, n, r) => `填写了评议${r}中${n.unit(e.unitId)}的情况报告`,
  approveReport: (_e, _n, r) => `审核通过了评议${r}中的一份情况报告`,
  reviewRoster: (e, _n, r) => (fields(e.after).state === 'approved' ? `审定通过了评议${r}的参评人员名单` : `退回了评议${r}的参评人员名单，原因：${str(fields(e.after).reason)}`),
  commitSample: (e, n, r) => `为评议${r}中${n.unit(str(fields(e.after).unitId))}生成了随机抽取种子（摘要 ${str(fields(e.after).commitment).slice(0, 12)}…）`,
  drawSample: (e, n, r) => {
    const a = fields(e.after)
    return `在评议${r}中从${n.unit(str(a.unitId))}的名单（${a.candidates ?? 0}人）随机抽取了${Array.isArray(a.drawnRows) ? a.drawnRows.length : 0}人，公布种子 ${str(a.seed).slice(0, 12)}…`
  },
  rosterSentBack: (_e, _n, r) => `修改了评议${r}已审定的参评人员名单，名单须重新报督导组审定`,
  resultsMismatch: (_e, _n, r) => `发现评议${r}的计票核对不一致`,
  verdictStep: (e, n, r) => {
    const a = fields(e.after)
    const did = { confirm: '确认了', 'set-aside': '不予认定', approve: '批准了', return: '退回了' }[str(a.action)] ?? '处理了'
    return `${did}评议${r}中${n.unit(e.unitId)}的认定“${str(a.ruleName)}”${a.reason ? `，理由：${str(a.reason)}` : ''}`
  },
  extendRound: (e, n, r) => `为评议“${n.round(str(fields(e.before).from))}”中已认定活动延期的对象发起了延期评议${r}`,
  startRedoRound: (e, n, r) => `为评议“${n.round(str(fields(e.before).from))}”中已认定返工补课的对象发起了返工补课评议${r}`,
  registerRectification: (e, n, r) => `在评议${r}中登记了${n.unit(e.unitId)}的整改事项“${str(fields(e.after).problem).slice(0, 40)}”`,
  'rectification:start': (e, n) => `接收了${n.unit(e.unitId)}的整改事项`,
  'rectification:progress': (e, n) => `报送了${n.unit(e.unitId)}整改事项的进展：${str(fields(e.after).note)}`,
  'rectification:request-closure': (e, n) => `申请${n.unit(e.unitId)}的整改事项销号：${str(fields(e.after).note)}`,
  'rectification:send-back': (e, n) => `退回了${n.unit(e.unitId)}整改事项的销号申请，原因：${str(fields(e.after).note)}`,
  'rectification:resume': (e, n) => `重新办理${n.unit(e.unitId)}被退回的整改事项`,
  'rectification:verify': (e, n) => `审核通过${n.unit(e.unitId)}的整改事项，予以销号`,
}

export function auditSentence(e: StoredEntry, n: Names): string {
  const roundId = e.subject.split('/')[0]
  const did = DID[e.action]?.(e, n, `“${n.round(roundId)}”`) ?? `进行了操作（${e.action}）`
  return `${formatShanghai(e.at)} ${e.actorName} ${did}`
}
