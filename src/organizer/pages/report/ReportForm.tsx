/** The report of each target of a round that lies in my units (or the one target the link names). */
import { Button } from '@nutui/nutui-react-taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'
import { useLoad } from '../../lib/useLoad'

export default function ReportForm({ roundId, targetId }: { roundId: string; targetId?: string }) {
  const mine = useLoad(() => call('organize', 'myUnits', {}), [])
  const view = useLoad(() => call('evaluate', 'getRound', { roundId }), [roundId])
  const [texts, setTexts] = useState<Record<string, string>>({})
  const [done, setDone] = useState<Record<string, string>>({})
  const [error, setError] = useState<ApiError | null>(null)

  const loadError = view.error ?? mine.error
  if (loadError) return <Text className='qp-error'>{loadError.message}</Text>
  if (!view.data || !mine.data) return <Text className='org__empty'>正在加载…</Text>
  const myUnitIds = mine.data.units.map((u) => u.id)
  const targets = view.data.targets.filter((t) => (targetId ? t.id === targetId : myUnitIds.includes(t.unitId)))

  const submit = async (id: string) => {
    const res = await call('organize', 'writeReport', { roundId, targetId: id, text: (texts[id] ?? '').trim() })
    setError(res.ok ? null : res.error)
    if (res.ok) setDone((d) => ({ ...d, [id]: res.data.approved ? '已保存并发布。' : '已提交，组织方审核通过后向参评群众展示。' }))
  }

  return (
    <View>
      <View className='qp-card'>
        <Text className='qp-card__title'>{view.data.round.title}</Text>
        {targets.length === 0 && <Text className='qp-muted'>这次评议中没有您负责的单位。</Text>}
      </View>
      {targets.map((t) => {
        const text = texts[t.id] ?? t.report
        return (
          <View key={t.id} className='qp-card report-form'>
            <Text className='qp-card__title'>{t.name}</Text>
            {t.report && <Text className='qp-muted'>已公开的报告如下，可修改后重新提交。</Text>}
            <Textarea
              className='org__input report-form__text'
              autoHeight
              maxlength={20000}
              value={text}
              placeholder='例如：一年来，本支部围绕……开展了以下工作：'
              onInput={(e) => setTexts((all) => ({ ...all, [t.id]: e.detail.value }))}
            />
            {done[t.id] && <Text className='org__ok report-form__done'>{done[t.id]}</Text>}
            <View className='org__inline-actions'>
              <Button type='primary' block disabled={!text.trim()} onClick={() => void submit(t.id)}>
                提交报告
              </Button>
            </View>
          </View>
        )
      })}
      {error && <Text className='qp-error'>{error.message}</Text>}
    </View>
  )
}
