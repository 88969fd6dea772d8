/**
 * Step 4: when the round opens and closes, in Beijing time, each picked with NutUI's date-and-time
 * picker (year to minute in one sheet). The organizer subpackage carries it, not the resident's main package.
 */
import { DatePicker } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { When } from '../../../components/When'
import type { Draft } from '../../lib/draft'
import { fromPicker, nowLocal, parseLocal, pickerDate } from '../../lib/window'

interface Props {
  draft: Draft
  update: (patch: Partial<Draft>) => void
}

type Edge = 'opensAt' | 'closesAt'
const EDGES: Record<Edge, string> = { opensAt: '开始时间', closesAt: '结束时间' }

/** From the start of today (a draft may open at once) to two years on. */
function range(): { startDate: Date; endDate: Date } {
  const today = new Date()
  return {
    startDate: new Date(today.getFullYear(), today.getMonth(), today.getDate()),
    endDate: new Date(today.getFullYear() + 2, 11, 31, 23, 59),
  }
}

export default function WindowStep({ draft, update }: Props) {
  const [editing, setEditing] = useState<Edge | null>(null)
  // Fixed for the page's life: NutUI rebuilds its wheels whenever the bounds are new Date objects.
  const [bounds] = useState(range)
  const set = (edge: Edge, iso: string | null) => {
    if (iso) update({ window: { ...draft.window, [edge]: iso } })
  }
  return (
    <View className='qp-card'>
      <Text className='qp-card__title'>评议时间（北京时间）</Text>
      {(Object.keys(EDGES) as Edge[]).map((edge) => (
        <View key={edge} className={`org__field window__${edge}`} onClick={() => setEditing(edge)}>
          <Text className='org__field-label'>{EDGES[edge]}</Text>
          <View className='org__input window__value'>
            <When at={draft.window[edge]} />
          </View>
        </View>
      ))}
      <View className='org__chips'>
        <Text className='org__chip window__now' onClick={() => set('opensAt', parseLocal(nowLocal()))}>从现在开始</Text>
      </View>
      <Text className='qp-muted'>默认从明天 8:00 到一周后 18:00。点时间即可修改。创建后为草稿，检查无误再开放；开放前可随时修改。</Text>
      {editing && (
        <DatePicker
          className='window__picker'
          visible
          type='datetime'
          showChinese
          title={`选择${EDGES[editing]}`}
          {...bounds}
          defaultValue={pickerDate(draft.window[editing])}
          onConfirm={(_, columns) => set(editing, fromPicker(columns))}
          onClose={() => setEditing(null)}
        />
      )}
    </View>
  )
}
