/** @module Chinese names of the round statuses, roles and unit kinds the organizer screens show. */
import type { RoundStatus } from '../../core/lifecycle'
import type { UnitView } from '../../api/organize'

export { STATUS_LABELS as STATUS_NAMES } from '../../core/lifecycle'

export const STATUS_ORDER: RoundStatus[] = ['open', 'not-yet-open', 'draft', 'closed', 'published', 'archived']

export { ROLE_NAMES } from '../../components/roleNames'

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

/** Kinds of unit an organiser may add under an existing one. */
export const NEW_UNIT_KINDS = ['street', 'community', 'grid', 'branch', 'unit'] as const
