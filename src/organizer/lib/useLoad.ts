/** @module One server answer as page state: loading, data or a Chinese error, reloadable. */
import { useCallback, useEffect, useState } from 'react'
import type { ApiError, ApiResult } from '../../api/result'

export function useLoad<T>(load: () => Promise<ApiResult<T>>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fn = useCallback(load, deps)
  const reload = useCallback(async () => {
    const res = await fn()
    if (res.ok) {
      setData(res.data)
      setError(null)
    } else setError(res.error)
  }, [fn])
  useEffect(() => {
    void reload()
  }, [reload])
  return { data, error, reload, setData }
}
