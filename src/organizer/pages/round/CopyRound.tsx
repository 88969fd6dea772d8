/** Drafting a new round from this one (same targets, categories, items and rules) with a new title and window. */
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { RoundDetail } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'
import Field from '../../components/Field'
import { organizerPaths } from '../../lib/paths'
import { defaultWindow, parseLocal, showLocal } from '../../lib/window'

export default function CopyRound({ round }: { round: RoundDetail }) {
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState(`${round.title}（新一轮）`)
  const [edges, setEdges] = useState(() => {
    const w = defaultWindow()
    return { opensAt: showLocal(w.opensAt), closesAt: showLocal(w.closesAt) }
  })
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const opensAt = parseLocal(edges.opensAt)
  const closesAt = parseLocal(edges.closesAt)

  const copy = async () => {
    if (!opensAt || !closesAt) return
    setBusy(true)
    const res = await call('organize', 'copyRound', { roundId: round.id, title: title.trim(), window: { opensAt, closesAt } })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    void Taro.redirectTo({ url: organizerPaths.round(res.data.roundId) })
  }

  if (!open) {
    return (
      <View className='qp-actions'>
        <Button fill='outline' block onClick={() => setOpen(true)}>复制为新一轮评议</Button>
      </View>
    )
  }
  return (
    <View className='qp-card copy-round'>
      <Text className='qp-card__title'>复制为新一轮评议</Text>
      <Text className='qp-muted'>沿用评议对象、分组、参评人员类别、评议内容和规则；名单、邀请码和情况报告不复制。新评议为草稿。</Text>
      <Field label='新评议名称' maxlength={200} value={title} onChange={setTitle} />
      <Field label='开始时间（年-月-日 时:分）' maxlength={16} value={edges.opensAt} onChange={(v) => setEdges((e) => ({ ...e, opensAt: v }))} />
      <Field label='结束时间（年-月-日 时:分）' maxlength={16} value={edges.closesAt} onChange={(v) => setEdges((e) => ({ ...e, closesAt: v }))} />
      {(!opensAt || !closesAt) && <Text className='org__blocker'>请按“2026-11-22 09:00”的格式填写时间</Text>}
      {error && <Text className='qp-error'>{error.message}</Text>}
      <View className='org__inline-actions'>
        <Button type='primary' disabled={!title.trim() || !opensAt || !closesAt} loading={busy} onClick={() => void copy()}>复制</Button>
        <Button fill='outline' onClick={() => setOpen(false)}>取消</Button>
      </View>
    </View>
  )
}
