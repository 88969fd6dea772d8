/** @module The 关怀 preference as React state, in step across every open page. */
import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { onCareModeChange, readCareMode, writeCareMode } from '../services/careMode'

export function useCareMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(readCareMode)
  useEffect(() => onCareModeChange(setOn), [])
  useDidShow(() => setOn(readCareMode()))
  const set = useCallback((next: boolean) => writeCareMode(next), [])
  return [on, set]
}
