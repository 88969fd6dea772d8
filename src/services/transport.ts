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

interface ClientUploadGrant {
  url: string
  authorization: string
  fileID: string
}

/** The local runtime's stand-in for WeChat's upload: an authorization for the path, judged by the storage rule, then a PUT. */
async function uploadViaGateway(cloudPath: string, file: Blob): Promise<string> {
  const res = await fetch('/__client/upload', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cloudPath }) })
  const grant = (await res.json()) as { ok: true; data: ClientUploadGrant } | { ok: false }
  if (!grant.ok) throw new Error('upload refused')
  const put = await fetch(grant.data.url, { method: 'PUT', headers: { authorization: grant.data.authorization }, body: file })
  if (!put.ok) throw new Error('upload failed')
  return grant.data.fileID
}

/**
 * Uploads a file the client made to cloud storage as the signed-in person (CloudBase records them
 * as its creator): `wx.cloud.uploadFile` in the mini-program, the local runtime in H5. Answers its fileID.
 */
export async function uploadFile(cloudPath: string, file: string | Blob): Promise<string> {
  if (typeof file !== 'string') return uploadViaGateway(cloudPath, file)
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath: file })
  return fileID
}
