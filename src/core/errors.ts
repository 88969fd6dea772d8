/** @module errors — the one catalog of domain error codes and their Chinese messages. */

export const ERROR_MESSAGES = {
  BALLOT_MALFORMED: '评议表格式不正确',
  BALLOT_UNKNOWN_FIELD: '评议表包含无法识别的内容',
  TARGET_NOT_IN_ROUND: '评议对象不属于本轮评议',
  TARGET_NOT_ELIGIBLE: '您无权评议该对象',
  OVERALL_MISSING: '请填写总体评价',
  ITEM_MISSING: '还有评议内容未填写',
  ITEM_UNKNOWN: '评议表包含不存在的评议内容',
  LEVEL_NOT_ON_SCALE: '所选评价等次不在本评议表的等次之中',
  OPINION_NOT_ALLOWED: '本评议表不收集意见建议',
  OPINION_TOO_LONG: '意见建议超出字数限制',
  CATEGORY_UNKNOWN: '参评人员类别不存在',
  NOT_ON_ROSTER: '您不在本轮评议的参评人员名单中',
  UNIT_REQUIRED: '请先选择您所在的单位',
  UNIT_NOT_IN_ROUND: '所选单位不在本轮评议范围内',
  NO_ELIGIBLE_TARGET: '按您的参评身份，本轮没有可以评议的对象',
  ENROLMENT_MISMATCH: '您在本轮评议中已选择了参评身份，不能更改',
  NOT_ENROLLED: '请先选择参评身份',
  OPINION_REFUSED: '意见建议中含有不适宜公开的内容，请修改后再提交，您的评分仍然保留',
  TOO_MANY_SUBMISSIONS: '提交过于频繁，请稍后再试',
  CODE_INVALID: '邀请码不正确或已用完，请核对后再输入',
  TOO_MANY_CODE_GUESSES: '邀请码输错的次数太多，请过 10 分钟再试',
  ROUND_CODES_PAUSED: '本轮评议的邀请码近期被多次尝试，暂停受理，请过 10 分钟再试；已参评的居民不受影响',
  SETUP_CLAIMED: '系统已有管理员，初始化码不能再次使用',
  SETUP_CODE_WRONG: '初始化码不正确',
  ROLE_NOT_FOUND: '该角色不存在或已被撤销',
  LAST_ADMIN: '这是最后一位全部单位的管理员，不能撤销，否则没有人能管理系统',
  CODE_USED: '该共用码已经用完，不能作废或补发',
  CODE_VOIDED: '该邀请码已经作废',
  UNIT_UNKNOWN: '单位不存在',
  UNIT_ID_TAKEN: '该单位编号已被使用，请换一个',
  UNIT_NAME_TAKEN: '同一上级单位下已有同名单位，请换一个名称',
  TARGET_OUTSIDE_SUBTREE: '评议对象必须属于本单位及其下级单位',
  EDIT_LOCKED: '评议已开始，只能修改结束时间和说明文字',
  HOUSEHOLDS_LOCKED: '评议已结束，参与率已随结果封存，参评户数不能再修改',
  HOUSEHOLDS_NOT_TAKEN: '本次评议按参评人员名单计算参与率，不需要填写户数',
  REPORT_CHANGED: '这份情况报告在您阅读后又被修改过，请先阅读最新内容再审核',
  REPORT_LOCKED: '评议已结束，情况报告已随评议存档，不能再修改或审核',
  REPORT_SUPERVISORS_ONLY: '按本评议的程序，情况报告须经督导组（上级单位的组织员）审核通过',
  CHANNEL_UNKNOWN: '转发渠道不存在',
  SESSION_UNKNOWN: '会场不存在或不属于本轮评议',
  SESSION_ENDED: '本场测评已结束，不再接受评价',
  SESSION_NOT_YET_OPEN: '本场测评尚未开始，请稍候再扫码',
  SESSION_WINDOW_INVALID: '会场的开始和结束时间须在评议时间之内，结束时间须晚于开始时间和当前时间',
  GROUP_UNKNOWN: '分组不存在',
  SCENE_UNKNOWN: '二维码已失效，请向组织方索取新的二维码',
  ROSTER_NOT_APPROVED: '参评人员名单尚未经督导组审定，邀请码暂不能打印或使用',
  ROSTER_CHANGED: '名单在您查看后又有改动，请先查看最新名单再审定',
  ROSTER_OWN_CHANGE: '名单中有您本人所作的改动，须由督导组其他成员审定',
  REPORT_OWN_TEXT: '这份报告是您本人写的，须由督导组其他成员审核',
  SAMPLE_TOO_SMALL: '抽取人数少于规定的最低人数',
  SAMPLE_NOT_TAKEN: '本轮评议不采用随机抽取',
  SAMPLE_COMMITTED: '该单位该类别已生成抽取种子，不能重新生成',
  SAMPLE_NOT_COMMITTED: '请先生成并公布抽取种子的摘要，再导入名单抽取',
  SAMPLE_DRAWN: '该单位该类别已经抽取过，不能重新抽取',
  ROSTER_BY_DRAW: '本轮评议的参评人员由随机抽取产生，不能直接添加',
  ROSTER_FILE_UNREADABLE: '名单文件无法读取，请使用 Excel（.xlsx）或 CSV 格式',
  PAPER_SERIAL_UNKNOWN: '没有这个纸质票编号，请核对票面右上角的编号',
  PAPER_CHECK_WRONG: '校验码与纸质票编号（及票面邀请码）不符，请核对票面后重新录入',
  PAPER_CODE_REQUIRED: '这张纸质票印有邀请码，请一并录入',
  PAPER_CODE_SPENT: '票面上的邀请码已经使用过（已在网上参评，或已随另一张纸质票计入），这张纸质票不能计入',
  PAPER_ENTERED_BY_YOU: '这张纸质票您已录入过，第二次录入须由另一位组织员完成',
  PAPER_RECORDED: '这张纸质票已经两次录入一致并计入，不能再录入',
  PAPER_DISPUTED: '这张纸质票两次录入不一致，已进入核对，须由两位录入人以外的第三人核对处理',
  PAPER_NOT_DISPUTED: '这张纸质票没有待核对的分歧',
  PAPER_SETTLER_ENTERED: '您录入过这张纸质票，核对须由两位录入人以外的第三人进行',
  PAPER_SHEETS_MISMATCH: '录入的评议对象与这张纸质票应评议的对象不符',
  PAPER_FAULTS_UNKNOWN: '废票须注明是哪一行漏选或多选（总体评价或本表上的某一项）',
  ALREADY_SUBMITTED: '您已评议过该对象，每人每个对象只能评议一次',
  ROUND_NOT_FOUND: '评议活动不存在',
  ROUND_ID_TAKEN: '该评议活动编号已被使用，请换一个',
  ROUND_NOT_OPEN: '评议活动未开放',
  WINDOW_NOT_YET_OPEN: '评议尚未开始',
  WINDOW_ENDED: '评议已经结束',
  ACTION_NOT_ALLOWED: '评议活动当前状态不允许此操作',
  ROUND_HAS_BLOCKERS: '评议活动尚有问题未解决，不能开放',
  TEMPLATE_UNKNOWN: '评议模板不存在',
  ROUND_INVALID: '评议活动设置不完整或有误',
  WEIGHTS_INVALID: '加权计分设置有误',
  RESULTS_NOT_YET: '评议结果尚未到可以查看的时候',
  RESULTS_MISMATCH: '计票核对不一致，结果暂不能公布，请联系管理员核查',
  RECTIFICATION_TRANSITION_INVALID: '整改事项当前状态不允许此操作',
  RECTIFICATION_ACTOR_NOT_ALLOWED: '只有上级组织可以审核整改事项',
  RECTIFICATION_EVENT_OUT_OF_ORDER: '整改记录的时间早于上一条记录',
  VERDICT_NOT_FOUND: '该评议对象在本轮评议中没有这项认定',
  VERDICT_NOT_FINAL: '评议结束、结果封存后才能确认认定结果',
  VERDICT_NOTHING_TO_CONFIRM: '本轮评议的认定按规则直接生效，无需确认',
  VERDICT_STEP_NOT_ALLOWED: '这项认定当前的状态不允许此操作',
  VERDICT_ACTOR_NOT_ALLOWED: '您不能在这一步处理这项认定',
  VERDICT_REASON_REQUIRED: '不予认定或退回时请写明理由',
  VERDICT_SAME_PERSON: '督导组确认后须由另一位上级人员批准，不能自己批准自己的确认',
  VERDICT_STEP_OUT_OF_ORDER: '认定记录的时间早于上一条记录',
  VERDICT_CHANGED: '这项认定在您查看后已有人处理，请刷新后再操作',
  REDO_NOT_CONFIRMED: '没有经确认并批准的返工补课认定，不能发起返工补课评议',
  RECTIFICATION_OWNER_ONLY: '只有责任单位的联系人可以办理这个整改事项',
  RECTIFICATION_OWN_VERIFY: '申请销号的人不能审核自己的申请',
  RECTIFICATION_NOTE_REQUIRED: '请写明说明：申请销号写整改情况，退回写原因，进展写内容或附照片',
  RECTIFICATION_NOT_OFFERED: '这个评议对象没有需要整改的认定结果',
  RECTIFICATION_NOT_FOUND: '整改事项不存在',
  RECTIFICATION_CHANGED: '整改事项刚被其他人更新，请刷新后再试',
  OPINION_NOT_SHOWN: '所选意见不在当前可以查看的意见之中，请刷新后重新选择',
  OWNER_NOT_CONTACT: '责任人须是该单位的单位联系人，请先邀请',
  DEADLINE_INVALID: '整改时限须晚于现在',
  PHOTO_REFUSED: '照片不符合要求',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export interface DomainError {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError }

/** A catalog error; `detail` (Chinese) narrows the message to the offending field. */
export function domainError(code: ErrorCode, detail?: string): DomainError {
  return { code, message: detail ? `${ERROR_MESSAGES[code]}：${detail}` : ERROR_MESSAGES[code] }
}

export function fail<T>(code: ErrorCode, detail?: string): Result<T> {
  return { ok: false, error: domainError(code, detail) }
}

export function succeed<T>(value: T): Result<T> {
  return { ok: true, value }
}
