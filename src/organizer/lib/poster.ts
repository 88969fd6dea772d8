/** @module Saving a QR poster to the album (mini-program) or opening it (H5, where there is no album). */
import Taro from '@tarojs/taro'

/** WeChat answers `…:fail auth deny` / `auth denied` once the user has refused the album. */
const isAlbumRefusal = (e: unknown) => /auth|authorize/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))

/** Refused once, WeChat never asks again: only the settings page can give the permission back. */
async function offerSettings(): Promise<string> {
  const { confirm } = await Taro.showModal({
    title: '需要相册权限',
    content: '保存海报需要允许“添加到相册”。请在设置中打开后，再点“保存到相册”。',
    confirmText: '去设置',
    cancelText: '暂不',
  })
  if (confirm) await Taro.openSetting({})
  return '未保存：保存到相册需要您的允许，请在设置中打开“添加到相册”后重试。'
}

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
  } catch (e) {
    if (isAlbumRefusal(e)) return offerSettings()
    return '保存失败，请检查网络后重试。'
  }
}
