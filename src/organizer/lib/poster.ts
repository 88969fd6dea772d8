/** @module Saving a QR poster to the album (mini-program) or opening it (H5, where there is no album). */
import Taro from '@tarojs/taro'

export async function savePoster(url: string): Promise<string> {
  // In H5 an image viewer, not a new tab: storage answers downloads as attachments, a nameless file.
  if (process.env.TARO_ENV === 'h5') {
    await Taro.previewImage({ urls: [url], current: url })
    return '海报已打开，可长按或右键保存。'
  }
  try {
    const { tempFilePath } = await Taro.downloadFile({ url })
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath })
    return '已保存到相册。'
  } catch {
    return '保存失败，请在设置中允许保存到相册后重试。'
  }
}
