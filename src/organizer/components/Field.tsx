/**
 * A labelled one-line text field. It is a Textarea on purpose: the resident's ballot already puts
 * textarea in the mini-program's shared template, while input would add ~2.4 KB to the main package.
 */
import { Text, Textarea, View } from '@tarojs/components'

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
      <Textarea
        className='org__input'
        autoHeight
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value.replace(/\n/g, ''))}
      />
    </View>
  )
}
