/**
 * Step 4: when the round opens and closes, in Beijing time, picked with the platform's own date and
 * time pickers (Taro's Picker: NutUI's would put its whole template into the resident's main package).
 */
import { Picker, Text, View } from '@tarojs/components'
import type { Draft } from '../../lib/draft'
import { nowLocal, parseLocal, showLocal } from '../../lib/window'

interface Props {
  draft: Draft
  update: (patch: Partial<Draft>) => void
}

type Edge = 'opensAt' | 'closesAt'
const EDGES: Record<Edge, string> = { opensAt: '开始时间', closesAt: '结束时间' }

export default function WindowStep({ draft, update }: Props) {
  const shown = (edge: Edge) => showLocal(draft.window[edge]).split(' ') as [string, string]
  const set = (edge: Edge, local: string) => {
    const iso = parseLocal(local)
    if (iso) update({ window: { ...draft.window, [edge]: iso } })
  }
  return (
    <View className='qp-card'>
      <Text className='qp-card__title'>评议时间（北京时间）</Text>
      {(Object.keys(EDGES) as Edge[]).map((edge) => {
        const [date, time] = shown(edge)
        return (
          <View key={edge} className={`org__field window__${edge}`}>
            <Text className='org__field-label'>{EDGES[edge]}</Text>
            <View className='window__pickers'>
              <Picker className='window__date' mode='date' value={date} onChange={(e) => set(edge, `${e.detail.value} ${time}`)}>
                <Text className='org__input'>{date}</Text>
              </Picker>
              <Picker className='window__time' mode='time' value={time} onChange={(e) => set(edge, `${date} ${e.detail.value}`)}>
                <Text className='org__input'>{time}</Text>
              </Picker>
            </View>
          </View>
        )
      })}
      <View className='org__chips'>
        <Text className='org__chip window__now' onClick={() => set('opensAt', nowLocal())}>从现在开始</Text>
      </View>
      <Text className='qp-muted'>默认从明天 8:00 到一周后 18:00。点日期或时间即可修改。创建后为草稿，检查无误再开放；开放前可随时修改。</Text>
    </View>
  )
}
