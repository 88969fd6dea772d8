/** @module Chinese names of the states, roles and unit kinds the organizer screens show. */
import type { RoundState } from '../../core/round'
import type { RoleName, UnitView } from '../../api/organize'
import type { Effect } from '../../core/rule'

export const STATE_NAMES: Record<RoundState, string> = {
  draft: '草稿',
  open: '进行中',
  closed: '已结束',
  published: '已公布',
  archived: '已归档',
}

export const STATE_ORDER: RoundState[] = ['open', 'draft', 'closed', 'published', 'archived']

export const ROLE_NAMES: Record<RoleName, string> = { admin: '管理员', organizer: '组织员', leader: '领导', contact: '单位联系人' }

export const KIND_NAMES: Record<UnitView['kind'], string> = {
  district: '区县',
  street: '街道',
  community: '社区',
  grid: '网格',
  branch: '支部',
  unit: '单位',
}

export const ACCESS_NAMES = { open: '凭链接参加', roster: '仅限名单（邀请码）' } as const

export const SCOPE_NAMES = { 'own-unit': '评本单位', group: '评本组各单位', round: '评全部对象', subset: '评指定对象' } as const

/** A verdict rule's effects in Chinese (as core's effectLabel, which sits beside zod schemas the subpackage must not load). */
export function effectName(effect: Effect): string {
  switch (effect.kind) {
    case 'redo': return '返工补课'
    case 'rectify': return '限期整改'
    case 'warning-talk': return '诫勉谈话'
    case 'criticism': return '通报批评'
    case 'no-awards': return '本年度不得评先评优'
    case 'annual-rating': return `年度考核为${effect.rating}`
    case 'extend-round': return `评议活动延期${effect.months}个月`
  }
}

/** Kinds of unit an organiser may add under an existing one. */
export const NEW_UNIT_KINDS = ['street', 'community', 'grid', 'branch', 'unit'] as const
