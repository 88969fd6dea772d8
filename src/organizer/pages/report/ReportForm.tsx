/** The report of each target of a round that I answer for (or the one target the link names). */
import { Button } from '@nutui/nutui-react-taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'
import MissingHint from '../../components/MissingHint'
import { missingName } from '../../lib/missing'
import { useLoad } from '../../lib/useLoad'

export default function ReportForm({ roundId, targetId }: { roundId: string; targetId?: string }) {
  const view = useLoad(() => call('organize', 'myReports', { roundId }), [roundId])
  const [texts, setTexts] = useState<Record<string, string>>({})
  const [done, setDone] = useState<Record<string, string>>({})
  const [error, setError] = useState<ApiError | null>(null)

  if (view.error) return <Text className='qp-error'>{view.error.message}</Text>
  if (!view.data) return <Text className='org__empty'>正在加载…</Text>
  const reports = view.data.reports.filter((r) => !targetId || r.targetId === targetId)

  const submit = async (id: string) => {
    const res = await call('organize', 'writeReport', { roundId, targetId: id, text: (texts[id] ?? '').trim() })
    setError(res.ok ? null : res.error)
    if (res.ok) setDone((d) => ({ ...d, [id]: res.data.approved ? '已保存并发布。' : '已提交，组织方审核通过后向参评群众展示。' }))
  }

  return (
    <View>
      <View className='qp-card'>
        <Text className='qp-card__title'>{view.data.title}</Text>
        {reports.length === 0 && <Text className='qp-muted'>这次评议中没有您负责的单位。</Text>}
        {!view.data.writable && <Text className='qp-muted report-form__sealed'>评议已结束，情况报告已随评议存档，只能查看。</Text>}
      </View>
      {reports.map((r) => {
        const text = texts[r.targetId] ?? r.text
        if (!view.data?.writable) {
          return (
            <View key={r.targetId} className='qp-card report-form'>
              <Text className='qp-card__title'>{r.name}</Text>
              <Text className='report-form__text'>{r.text || '（未提交报告）'}</Text>
            </View>
          )
        }
        const missing = missingName(text, '报告内容')
        return (
          <View key={r.targetId} className='qp-card report-form'>
            <Text className='qp-card__title'>{r.name}</Text>
            {r.text && <Text className='qp-muted'>{r.approved ? '报告已审核公开，可修改后重新提交。' : '报告已提交，正等待组织方审核；可修改后重新提交。'}</Text>}
            <Textarea
              className='org__input report-form__text'
              autoHeight
              maxlength={20000}
              value={text}
              placeholder='例如：一年来，本支部围绕……开展了以下工作：'
              onInput={(e) => setTexts((all) => ({ ...all, [r.targetId]: e.detail.value }))}
            />
            {done[r.targetId] && <Text className='org__ok report-form__done'>{done[r.targetId]}</Text>}
            <MissingHint missing={missing} />
            <View className='org__inline-actions'>
              <Button type='primary' block disabled={missing !== null} onClick={() => void submit(r.targetId)}>
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
