/**
 * 名单审定: the roster's state where the procedure asks the supervisors (organisers of the unit above)
 * to approve it — 待审定, 已审定 or 退回 with their reason — and, for a supervisor, approve or return.
 */
import { Button } from '@nutui/nutui-react-taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { RoundDetail, RosterReview } from '../../../api/organize'
import type { ApiError } from '../../../api/result'
import { call } from '../../../services/api'
import { useLoad } from '../../lib/useLoad'

const STATE_LABELS: Record<RosterReview['state'], string> = { pending: '待审定', approved: '已审定', returned: '退回' }

interface Props {
  round: RoundDetail
  onChanged: () => Promise<void>
}

export default function RosterReviewPanel({ round, onChanged }: Props) {
  // Any change of the roster may send it back: asked again whenever the roster's sizes move.
  const review = useLoad(() => call('organize', 'rosterReview', { roundId: round.id }), [round.id, JSON.stringify(round.rosterSizes)])
  const [reason, setReason] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const r = review.data
  if (!r?.required) return null

  const settle = async (approve: boolean) => {
    const res = await call('organize', 'reviewRoster', { roundId: round.id, revision: r.revision, approve, ...(approve ? {} : { reason: reason.trim() }) })
    setError(res.ok ? null : res.error)
    if (res.ok) {
      review.setData(res.data)
      setReason('')
    }
    await onChanged()
  }

  return (
    <View className='qp-card roster-review'>
      <View className='org__row'>
        <Text className='qp-card__title'>名单审定</Text>
        <Text className={`roster-review__state roster-review__state--${r.state}`}>{STATE_LABELS[r.state]}</Text>
      </View>
      <Text className='qp-muted'>
        本次评议的参评人员名单须报督导组（上级单位组织员）审定；审定前邀请码不能打印，也不能用于参评。审定后名单如有新增、更改或补发邀请码，须重新审定。
      </Text>
      {r.state === 'returned' && r.reason && <Text className='qp-error roster-review__reason'>{`退回原因：${r.reason}`}</Text>}
      {r.reviewable && r.state !== 'approved' && (
        <>
          <Textarea className='org__input roster-review__reason-input' autoHeight maxlength={500} placeholder='退回时请写明原因' value={reason} onInput={(e) => setReason(e.detail.value)} />
          <View className='org__inline-actions'>
            <Button size='small' type='primary' onClick={() => void settle(true)}>审定通过</Button>
            <Button size='small' fill='outline' disabled={!reason.trim()} onClick={() => void settle(false)}>退回</Button>
          </View>
        </>
      )}
      {error && <Text className='qp-error'>{error.message}</Text>}
    </View>
  )
}
