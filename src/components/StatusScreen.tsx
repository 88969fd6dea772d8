/** A whole-page state (closed, not yet open, not eligible, offline…) with one clear way on. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './StatusScreen.scss'

export type StatusTone = 'info' | 'wait' | 'stop' | 'done'

const ICONS: Record<StatusTone, string> = { info: 'i', wait: '…', stop: '!', done: '✓' }

interface Props {
  tone: StatusTone
  title: string
  message?: ReactNode
  children?: ReactNode
  action?: { label: string; onClick: () => void }
}

export default function StatusScreen({ tone, title, message, children, action }: Props) {
  return (
    <View className={`status status--${tone}`}>
      <View className='status__icon'>{ICONS[tone]}</View>
      <Text className='status__title'>{title}</Text>
      {message && <Text className='status__message'>{message}</Text>}
      {children}
      {action && (
        <View className='qp-actions'>
          <Button type='primary' size='xlarge' block onClick={action.onClick}>
            {action.label}
          </Button>
        </View>
      )}
    </View>
  )
}
