/**
 * @module Who is calling: only ever what the platform put in the function's context, never the
 * event, which the client writes.
 */
import tcb from '@cloudbase/node-sdk'
import { z } from 'zod'
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

/**
 * Whether the platform itself started this invocation on a timer trigger. Only the context says so:
 * CloudBase sets `TRIGGER_SRC` to 'timer' for a trigger ('tcb' for `callFunction`; the SDK tests the
 * same value to pick a trigger's API token) and WeChat names the source `wx_trigger` (a client is
 * `wx_client`, a function called by another adds `,scf`). A client writes only the event, so an event
 * shaped like a timer's proves nothing, and neither does a missing openid; one present disproves it.
 */
export function isTimerTrigger(context: unknown): boolean {
  if (typeof context !== 'object' || context === null) return false
  try {
    const { TRIGGER_SRC, TCB_SOURCE } = tcb.getCloudbaseContext(context as never)
    return TRIGGER_SRC === 'timer' && (TCB_SOURCE === undefined || TCB_SOURCE === 'wx_trigger') && !callerFrom(context)
  } catch {
    return false
  }
}

const GroupOpenData = z.object({ cloudID: z.string(), data: z.object({ openGId: z.string().min(1).max(128) }) })
const OpenDataInfo = z.object({ keys: z.array(z.string()) })

/**
 * The `openGId` of a group chat, sent as `group: wx.cloud.CloudID(…)` from `wx.getGroupEnterInfo`.
 * A client can send any object there; only when WeChat lists `group` among the keys it decoded
 * itself (WX_OPEN_DATA_INFO) is it believed.
 */
export function openGroupIdFrom(group: unknown, context: unknown): string | undefined {
  const { WX_OPEN_DATA_INFO } = tcb.getCloudbaseContext(context as never) as { WX_OPEN_DATA_INFO?: string }
  if (!group || !WX_OPEN_DATA_INFO) return undefined
  let info: unknown
  try {
    info = JSON.parse(WX_OPEN_DATA_INFO)
  } catch {
    return undefined
  }
  const keys = OpenDataInfo.safeParse(info)
  const decoded = GroupOpenData.safeParse(group)
  return keys.success && keys.data.keys.includes('group') && decoded.success ? decoded.data.data.openGId : undefined
}
