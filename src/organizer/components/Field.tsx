/** A labelled text input (Taro's Input: the same in H5 and the mini-program). */
import { Input, Text, View } from '@tarojs/components'

interface Props {
  label: string
  value: string
  placeholder?: string
  name?: string
  onChange: (value: string) => void
}

export default function Field({ label, value, placeholder, name, onChange }: Props) {
  return (
    <View className='org__field'>
      <Text className='org__field-label'>{label}</Text>
      <Input className='org__input' name={name} value={value} placeholder={placeholder} onInput={(e) => onChange(e.detail.value)} />
    </View>
  )
}
