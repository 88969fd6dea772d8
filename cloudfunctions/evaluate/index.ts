/** @module The resident-facing function: who am I, the rounds I may rate, my ballots. */
import { api } from '../../src/api'
import { database } from '../common/cloudbase'
import { keyedHash } from '../common/keyed'
import { createRouter } from '../common/router'

export const main = createRouter(api.evaluate, {
  async me(_input, { caller }) {
    const { data } = await database().collection('roles').where({ openid: caller.openid }).limit(100).get()
    return {
      tag: keyedHash('display-tag', caller.openid).slice(0, 8).toUpperCase(),
      roles: (data as { role: 'admin' | 'organizer' | 'leader' | 'contact'; unitId: string }[]).map(({ role, unitId }) => ({ role, unitId })),
    }
  },
})
