/** @module Instants in Beijing time that never break inside a date: "2026年 / 12月" reads as two dates. */
import { Text } from '@tarojs/components'
import { showTime } from '../services/time'

export function When({ at }: { at: string }) {
  return <Text className='qp-when'>{showTime(at)}</Text>
}

/** "<opens> 至 <closes>", each date kept whole; the line breaks only around 至. */
export function Period({ window }: { window: { opensAt: string; closesAt: string } }) {
  return (
    <>
      <When at={window.opensAt} /> 至 <When at={window.closesAt} />
    </>
  )
}
