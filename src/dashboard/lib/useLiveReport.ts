/**
 * @module A report answer kept fresh while its page is on screen: loaded on show, again about every
 * 15 s (or as often as the page asks: the meeting's big screen, every 3 s), and on pull-down; the timer stops when the page is hidden, so a pocketed phone costs nothing.
 */
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useUnload } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiError, ApiResult } from '../../api/result'

export const REFRESH_MS = 15_000

export function useLiveReport<T>(load: () => Promise<ApiResult<T>>, deps: unknown[], every = REFRESH_MS) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fn = useCallback(load, deps)

  const reload = useCallback(async () => {
    const res = await fn()
    if (res.ok) {
      setData(res.data)
      setError(null)
    } else setError(res.error)
  }, [fn])

  const stop = useCallback(() => {
    if (timer.current) clearInterval(timer.current)
    timer.current = null
  }, [])
  const start = useCallback(() => {
    stop()
    timer.current = setInterval(() => {
      // A browser tab in the background is not "visible" either.
      if (typeof document !== 'undefined' && document.hidden) return
      void reload()
    }, every)
  }, [reload, stop, every])

  useEffect(() => {
    void reload()
    start()
    return stop
  }, [reload, start, stop])
  useDidShow(() => {
    if (timer.current) return
    void reload()
    start()
  })
  useDidHide(stop)
  useUnload(stop)
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))

  return { data, error, reload }
}
