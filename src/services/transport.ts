/**
 * @module How an event reaches a cloud function: `wx.cloud.callFunction` in the mini-program, the
 * local gateway (`POST /api/<name>`) in the H5 build. The identity travels with the platform's
 * session (WeChat's, or the dev sign-in cookie), never in the event.
 */
import Taro from '@tarojs/taro'
import { apiError } from '../api/errors'
import type { ApiResult } from '../api/result'

export interface FunctionEvent {
  action: string
  data: unknown
  /** A group chat's CloudID; WeChat replaces it with the decoded open data before the function sees it. */
  groupCloudId?: string
}

async function viaCloud(name: string, { groupCloudId, ...event }: FunctionEvent): Promise<unknown> {
  const group = groupCloudId ? { group: Taro.cloud.CloudID(groupCloudId) } : {}
  const res = await Taro.cloud.callFunction({ name, data: { ...event, ...group } as unknown as Record<string, unknown> })
  return res.result
}

async function viaGateway(name: string, event: FunctionEvent): Promise<unknown> {
  const res = await fetch(`/api/${name}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  })
  return res.json()
}

export async function invoke(name: string, event: FunctionEvent): Promise<ApiResult<unknown>> {
  try {
    const result = process.env.TARO_ENV === 'h5' ? await viaGateway(name, event) : await viaCloud(name, event)
    if (result && typeof result === 'object' && 'ok' in result) return result as ApiResult<unknown>
    return { ok: false, error: apiError('INTERNAL') }
  } catch {
    return { ok: false, error: apiError('NETWORK') }
  }
}
