/**
 * @module How a file the client made reaches cloud storage, as the signed-in person (CloudBase records
 * them as its creator): `wx.cloud.uploadFile` in the mini-program, the local runtime in H5 — the upload
 * beside the function transport (`transport.ts`). Kept apart from it so only the pages that upload carry it.
 */
import Taro from '@tarojs/taro'

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
  // Decided at build time, so the weapp bundle carries no fetch (WeChat has none).
  if (process.env.TARO_ENV === 'h5') return uploadViaGateway(cloudPath, file as Blob)
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath: file as string })
  return fileID
}
