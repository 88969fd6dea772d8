/**
 * A tappable line of the resident's home: title, optional note, something on the right. Our own,
 * not NutUI's Cell, because the resident's main package is at its size budget.
 */
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './Row.scss'

interface Props {
  title: string
  note?: ReactNode
  extra?: string
  className?: string
  onClick?: () => void
}

export default function Row({ title, note, extra, className, onClick }: Props) {
  return (
    <View className={`qp-row${onClick ? ' qp-row--tap' : ''}${className ? ` ${className}` : ''}`} onClick={onClick}>
      <View className='qp-row__main'>
        <Text className='qp-row__title'>{title}</Text>
        {note && <Text className='qp-row__note'>{note}</Text>}
      </View>
      {extra && <Text className='qp-row__extra'>{extra}</Text>}
    </View>
  )
}
