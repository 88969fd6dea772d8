/** @module Chinese names of the states, roles and unit kinds the organizer screens show. */
import type { RoundState } from '../../core/round'
import type { RoleName, UnitView } from '../../api/organize'

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
