/**
 * A labelled one-line text field: a real one-line input (a textarea would wrap, grow and, in a
 * browser, show a resize grip). The codes page's NutUI Input already puts `input` in the
 * mini-program's shared template, so this adds nothing to the main package.
 */
import { Input, Text, View } from '@tarojs/components'

interface Props {
  label: string
  value: string
  placeholder?: string
  maxlength?: number
  className?: string
  onChange: (value: string) => void
}

export default function Field({ label, value, placeholder, maxlength = 60, className, onChange }: Props) {
  return (
    <View className={`org__field${className ? ` ${className}` : ''}`}>
      <Text className='org__field-label'>{label}</Text>
      <Input className='org__input' type='text' value={value} maxlength={maxlength} placeholder={placeholder} onInput={(e) => onChange(e.detail.value)} />
    </View>
  )
}
