/**
 * @module Who is calling: only ever what the platform put in the function's context, never the
 * event, which the client writes.
 */
import tcb from '@cloudbase/node-sdk'
import { cloudbase } from './cloudbase'

export interface Caller {
  openid: string
  appid?: string
}

export function callerFrom(context: unknown): Caller | undefined {
  const { WX_OPENID, WX_APPID } = tcb.getCloudbaseContext(context as never)
  const openid = WX_OPENID || cloudbase().auth().getUserInfo().openId
  return openid ? { openid, appid: WX_APPID || undefined } : undefined
}
