/**
 * @module Progress photos. The owner's device compresses each photo and uploads it itself
 * (`wx.cloud.uploadFile`) into one of the owner's incoming slots — a folder named by a keyed
 * pseudonym of their openid, which only they are told (`photoFolder`) and which the storage rule
 * lets only a file's creator write. A step names the uploads by fileID: only the caller's own slots
 * are taken; each is judged on its stored bytes (JPEG or PNG, at most 1 MB) before anything is kept,
 * copied under the item, and the caller's slots are emptied whatever the outcome, so a refusal
 * leaves nothing behind and an abandoned upload lasts until the owner's next step (or is overwritten).
 */
import { randomUUID } from 'node:crypto'
import { domainError, MAX_PHOTOS_PER_NOTE } from '../../../src/core'
import { cloudbase } from '../../common/cloudbase'
import { keyedHash } from '../../common/keyed'
import { refuse } from '../../common/refuse'
import { INCOMING_ROOT } from '../../common/storageRule'

export const MAX_PHOTO_BYTES = 1024 * 1024

const KINDS = [
  { ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
] as const

const refused = (message: string) => refuse(domainError('PHOTO_REFUSED', message))
const tooLarge = () => refused(`每张照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB`)

/** The caller's incoming folder: unguessable without the server secret, so nobody else can even aim at it. */
export const photoFolder = (openid: string) => `${INCOMING_ROOT}/${keyedHash('photo-folder', openid).slice(0, 32)}`

/** The fileIDs of the caller's slots, in this environment's bucket (as CloudBase names its files). */
async function slotFileIds(openid: string): Promise<string[]> {
  const paths = Array.from({ length: MAX_PHOTOS_PER_NOTE }, (_, i) => `${photoFolder(openid)}/${i}`)
  const { data } = await cloudbase().getUploadMetadata({ cloudPath: paths[0] })
  const bucket = data.fileId.slice(0, data.fileId.length - paths[0].length)
  return paths.map((p) => bucket + p)
}

async function judged(fileId: string): Promise<{ bytes: Buffer; ext: string }> {
  // The size first, from the file's headers, so an oversized upload is never fetched.
  const [info] = (await cloudbase().getFileInfo({ fileList: [fileId] })).fileList
  if (info?.code !== 'SUCCESS') refused('照片没有上传成功，请重新选择')
  if ((info.size ?? 0) > MAX_PHOTO_BYTES) tooLarge()
  const { fileContent } = await cloudbase().downloadFile({ fileID: fileId })
  const bytes = Buffer.isBuffer(fileContent) ? fileContent : Buffer.from(fileContent ?? '')
  // Judged again on what was fetched: the slot may have been overwritten in between.
  if (bytes.length > MAX_PHOTO_BYTES) tooLarge()
  const kind = KINDS.find((k) => k.magic.every((b, i) => bytes[i] === b)) ?? refused('只能上传 JPG 或 PNG 格式的照片')
  return { bytes, ext: kind.ext }
}

export async function dropPhotos(fileIds: readonly string[]): Promise<void> {
  if (fileIds.length > 0) await cloudbase().deleteFile({ fileList: [...fileIds] })
}

/** Runs a step of the caller's with their slots' fileIDs, and empties the slots afterwards whatever happened. */
export async function emptyingSlots<T>(openid: string, run: (own: readonly string[]) => Promise<T>): Promise<T> {
  const own = await slotFileIds(openid)
  try {
    return await run(own)
  } finally {
    await dropPhotos(own)
  }
}

/**
 * Runs `use` with the named uploads kept under the item (their new fileIDs); if it throws, the kept
 * copies are removed again. A fileID that is not one of the caller's slots (`own`) — someone else's
 * upload, another item's photo, a climbing path — is refused and left untouched: a step never
 * deletes what the caller does not own.
 */
export async function keepingPhotos<T>(itemId: string, own: readonly string[], fileIds: readonly string[], use: (kept: string[]) => Promise<T>): Promise<T> {
  if (new Set(fileIds).size !== fileIds.length || fileIds.some((f) => !own.includes(f))) refused('只能附上您本人刚上传的照片，请重新选择')
  const ready = []
  for (const fileId of fileIds) ready.push(await judged(fileId))
  const kept: string[] = []
  try {
    for (const { bytes, ext } of ready) kept.push((await cloudbase().uploadFile({ cloudPath: `rectification/${itemId}/${randomUUID()}.${ext}`, fileContent: bytes })).fileID)
    return await use(kept)
  } catch (e) {
    await dropPhotos(kept)
    throw e
  }
}
