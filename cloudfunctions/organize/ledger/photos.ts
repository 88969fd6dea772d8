/**
 * @module Progress photos: judged on their bytes (JPEG or PNG, at most 1 MB after the device
 * compressed them) before anything is stored, and taken back out of storage if the step they
 * belong to is refused after all.
 */
import { randomUUID } from 'node:crypto'
import { domainError } from '../../../src/core'
import { cloudbase } from '../../common/cloudbase'
import { refuse } from '../../common/refuse'

export const MAX_PHOTO_BYTES = 1024 * 1024

const KINDS = [
  { ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
] as const

function checked(base64: string): { bytes: Buffer; ext: string } {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) refuse(domainError('PHOTO_REFUSED', '照片内容已损坏，请重新选择'))
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length > MAX_PHOTO_BYTES) refuse(domainError('PHOTO_REFUSED', `每张照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB`))
  const kind = KINDS.find((k) => k.magic.every((b, i) => bytes[i] === b)) ?? refuse(domainError('PHOTO_REFUSED', '只能上传 JPG 或 PNG 格式的照片'))
  return { bytes, ext: kind.ext }
}

/** Every photo is judged before the first is stored, so a refusal leaves nothing behind. */
export async function storePhotos(itemId: string, photos: readonly { base64: string }[]): Promise<string[]> {
  const ready = photos.map((p) => checked(p.base64))
  const stored: string[] = []
  try {
    for (const { bytes, ext } of ready) {
      const { fileID } = await cloudbase().uploadFile({ cloudPath: `rectification/${itemId}/${randomUUID()}.${ext}`, fileContent: bytes })
      stored.push(fileID)
    }
    return stored
  } catch (e) {
    await dropPhotos(stored)
    throw e
  }
}

export async function dropPhotos(fileIds: readonly string[]): Promise<void> {
  if (fileIds.length > 0) await cloudbase().deleteFile({ fileList: [...fileIds] })
}
