/** @module Copying a code or a link: the platform clipboard in both builds (H5 via Taro's shim). */
import Taro from '@tarojs/taro'

export async function copyText(text: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text })
    return true
  } catch {
    return false
  }
}
