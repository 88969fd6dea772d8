/** @module The 关怀 (large-text) preference: kept in Taro storage, announced to open pages. */
import Taro from '@tarojs/taro'

const KEY = 'qunping.careMode'
const EVENT = 'qunping:care-mode'

export function readCareMode(): boolean {
  try {
    return Taro.getStorageSync(KEY) === true
  } catch {
    return false
  }
}

export function writeCareMode(on: boolean): void {
  Taro.setStorageSync(KEY, on)
  Taro.eventCenter.trigger(EVENT, on)
}

export function onCareModeChange(listener: (on: boolean) => void): () => void {
  Taro.eventCenter.on(EVENT, listener)
  return () => Taro.eventCenter.off(EVENT, listener)
}
