/** Step 4: when the round opens and closes (Beijing time), picked as a date and a time each. */
import { Picker, Text, View } from '@tarojs/components'
import type { Draft } from '../../lib/draft'
import { splitInstant, toInstant } from '../../lib/window'

interface Props {
  draft: Draft
  update: (patch: Partial<Draft>) => void
}

type Edge = 'opensAt' | 'closesAt'
const EDGES: Record<Edge, string> = { opensAt: '开始', closesAt: '结束' }

export default function WindowStep({ draft, update }: Props) {
  const set = (edge: Edge, part: 'date' | 'time', value: string) => {
    const cur = splitInstant(draft.window[edge])
    const next = { ...cur, [part]: value }
    update({ window: { ...draft.window, [edge]: toInstant(next.date, next.time) } })
  }
  return (
    <View className='qp-card'>
      <Text className='qp-card__title'>评议时间（北京时间）</Text>
      {(Object.keys(EDGES) as Edge[]).map((edge) => {
        const { date, time } = splitInstant(draft.window[edge])
        return (
          <View key={edge} className='org__row'>
            <Text className='org__label'>{EDGES[edge]}</Text>
            <Picker mode='date' value={date} onChange={(e) => set(edge, 'date', String(e.detail.value))}>
              <Text className='org__chip'>{date}</Text>
            </Picker>
            <Picker mode='time' value={time} onChange={(e) => set(edge, 'time', String(e.detail.value))}>
              <Text className='org__chip'>{time}</Text>
            </Picker>
          </View>
        )
      })}
      <Text className='qp-muted'>创建后为草稿，检查无误再开放；开放前可随时修改。</Text>
    </View>
  )
}
