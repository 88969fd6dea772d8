/**
 * @module Progress photos from the device: picked from the album or the camera, shrunk on the device
 * (WeChat's compressImage; a canvas in the browser), then uploaded by the device itself into the
 * person's own incoming folder for the step to name; the server judges the stored bytes.
 */
import Taro from '@tarojs/taro'
import { apiError } from '../api/errors'
import type { ApiResult } from '../api/result'
import { uploadFile } from './upload'

export interface PickedPhoto {
  /** What an Image shows before it is sent. */
  preview: string
  /** The compressed photo: a temporary file path in the mini-program, a JPEG in the browser. */
  file: string | Blob
}

/** The longest side a photo keeps: enough to read a notice board, small enough to send. */
const MAX_SIDE = 1280
const QUALITY = 0.7

async function pickInWeapp(count: number): Promise<PickedPhoto[]> {
  const { tempFiles } = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return Promise.all(
    tempFiles.map(async (f) => {
      const { tempFilePath } = await Taro.compressImage({ src: f.tempFilePath, quality: QUALITY * 100, compressedWidth: MAX_SIDE })
      return { preview: tempFilePath, file: tempFilePath }
    }),
  )
}

function shrink(file: File): Promise<PickedPhoto> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => {
      const scale = Math.min(1, MAX_SIDE / Math.max(img.width, img.height))
      const canvas = document.createElement('canvas')
      canvas.width = Math.round(img.width * scale)
      canvas.height = Math.round(img.height * scale)
      canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height)
      URL.revokeObjectURL(img.src)
      canvas.toBlob((blob) => (blob ? resolve({ preview: URL.createObjectURL(blob), file: blob }) : reject(new Error('这张图片无法读取'))), 'image/jpeg', QUALITY)
    }
    img.onerror = () => reject(new Error('这张图片无法读取'))
    img.src = URL.createObjectURL(file)
  })
}

function pickInBrowser(count: number): Promise<PickedPhoto[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/*'
    input.multiple = count > 1
    input.className = 'photo-picker'
    input.onchange = () => void Promise.all(Array.from(input.files ?? []).slice(0, count).map(shrink)).then(resolve, () => resolve([]))
    input.click()
  })
}

export function pickPhotos(count: number): Promise<PickedPhoto[]> {
  return process.env.TARO_ENV === 'h5' ? pickInBrowser(count) : pickInWeapp(count)
}

/** Uploads each photo into its slot of the person's folder (`can.photoFolder`); answers the fileIDs to name in the step. */
export async function uploadPhotos(folder: string, photos: readonly PickedPhoto[]): Promise<ApiResult<string[]>> {
  try {
    const fileIds: string[] = []
    for (const [slot, photo] of photos.entries()) fileIds.push(await uploadFile(`${folder}/${slot}`, photo.file))
    return { ok: true, data: fileIds }
  } catch {
    return { ok: false, error: apiError('NETWORK', '照片没有传上去') }
  }
}
