/**
 * Step 4: when the round opens and closes, typed as "2026-11-22 09:00" in Beijing time (no picker:
 * the picker template would grow the resident's main package).
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import Field from '../../components/Field'
import type { Draft } from '../../lib/draft'
import { nowLocal, parseLocal, showLocal } from '../../lib/window'

interface Props {
  draft: Draft
  update: (patch: Partial<Draft>) => void
}

type Edge = 'opensAt' | 'closesAt'
const EDGES: Record<Edge, string> = { opensAt: '开始时间', closesAt: '结束时间' }

export default function WindowStep({ draft, update }: Props) {
  const [text, setText] = useState<Record<Edge, string>>({ opensAt: showLocal(draft.window.opensAt), closesAt: showLocal(draft.window.closesAt) })
  const set = (edge: Edge, value: string) => {
    setText((t) => ({ ...t, [edge]: value }))
    const iso = parseLocal(value)
    if (iso) update({ window: { ...draft.window, [edge]: iso } })
  }
  return (
    <View className='qp-card'>
      <Text className='qp-card__title'>评议时间（北京时间）</Text>
      {(Object.keys(EDGES) as Edge[]).map((edge) => (
        <View key={edge}>
          <Field label={`${EDGES[edge]}（年-月-日 时:分）`} maxlength={16} value={text[edge]} placeholder='2026-11-22 09:00' onChange={(v) => set(edge, v)} />
          {!parseLocal(text[edge]) && <Text className='org__blocker'>请按“2026-11-22 09:00”的格式填写</Text>}
        </View>
      ))}
      <View className='org__chips'>
        <Text className='org__chip window__now' onClick={() => set('opensAt', nowLocal())}>从现在开始</Text>
      </View>
      <Text className='qp-muted'>默认从明天 8:00 到一周后 18:00。创建后为草稿，检查无误再开放；开放前可随时修改。</Text>
    </View>
  )
}
