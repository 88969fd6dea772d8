/** The server's Chinese sentences for provisional, withheld and sample-not-met figures, in a band. */
import { Text, View } from '@tarojs/components'

export default function Notices({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null
  return (
    <View className='dash-notices'>
      {notices.map((n) => <Text key={n} className='dash-notice'>{n}</Text>)}
    </View>
  )
}
