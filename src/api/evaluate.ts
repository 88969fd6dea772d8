/** @module Contract of the resident-facing `evaluate` function. */
import { z } from 'zod'
import { action } from './contract'

export interface Me {
  /** A short, stable tag for display ("您的编号"); not the openid, which never leaves the server. */
  tag: string
  roles: { role: 'admin' | 'organizer' | 'leader' | 'contact'; unitId: string }[]
}

export const evaluateApi = {
  me: action<Me>()(z.object({}).strict()),
}
