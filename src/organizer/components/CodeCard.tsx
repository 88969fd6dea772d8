/** An invitation code shown big, with a copy button: read out, typed or pasted by its holder. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { copyText } from '../lib/clipboard'

export default function CodeCard({ title, code, note }: { title: string; code: string; note?: string }) {
  return (
    <View className='qp-card code-card'>
      <Text className='qp-card__title'>{title}</Text>
      <View className='org__code'>
        <Text className='code-card__code' userSelect>
          {code}
        </Text>
      </View>
      {note && <Text className='qp-muted'>{note}</Text>}
      <View className='org__inline-actions'>
        <Button type='primary' fill='outline' onClick={() => void copyText(code)}>
          复制邀请码
        </Button>
      </View>
    </View>
  )
}
