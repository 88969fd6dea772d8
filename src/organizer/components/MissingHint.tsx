/** Under a disabled button: what is still missing, so a tap that does nothing is never the only answer. */
import { Text } from '@tarojs/components'

export default function MissingHint({ missing }: { missing: string | null }) {
  return missing ? <Text className='org__missing'>{missing}</Text> : null
}
