/**
 * @module Progress photos from the device: picked from the album or the camera, shrunk on the device
 * (WeChat's compressImage; a canvas in the browser) and sent as base64 for the server to judge.
 */
import Taro from '@tarojs/taro'

export interface PickedPhoto {
  base64: string
}

/** The longest side a photo keeps: enough to read a notice board, small enough to send. */
const MAX_SIDE = 1280
const QUALITY = 0.7

async function pickInWeapp(count: number): Promise<PickedPhoto[]> {
  const { tempFiles } = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  const fs = Taro.getFileSystemManager()
  return Promise.all(
    tempFiles.map(async (f) => {
      const { tempFilePath } = await Taro.compressImage({ src: f.tempFilePath, quality: QUALITY * 100, compressedWidth: MAX_SIDE })
      return { base64: fs.readFileSync(tempFilePath, 'base64') as string }
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
      resolve({ base64: canvas.toDataURL('image/jpeg', QUALITY).split(',')[1] })
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
