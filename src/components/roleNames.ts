/** @module Roles in Chinese, as the home page and the organiser screens show them. */
import type { Me } from '../api/evaluate'

export const ROLE_NAMES: Record<Me['roles'][number]['role'], string> = { admin: '管理员', organizer: '组织员', leader: '领导', contact: '单位联系人' }
