/** The root of every page: carries the 关怀 (large-text) class that scales type and tap targets. */
import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { useCareMode } from './useCareMode'

export default function Screen({ className, children }: PropsWithChildren<{ className?: string }>) {
  const [care] = useCareMode()
  return <View className={`qp${care ? ' qp--care' : ''}${className ? ` ${className}` : ''}`}>{children}</View>
}
