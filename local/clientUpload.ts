/**
 * @module The local stand-in for `wx.cloud.uploadFile`: a signed-in client asks
 * `POST /__client/upload` for an authorization to one path, judged by the declared storage rule
 * (`common/storageRule.ts`) as CloudBase judges a mini-program's upload, then PUTs the file to
 * `/__storage/` with it. The file's creator is recorded, so only they may overwrite it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { clientMayWrite } from '../cloudfunctions/common/storageRule'
import type { LocalStorage } from './cloudbase/storage'
import type { DevLogin } from './devlogin'
import { HttpError, readBody, sendJson } from './http'

export const CLIENT_UPLOAD_PATH = '/__client/upload'

const request = z.object({ cloudPath: z.string().min(1).max(512) }).strict()

export function clientUploads(storage: LocalStorage, login: DevLogin | undefined) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (new URL(req.url ?? '/', 'http://local').pathname !== CLIENT_UPLOAD_PATH) return false
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', { allow: 'POST' })
    let body: unknown
    try {
      body = JSON.parse((await readBody(req, 2048)).toString('utf8'))
    } catch {
      throw new HttpError(400, 'BAD_INPUT')
    }
    const input = request.safeParse(body)
    if (!input.success) throw new HttpError(400, 'BAD_INPUT')
    const persona = login?.personaOf(req)
    const openid = persona && login!.openidOf(persona.id)
    const { cloudPath } = input.data
    if (!clientMayWrite(openid, cloudPath, storage.ownerOf(cloudPath))) {
      sendJson(res, 403, { ok: false, error: { code: 'STORAGE_RULE_DENIED', message: '没有权限上传到这个位置' } })
      return true
    }
    const { data } = storage.uploadMetadata({ path: cloudPath }, openid)
    sendJson(res, 200, { ok: true, data: { url: data.url, authorization: data.authorization, fileID: data.fileId } })
    return true
  }
}
